import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { continuousText } from '../../src/evidence/continuous.js';
import { armHeadline, joinParts } from '../../src/deck/format.js';
import { parseTrialText } from '../../src/trial/load.js';
import type { Outcome, Trial } from '../../src/trial/schema.js';

// STEP 1 (Wilding, NEJM 2021): semaglutide 2.4 mg vs placebo, change in body weight.
const stepText = readFileSync(fileURLToPath(new URL('../../data/step-1.yaml', import.meta.url)), 'utf8');
const step = (edit: (t: Trial) => void = () => {}): Trial => {
  const t = parseTrialText(stepText, 'step-1.yaml', 'data').trial;
  edit(t);
  return t;
};
const primary = (t: Trial): Outcome => t.results[0] as Outcome;

describe('continuousText', () => {
  it('difference with CI and the direction of benefit (STEP 1: −12.4 points, 95% CI −13.4 to −11.5)', () => {
    const t = step();
    const v = continuousText(primary(t).effect, primary(t), t);
    expect(v?.difference).toBe('Estimated treatment difference −12.4% (95% CI −13.4% to −11.5%)');
    expect(v?.direction).toBe('Lower is better: favours Semaglutide 2.4 mg (the CI excludes 0)');
    expect(v?.mcid).toBeNull();
    expect(v?.text).toBe(`${v?.difference}; ${v?.direction}`);
  });

  it('against an MCID: the whole CI beyond a 5-point MCID is an important benefit', () => {
    const t = step((x) => {
      primary(x).mcid = { value: 5, source: 'weight-loss guidelines' };
    });
    const v = continuousText(primary(t).effect, primary(t), t);
    expect(v?.mcidKind).toBe('important-benefit');
    expect(v?.mcid).toBe('MCID 5% (weight-loss guidelines): the whole CI lies beyond it: an important benefit');
  });

  it('MD −2.1 kg (95% CI −3.0 to −1.2) with MCID 5 kg: the CI excludes an important benefit', () => {
    const t = step((x) => {
      const o = primary(x);
      o.unit = 'kg';
      o.mcid = { value: 5, source: 'source' };
      o.effect = { reported: true, measure: 'MD', estimate: -2.1, ci: { lower: -3.0, upper: -1.2, level: 0.95 }, ciText: '−3.0 to −1.2', otherEffects: undefined } as never;
    });
    const v = continuousText(primary(t).effect, primary(t), t);
    expect(v?.text).toBe('MD −2.1 kg (95% CI −3.0 to −1.2); Lower is better: favours Semaglutide 2.4 mg (the CI excludes 0); MCID 5 kg (source): the CI excludes an important benefit');
  });

  it('a CI that includes the MCID and 0, with higher is better', () => {
    const t = step((x) => {
      const o = primary(x);
      o.benefit = 'higher';
      o.unit = 'points';
      o.mcid = { value: 10 };
      o.effect = { reported: true, measure: 'MD', estimate: 4, ci: { lower: -12, upper: 14, level: 0.95 } } as never;
    });
    const v = continuousText(primary(t).effect, primary(t), t);
    expect(v?.direction).toBe('Higher is better: the estimate favours Semaglutide 2.4 mg, but the CI includes 0');
    expect(v?.mcid).toBe('MCID 10 points: the CI includes an important benefit but also smaller effects, and does not exclude an important harm');
  });

  it('is null for ratio effects', () => {
    const t = step();
    const binary = t.results[1] as Outcome;
    expect(continuousText({ ...binary.effect!, reported: true, measure: 'OR', estimate: 2 }, binary, t)).toBeNull();
  });
});

describe('primary-slide cells without a count', () => {
  it('joinParts drops empty parts, so no stray " · "', () => {
    expect(joinParts(['Placebo', ''])).toBe('Placebo');
    expect(joinParts(['HR 0.79', undefined, '95% CI 0.66 to 0.96', null, 'P < 0.001'])).toBe('HR 0.79 · 95% CI 0.66 to 0.96 · P < 0.001');
  });
  it('a mean change says "mean" (or its SD) instead of nothing; a bare percentage has no tail', () => {
    expect(armHeadline('Placebo', { kind: 'mean', mean: -2.4, unit: '%', text: '−2.4%' })).toEqual({ big: '−2.4%', text: 'Placebo · mean' });
    expect(armHeadline('Placebo', { kind: 'mean', mean: -2.6, sd: 5.1, unit: 'kg' })).toEqual({ big: '−2.6 kg', text: 'Placebo · SD 5.1' });
    expect(armHeadline('Placebo', { kind: 'percent', percent: 12.5 })).toEqual({ big: '12.5%', text: 'Placebo' });
    expect(armHeadline('Placebo', undefined)).toEqual({ big: '—', text: 'Placebo' });
  });
});
