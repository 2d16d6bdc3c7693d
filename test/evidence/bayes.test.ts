import { describe, expect, it } from 'vitest';
import { bayesianReanalysis, NEUTRAL_PRIOR_SD, orientMcid, posteriorDensities } from '../../src/evidence/bayes.js';
import { normalCdf } from '../../src/evidence/normal.js';
import type { PosteriorSummary, PriorName } from '../../src/evidence/types.js';

// Reference values computed independently with scipy.stats.norm (see the report).
const get = (ps: PosteriorSummary[], name: PriorName): PosteriorSummary => {
  const p = ps.find((x) => x.prior === name);
  if (!p) throw new Error(`no ${name} posterior`);
  return p;
};

describe('bayesianReanalysis', () => {
  it('HR 0.75 (0.55 to 1.02), flat prior → P(HR < 1) = 0.966', () => {
    const r = bayesianReanalysis({ measure: 'HR', estimate: 0.75, lower: 0.55, upper: 1.02 }, { benefit: 'lower', mcid: 0.8 });
    expect(r.likelihood.mean).toBeCloseTo(Math.log(0.75), 14);
    expect(r.likelihood.sd).toBeCloseTo(0.1575640249, 9);
    const flat = get(r.posteriors, 'flat');
    expect(flat.pRatioBelow1).toBeCloseTo(0.9660606047, 9);
    expect(flat.pRatioBelow1.toFixed(3)).toBe('0.966');
    expect(flat.pBenefit).toBe(flat.pRatioBelow1);
    expect(flat.pHarm).toBeCloseTo(0.0339393953, 9);
    expect(flat.pBenefitBeyondMcid).toBeCloseTo(0.658950992, 9); // P(HR < 0.8)
    expect(flat.lower).toBeCloseTo(0.550735, 6);
    expect(flat.upper).toBeCloseTo(1.021363, 6);
    const neutral = get(r.posteriors, 'neutral');
    expect(neutral.mean).toBeCloseTo(-0.2400352067, 9);
    expect(neutral.sd).toBeCloseTo(0.1439256301, 9);
    expect(neutral.pRatioBelow1).toBeCloseTo(0.9523195506, 9);
    const sceptical = get(r.posteriors, 'sceptical');
    expect(sceptical.pRatioBelow1).toBeCloseTo(0.8832302121, 9);
    expect(sceptical.pBenefitBeyondMcid).toBeCloseTo(0.1637313764, 9);
    expect(get(r.posteriors, 'enthusiastic').pRatioBelow1).toBeCloseTo(0.9926111491, 9);
  });

  it('LEVOECMO primary sHR 1.02 (0.74 to 1.39), higher is better, MCID = design sHR 1.75', () => {
    const r = bayesianReanalysis(
      { measure: 'sHR', estimate: 1.02, lower: 0.74, upper: 1.39 },
      { benefit: 'higher', mcid: 1.75, mcidSource: 'design', neutral: true },
    );
    expect(r.mcid).toBe(1.75);
    expect(r.mcidSource).toBe('design');
    expect(r.posteriors.map((p) => p.prior)).toEqual(['flat', 'neutral', 'sceptical', 'enthusiastic']);
    const flat = get(r.posteriors, 'flat');
    expect(flat.pBenefit).toBeCloseTo(0.5489995754, 9); // P(sHR > 1)
    expect(flat.pBenefitBeyondMcid).toBeCloseTo(0.0003945395, 9); // P(sHR > 1.75)
    const sc = get(r.posteriors, 'sceptical');
    expect(sc.priorMean).toBe(0);
    expect(sc.priorSd).toBeCloseTo(Math.log(1.75) / 1.6448536269514722, 12);
    expect(sc.mean).toBeCloseTo(0.0161860082, 9);
    expect(sc.sd).toBeCloseTo(0.1453960738, 9);
    const en = get(r.posteriors, 'enthusiastic');
    expect(en.priorMean).toBeCloseTo(Math.log(1.75), 14);
    expect(en.mean).toBeCloseTo(0.1183904837, 9);
    expect(en.pBenefit).toBeCloseTo(0.7922525351, 9);
    expect(en.pBenefitBeyondMcid).toBeCloseTo(0.0012040993, 9);
    expect(en.lower).toBeCloseTo(0.846555, 6);
    expect(en.upper).toBeCloseTo(1.496848, 6);
  });

  it('priors have the stated tail masses', () => {
    // Neutral: 95% between 0.5 and 2.
    expect(normalCdf(Math.log(2) / NEUTRAL_PRIOR_SD) - normalCdf(Math.log(0.5) / NEUTRAL_PRIOR_SD)).toBeCloseTo(0.95, 12);
    const r = bayesianReanalysis({ measure: 'RR', estimate: 1.16, lower: 0.71, upper: 1.9 }, { benefit: 'lower', mcid: 1.75 });
    const sc = get(r.posteriors, 'sceptical');
    const en = get(r.posteriors, 'enthusiastic');
    // Sceptical: 5% chance of the MCID effect or better; enthusiastic: 5% chance of no benefit.
    expect(normalCdf(Math.log(1 / 1.75) / sc.priorSd!)).toBeCloseTo(0.05, 12);
    expect(1 - normalCdf((0 - en.priorMean!) / en.priorSd!)).toBeCloseTo(0.05, 12);
  });

  it('lower-is-better outcome: the MCID moves below 1 and benefit means ratio < 1 (death at day 30, RR 1.16)', () => {
    const r = bayesianReanalysis({ measure: 'RR', estimate: 1.16, lower: 0.71, upper: 1.9 }, { benefit: 'lower', mcid: 1.75 });
    expect(r.mcid).toBeCloseTo(1 / 1.75, 14);
    const flat = get(r.posteriors, 'flat');
    expect(flat.pBenefit).toBeCloseTo(0.2772437687, 9);
    expect(flat.pHarm).toBeCloseTo(0.7227562313, 9);
    expect(flat.pBenefitBeyondMcid).toBeCloseTo(0.002404235, 9);
    expect(get(r.posteriors, 'enthusiastic').pBenefit).toBeCloseTo(0.6919009634, 9);
  });

  it('uses the geometric midpoint of the CI when the estimate is missing', () => {
    const r = bayesianReanalysis({ measure: 'sHR', lower: 0.74, upper: 1.39 }, { benefit: 'higher', mcid: 1.75 });
    expect(r.likelihood.fromMidpoint).toBe(true);
    expect(r.likelihood.mean).toBeCloseTo(0.0140993272, 9);
    expect(get(r.posteriors, 'flat').pBenefit).toBeCloseTo(0.5349307725, 9);
    expect(get(r.posteriors, 'flat').lower).toBeCloseTo(0.74, 12);
  });

  it('without MCID only flat and neutral; without direction no benefit probabilities', () => {
    const r = bayesianReanalysis({ measure: 'OR', estimate: 0.75, lower: 0.55, upper: 1.02 });
    expect(r.posteriors.map((p) => p.prior)).toEqual(['flat', 'neutral']);
    expect(r.mcid).toBeNull();
    expect(r.mcidSource).toBeNull();
    expect(r.posteriors[0]?.pBenefit).toBeNull();
    expect(r.posteriors[0]?.pRatioBelow1).toBeCloseTo(0.9660606047, 9);
  });

  it('rejects impossible intervals and MCIDs', () => {
    expect(() => bayesianReanalysis({ measure: 'RR', lower: 0, upper: 2 })).toThrow(/lower/);
    expect(() => bayesianReanalysis({ measure: 'RR', lower: 2, upper: 1 })).toThrow();
    expect(() => orientMcid(1, 'higher')).toThrow(/MCID/);
    expect(orientMcid(0.5, 'higher')).toBeCloseTo(2, 14);
    expect(orientMcid(2, 'lower')).toBeCloseTo(0.5, 14);
  });
});

describe('posteriorDensities', () => {
  const r = bayesianReanalysis({ measure: 'sHR', estimate: 1.02, lower: 0.74, upper: 1.39 }, { benefit: 'higher', mcid: 1.75, neutral: true });

  it('gives one row per grid point and prior on a log grid', () => {
    const rows = posteriorDensities(r, { points: 11, from: 0.5, to: 2 });
    expect(rows).toHaveLength(11 * 4);
    expect(rows[0]?.ratio).toBeCloseTo(0.5, 14);
    expect(rows.at(-1)?.ratio).toBeCloseTo(2, 14);
    // Log grid: the middle point is the geometric mean, 1.
    const middle = rows.filter((x) => x.prior === 'flat')[5];
    expect(middle?.ratio).toBeCloseTo(1, 14);
    // Flat posterior density at ratio 1: φ((0 − 0.0198)/0.1608)/0.1608.
    const sd = 0.1608215367473858;
    const z = -Math.log(1.02) / sd;
    expect(middle?.density).toBeCloseTo(Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / sd, 9);
  });

  it('each curve integrates to ~1 over the log ratio', () => {
    const rows = posteriorDensities(r, { points: 801 });
    for (const prior of ['flat', 'neutral', 'sceptical', 'enthusiastic'] as const) {
      const curve = rows.filter((x) => x.prior === prior);
      let area = 0;
      for (let i = 1; i < curve.length; i++) {
        area += ((curve[i]!.density + curve[i - 1]!.density) / 2) * (curve[i]!.logRatio - curve[i - 1]!.logRatio);
      }
      expect(area).toBeCloseTo(1, 3);
    }
  });

  it('rejects grid bounds that are not ratios', () => {
    expect(() => posteriorDensities(r, { from: 0 })).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it('can add the prior curves and stays JSON-safe', () => {
    const rows = posteriorDensities(r, { points: 5, includePriors: true });
    expect(rows.filter((x) => x.curve === 'prior').map((x) => x.prior).slice(0, 3)).toEqual(['neutral', 'sceptical', 'enthusiastic']);
    expect(rows).toHaveLength(5 * 7);
    expect(JSON.parse(JSON.stringify(rows))).toStrictEqual(rows);
  });
});
