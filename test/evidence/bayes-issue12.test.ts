import { describe, expect, it } from 'vitest';
import { bayesianReanalysis } from '../../src/evidence/bayes.js';
import type { BayesResult, PosteriorSummary, PriorName } from '../../src/evidence/types.js';

const WEANING = 'Successful VA-ECMO weaning within 30 days (primary; competing risk)';
const levoecmo = (extra: Parameters<typeof bayesianReanalysis>[1] = {}): BayesResult =>
  bayesianReanalysis({ measure: 'sHR', estimate: 1.02, lower: 0.74, upper: 1.39 }, { benefit: 'higher', designEffect: 1.75, outcome: WEANING, ...extra });
const get = (r: BayesResult, name: PriorName): PosteriorSummary => r.posteriors.find((p) => p.prior === name)!;
const p = (r: BayesResult, prior: PriorName, label: string): number => {
  const i = r.thresholds.findIndex((t) => t.label === label);
  if (i < 0) throw new Error(`no threshold ${label}: ${r.thresholds.map((t) => t.label).join(', ')}`);
  return get(r, prior).probabilities[i]!;
};

describe('Bayesian re-reading, issue 12 vectors (LEVOECMO sHR 1.02, 0.74–1.39)', () => {
  const r = levoecmo();

  it('flat prior: P(sHR>1) 0.549, P(sHR>1.1) 0.319, P(sHR>1.25) 0.103, P(sHR<0.9) 0.218', () => {
    expect(p(r, 'flat', 'P(sHR > 1)')).toBeCloseTo(0.549, 3);
    expect(p(r, 'flat', 'P(sHR > 1.1)')).toBeCloseTo(0.319, 3);
    expect(p(r, 'flat', 'P(sHR > 1.25)')).toBeCloseTo(0.103, 3);
    expect(p(r, 'flat', 'P(sHR < 0.9)')).toBeCloseTo(0.218, 3);
  });

  it('sceptical prior from design sHR 1.75 (SD ln 1.75/1.645 = 0.340): median 1.016, 95% CrI 0.764–1.351', () => {
    const sc = get(r, 'sceptical');
    expect(sc.priorMean).toBe(0);
    expect(sc.priorSd!).toBeCloseTo(0.34, 3);
    expect(sc.median).toBeCloseTo(1.016, 3);
    expect(sc.lower).toBeCloseTo(0.764, 3);
    expect(sc.upper).toBeCloseTo(1.351, 3);
  });

  it('the design effect is not an MCID: no threshold is called MCID, and the thresholds are named as numbers', () => {
    expect(r.mcid).toBeNull();
    expect(r.designEffect).toBe(1.75);
    expect(r.thresholds.map((t) => t.label)).toEqual(['P(sHR > 1)', 'P(sHR > 1.1)', 'P(sHR > 1.25)', 'P(sHR < 1)', 'P(sHR < 0.9)']);
    expect(r.thresholds.some((t) => /MCID/.test(t.meaning))).toBe(false);
  });

  it('an MCID set by the presenter is called MCID', () => {
    const m = levoecmo({ mcid: 1.3 });
    expect(m.thresholds.map((t) => t.label)).toEqual(['P(sHR > 1)', 'P(sHR > 1.3)', 'P(sHR < 1)', 'P(sHR < 0.9)']);
    expect(m.thresholds[1]!.meaning).toBe('benefit beyond the MCID (sHR 1.3)');
    // Priors still come from the design effect, not the MCID.
    expect(get(m, 'sceptical').priorSd!).toBeCloseTo(Math.log(1.75) / 1.6448536269514722, 12);
  });

  it('the opposite direction of a good outcome is worded as fewer of it, not "harm"', () => {
    expect(r.thresholds[3]!.meaning).toBe('fewer successful VA-ECMO weanings');
    expect(r.thresholds[4]!.meaning).toBe('fewer successful VA-ECMO weanings, beyond sHR 0.9');
  });

  it('labels the measure and states the normal approximation', () => {
    expect(r.measureName).toBe('subdistribution hazard ratio');
    expect(r.approximation).toBe(
      'Normal approximation on the log scale: ln sHR ~ N(ln 1.02, 0.161²), SE = (ln 1.39 − ln 0.74) / (2 × 1.96) from the reported 95% CI; normal priors, conjugate update.',
    );
  });

  it('rows differ: the neutral prior, which would duplicate the sceptical one here, is left out and says why', () => {
    expect(r.posteriors.map((x) => x.prior)).toEqual(['flat', 'sceptical', 'enthusiastic']);
    expect(r.omitted[0]?.prior).toBe('neutral');
    expect(r.omitted[0]?.text).toMatch(/practically the sceptical prior/);
    // The enthusiastic posterior is visibly different from the data alone.
    expect(get(r, 'enthusiastic').median.toFixed(2)).toBe('1.13');
    expect(p(r, 'enthusiastic', 'P(sHR > 1)')).toBeCloseTo(0.7922525351, 9);
    // Asked for explicitly, the neutral prior comes back.
    expect(levoecmo({ neutral: true }).posteriors.map((x) => x.prior)).toEqual(['flat', 'neutral', 'sceptical', 'enthusiastic']);
  });

  it('a design effect far from the neutral spread keeps all four priors (HR 0.8 design: sceptical SD 0.136)', () => {
    const h = bayesianReanalysis({ measure: 'HR', estimate: 0.75, lower: 0.55, upper: 1.02 }, { benefit: 'lower', designEffect: 0.8, outcome: 'Death at day 90' });
    expect(h.posteriors.map((x) => x.prior)).toEqual(['flat', 'neutral', 'sceptical', 'enthusiastic']);
    expect(h.thresholds.map((t) => t.label)).toEqual(['P(HR < 1)', 'P(HR < 0.9)', 'P(HR < 0.8)', 'P(HR > 1)', 'P(HR > 1.1)']);
    expect(h.thresholds[3]!.meaning).toBe('more deaths');
  });
});
