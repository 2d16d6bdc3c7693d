import { describe, expect, it } from 'vitest';
import { verdict } from '../../src/evidence/verdict.js';
import type { Outcome, Trial } from '../../src/trial/schema.js';
import { PEGASUS, ROCKET_AF, parse } from './fixtures/design-trials.js';

const rocket = parse(ROCKET_AF);
const outcome = (t: Trial, i: number): Outcome => {
  const o = t.results[i];
  if (!o) throw new Error(`no outcome ${i}`);
  return o;
};

describe('verdict: non-inferiority (ROCKET AF, HR margin 1.46)', () => {
  it('per-protocol HR 0.79 (0.66–0.96): non-inferior, and superior', () => {
    const o = outcome(rocket, 0);
    const v = verdict(o.effect, o, rocket);
    expect(v).toMatchObject({ hypothesis: 'non-inferiority', kind: 'non-inferior', margin: 1.46, population: 'per-protocol', superiority: { kind: 'superior' } });
    expect(v.text).toBe('Non-inferior: upper 95% CI bound 0.96 < margin 1.46; superior: upper 95% CI bound 0.96 < 1');
  });

  it('ITT HR 0.88 (0.74–1.03): non-inferior, not shown superior, never "no difference"', () => {
    const o = outcome(rocket, 1);
    const v = verdict(o.effect, o, rocket);
    expect(v.kind).toBe('non-inferior');
    expect(v.superiority?.kind).toBe('not-shown-superior');
    expect(v.text).toBe('Non-inferior: upper 95% CI bound 1.03 < margin 1.46; not shown superior: the 95% CI 0.74 to 1.03 includes 1');
    expect(v.text).not.toMatch(/no difference/i);
  });

  it('an upper bound at or above the margin is not non-inferior; a CI wholly beyond it is inferior', () => {
    const wide = parse(ROCKET_AF, (t) => {
      t.results[0]!.effect!.ci = { lower: 1.1, upper: 1.6 };
      t.results[0]!.effect!.estimate = 1.3;
      t.results[1]!.effect!.ci = { lower: 1.5, upper: 1.9 };
      t.results[1]!.effect!.estimate = 1.7;
    });
    const [a, b] = [0, 1].map((i) => verdict(outcome(wide, i).effect, outcome(wide, i), wide));
    expect(a?.kind).toBe('not-shown-non-inferior');
    expect(a?.text).toMatch(/^Non-inferiority not shown: upper 95% CI bound 1\.6 ≥ margin 1\.46; worse: lower 95% CI bound 1\.1 > 1$/);
    expect(b?.kind).toBe('inferior');
  });

  it('a margin written as 1/1.46 and a higher-is-better outcome put the boundary on the harm side', () => {
    const flipped = parse(ROCKET_AF, (t) => {
      const o = t.results[1]!;
      o.margin = { value: 0.685 };
      o.benefit = 'higher';
      o.effect!.estimate = 1 / 0.88;
      o.effect!.ci = { lower: 0.97, upper: 1.35 };
    });
    const o = outcome(flipped, 1);
    const v = verdict(o.effect, o, flipped);
    expect(v.kind).toBe('non-inferior');
    expect(v.margin).toBeCloseTo(0.685, 9);
    expect(v.text).toMatch(/^Non-inferior: lower 95% CI bound 0\.97 > margin 0\.685; not shown superior/);
  });

  it('uses the CI level: a 97.5% CI is named so', () => {
    const t = parse(ROCKET_AF, (x) => {
      x.results[0]!.effect!.ci = { lower: 0.64, upper: 0.98, level: 0.975 };
    });
    expect(verdict(outcome(t, 0).effect, outcome(t, 0), t).text).toMatch(/^Non-inferior: upper 97\.5% CI bound 0\.98 < margin 1\.46/);
  });

  it('without a margin gives no verdict rather than a superiority one', () => {
    const t = parse(ROCKET_AF, (x) => {
      delete x.results[0]!.margin;
    });
    const v = verdict(outcome(t, 0).effect, outcome(t, 0), t);
    expect(v.kind).toBe('unknown');
    expect(v.text).toBe('No verdict: a non-inferiority outcome needs its margin on the HR scale');
    expect(v.superiority?.kind).toBe('superior');
  });
});

describe('verdict: equivalence and differences', () => {
  it('equivalence on a ratio: both bounds within 1/M and M', () => {
    const t = parse(ROCKET_AF, (x) => {
      x.design.hypothesis = 'equivalence';
      x.results[1]!.margin = { value: 1.4 };
    });
    const v = verdict(outcome(t, 1).effect, outcome(t, 1), t);
    expect(v.kind).toBe('equivalent');
    expect(v.text).toBe('Equivalent: the 95% CI 0.74 to 1.03 lies within the margins 0.714 and 1.4');
    // 0.74 is below 1/1.25 = 0.8: the CI crosses the lower margin.
    const narrow = parse(ROCKET_AF, (x) => {
      x.design.hypothesis = 'equivalence';
      x.results[1]!.margin = { value: 1.25 };
    });
    const n = verdict(outcome(narrow, 1).effect, outcome(narrow, 1), narrow);
    expect(n).toMatchObject({ kind: 'not-shown-equivalent', text: 'Equivalence not shown: the 95% CI 0.74 to 1.03 crosses the margins 0.8 and 1.25' });
  });

  it('a risk-difference margin of −10 percentage points for a cure rate (higher is better)', () => {
    const t = parse(ROCKET_AF, (x) => {
      const o = x.results[1]!;
      o.benefit = 'higher';
      o.margin = { value: -10 };
      o.effect = { measure: 'RD', estimate: -2.1, unit: '%', ci: { lower: -6.4, upper: 2.2 } };
    });
    const v = verdict(outcome(t, 1).effect, outcome(t, 1), t);
    expect(v.text).toBe('Non-inferior: lower 95% CI bound −6.4% > margin −10%; not shown superior: the 95% CI −6.4% to 2.2% includes 0');
  });
});

describe('verdict: superiority (PEGASUS-TIMI 54, each dose vs placebo)', () => {
  const peg = parse(PEGASUS);
  const o = outcome(peg, 0);
  it('HR 0.85 (0.75–0.96) ticagrelor 90 mg vs placebo: superior', () => {
    expect(verdict(o.effect, o, peg)).toMatchObject({ kind: 'superior', hypothesis: 'superiority', text: 'Superior: upper 95% CI bound 0.96 < 1', margin: null });
  });
  it('HR 0.84 (0.74–0.95) ticagrelor 60 mg vs placebo: superior', () => {
    expect(verdict(o.otherEffects[0], o, peg).text).toBe('Superior: upper 95% CI bound 0.95 < 1');
  });
  it('no verdict for an effect of a three-arm trial that does not say what it compares', () => {
    const t = parse(PEGASUS, (x) => {
      delete x.results[0]!.effect!.comparison;
    });
    expect(verdict(outcome(t, 0).effect, outcome(t, 0), t)).toMatchObject({ kind: 'unknown', text: 'No verdict: the effect does not say which arms it compares' });
  });
});
