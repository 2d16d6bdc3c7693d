import { describe, expect, it } from 'vitest';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { riskRatio } from '../../src/evidence/risk-ratio.js';
import type { OutcomeEvidence } from '../../src/evidence/types.js';
import { PEGASUS, ROCKET_AF, parse } from './fixtures/design-trials.js';

describe('deriveEvidence per named comparison (PEGASUS-TIMI 54: two doses vs placebo)', () => {
  const ev = deriveEvidence(parse(PEGASUS));
  const primary = ev.outcomes[0] as OutcomeEvidence;

  it('reads each dose against placebo, never 90 mg vs 60 mg', () => {
    expect(primary.comparisons.map((c) => [c.arm.id, c.vs.id, c.label, c.headline, c.effects])).toEqual([
      ['ticagrelor-90', 'placebo', 'Ticagrelor 90 mg vs Placebo', true, ['results[0].effect']],
      ['ticagrelor-60', 'placebo', 'Ticagrelor 60 mg vs Placebo', false, ['results[0].otherEffects[0]']],
    ]);
    expect(ev.arms).toEqual({ experimental: { id: 'ticagrelor-90', label: 'Ticagrelor 90 mg' }, comparator: { id: 'placebo', label: 'Placebo' } });
    expect(ev.control).toEqual({ id: 'placebo', label: 'Placebo' });
    expect(ev.warnings).toEqual([]);
  });

  it('risks, RD and NNT per pair from 493/7050, 487/7045 vs 578/7067', () => {
    const [d90, d60] = primary.comparisons;
    expect(d90?.binary?.experimental.risk).toBeCloseTo(493 / 7050, 12);
    expect(d90?.binary?.comparator.risk).toBeCloseTo(578 / 7067, 12);
    expect(d90?.binary?.riskDifference.estimate).toBeCloseTo(493 / 7050 - 578 / 7067, 12);
    expect(d60?.binary?.riskDifference.estimate).toBeCloseTo(487 / 7045 - 578 / 7067, 12);
    expect(d60?.binary?.riskRatio.estimate).toBeCloseTo(487 / 7045 / (578 / 7067), 12);
    expect(d90?.binary?.nnt?.estimate.kind).toBe('NNTB');
    // The headline fields are the 90 mg pair's, so two-arm code keeps working.
    expect(primary.binary).toEqual(d90?.binary);
  });

  it('a Bayesian re-reading per pair from that pair’s HR', () => {
    const [d90, d60] = primary.comparisons;
    expect(d90?.bayes?.likelihood.mean).toBeCloseTo(Math.log(0.85), 12);
    expect(d60?.bayes?.likelihood.mean).toBeCloseTo(Math.log(0.84), 12);
    expect(d60?.bayes?.posteriors[0]?.pBenefit).toBeGreaterThan(0.99);
    expect(d90?.margin).toBeNull();
    expect(primary.bayes).toEqual(d90?.bayes);
  });

  it('a verdict per pair, from that pair’s own effect', () => {
    expect(primary.comparisons.map((c) => c.verdict?.text)).toEqual(['Superior: upper 95% CI bound 0.96 < 1', 'Superior: upper 95% CI bound 0.95 < 1']);
    expect(primary.comparisons[0]?.continuous).toBeNull();
  });

  it('superiority primary analysed as a hazard ratio: no fragility index, and the reason (time to event)', () => {
    expect(ev.fragility).toBeNull();
    const primary = ev.fragilities.find((f) => f.outcomeIndex === 0);
    expect(primary?.applies).toBe(false);
    expect(primary?.reason).toMatch(/time to event \(hazard ratio\)/);
    expect(ev.marginFragility).toBeNull();
  });

  it('an arm without a reported effect is still read against the control (counts only)', () => {
    const one = deriveEvidence(
      parse(PEGASUS, (t) => {
        t.results[0]!.otherEffects = [];
      }),
    );
    const pairs = one.outcomes[0]?.comparisons ?? [];
    expect(pairs.map((c) => [c.label, c.effects.length, c.binary !== null, c.bayes !== null])).toEqual([
      ['Ticagrelor 90 mg vs Placebo', 1, true, true],
      ['Ticagrelor 60 mg vs Placebo', 0, true, false],
    ]);
  });

  it('the audit recomputes each effect from the counts of the pair it compares', () => {
    // Crude RRs of each dose vs placebo (0.855 and 0.845); 90 mg vs 60 mg would be 1.01, a material mismatch.
    const rr = deriveEvidence(
      parse(PEGASUS, (t) => {
        const o = t.results[0]!;
        o.effect = { ...o.effect!, measure: 'RR', estimate: 0.85, ci: { lower: 0.76, upper: 0.96 } };
        o.otherEffects = [{ ...o.otherEffects![0]!, measure: 'RR', estimate: 0.85, ci: { lower: 0.75, upper: 0.95 } }];
      }),
    );
    const ratios = rr.audit.filter((f) => f.check === 'risk-ratio');
    expect(ratios.map((f) => [f.path, f.severity])).toEqual([
      ['results[0].effect', 'ok'],
      ['results[0].otherEffects[0]', 'ok'],
    ]);
    expect(ratios[0]?.message).toContain('493/7050 vs 578/7067');
    expect(ratios[1]?.message).toContain('487/7045 vs 578/7067');
  });

  it('with no control and no named comparisons nothing is compared, with a warning', () => {
    const ev2 = deriveEvidence(
      parse(PEGASUS, (t) => {
        t.arms[2]!.label = 'Aspirin alone';
        t.arms[2]!.id = 'aspirin';
        const arms = t.results[0]!.arms as Record<string, unknown>;
        arms.aspirin = arms.placebo;
        delete arms.placebo;
        delete t.results[0]!.effect!.comparison;
        t.results[0]!.otherEffects = [];
      }),
    );
    expect(ev2.outcomes[0]?.comparisons).toEqual([]);
    expect(ev2.outcomes[0]?.binary).toBeNull();
    expect(ev2.warnings.map((w) => `${w.code} ${w.path}`)).toEqual(['evidence/no-comparison results[0].effect.comparison']);
  });
});

describe('deriveEvidence with a non-inferiority margin (ROCKET AF, HR 1.46)', () => {
  const ev = deriveEvidence(parse(ROCKET_AF));

  it('posterior probability of being within the margin, per prior', () => {
    const m = ev.outcomes[0]?.comparisons[0]?.margin;
    expect(m?.hypothesis).toBe('non-inferiority');
    expect(m?.boundary).toBe(1.46);
    // Flat prior: ln HR ~ N(ln 0.79, ((ln 0.96 − ln 0.66)/3.92)²); P(HR < 1.46) is essentially 1.
    expect(m?.posteriors[0]?.pWithinMargin).toBeGreaterThan(0.9999);
    expect(m?.text).toBe('P(HR < 1.46) > 99.9% (flat prior)');
    expect(ev.outcomes[0]?.hypothesis).toBe('non-inferiority');
    expect(ev.outcomes.map((o) => o.comparisons[0]?.verdict?.kind)).toEqual(['non-inferior', 'non-inferior']);
    expect(ev.outcomes[1]?.comparisons[0]?.verdict?.superiority?.kind).toBe('not-shown-superior');
  });

  it('no Walsh fragility for a non-inferiority primary with an HR margin: says why', () => {
    expect(ev.fragility).toBeNull();
    expect(ev.marginFragility).toMatchObject({ outcomeIndex: 0, value: null, measure: null });
    expect(ev.marginFragility?.text).toBe('Fragility against the margin is not computed: the margin is a HR, which event counts cannot recompute (only RR or RD margins can).');
  });

  it('a non-inferiority primary without a margin gets no Walsh index either, and says why', () => {
    const ev2 = deriveEvidence(parse(ROCKET_AF, (t) => delete t.results[0]!.margin));
    expect(ev2.fragility).toBeNull();
    expect(ev2.marginFragility).toMatchObject({ value: null, boundary: null, text: expect.stringMatching(/^Fragility is not computed: a non-inferiority result is judged against its margin/) });
  });

  it('with a risk-ratio margin counts the patients that would cross it', () => {
    const rr = deriveEvidence(
      parse(ROCKET_AF, (t) => {
        t.results[0]!.margin = { value: 1.46, measure: 'RR' };
        t.results[0]!.effect = { measure: 'RR', estimate: 0.78, ci: { lower: 0.65, upper: 0.94 } };
      }),
    );
    const f = rr.marginFragility;
    expect(f?.measure).toBe('RR');
    // Katz upper bound of (188 + k)/6958 vs 241/7004 crosses 1.46 only after many extra events.
    const k = f?.value ?? 0;
    expect(k).toBeGreaterThan(100);
    const upper = (extra: number): number => riskRatio({ events: 188 + extra, total: 6958 }, { events: 241, total: 7004 }).upper;
    expect(upper(k - 1)).toBeLessThan(1.46);
    expect(upper(k)).toBeGreaterThanOrEqual(1.46);
    expect(f?.text).toMatch(/^Margin fragility \d+: \d+ patients in the experimental arm with a worse outcome would move the RR CI bound across the margin 1\.46\.$/);
  });
});
