import { describe, expect, it } from 'vitest';
import { metaAnalysis, tau2DerSimonianLaird } from '../../src/evidence/meta-analysis.js';
import { riskRatio } from '../../src/evidence/risk-ratio.js';
import { chiSquareSf, tCdf, tQuantile } from '../../src/evidence/t-distribution.js';
import { DAT_BCG } from './fixtures/dat-bcg.js';


const studies = DAT_BCG.map(({ tpos, tneg, cpos, cneg }) => {
  const rr = riskRatio({ events: tpos, total: tpos + tneg }, { events: cpos, total: cpos + cneg });
  return { yi: Math.log(rr.estimate), vi: rr.logSe ** 2 };
});

describe('metaAnalysis: metafor dat.bcg, log RR', () => {
  it('REML matches metafor rma(method="REML")', () => {
    const r = metaAnalysis(studies);
    expect(r.k).toBe(13);
    expect(r.estimate).toBeCloseTo(-0.7145, 4);
    expect(r.se).toBeCloseTo(0.1798, 4);
    expect(r.lower).toBeCloseTo(-1.0669, 4);
    expect(r.upper).toBeCloseTo(-0.3622, 4);
    expect(r.tau2).toBeCloseTo(0.3132, 4);
    expect(r.i2).toBeCloseTo(92.22, 2);
    expect(r.q).toBeCloseTo(152.23, 2);
    expect(r.qDf).toBe(12);
    expect(r.converged).toBe(true);
    // metafor prints p < .0001 for Q; the χ² tail is about 2e-26.
    expect(r.qP).toBeGreaterThan(1e-27);
    expect(r.qP).toBeLessThan(1e-25);
  });

  it('DerSimonian–Laird τ² matches metafor rma(method="DL")', () => {
    expect(tau2DerSimonianLaird(studies)).toBeCloseTo(0.3088, 4);
    const dl = metaAnalysis(studies, { method: 'DL' });
    expect(dl.tau2).toBeCloseTo(0.3088, 4);
    // With DL, I² = (Q − df)/Q exactly (Higgins & Thompson 2002).
    expect(dl.i2).toBeCloseTo((100 * (dl.q - 12)) / dl.q, 8);
  });

  it('HKSJ interval equals the formula written out, with a printed t table quantile', () => {
    const reml = metaAnalysis(studies);
    const hk = metaAnalysis(studies, { ci: 'hksj' });
    // Written out independently: w = 1/(v + τ²), μ = Σwy/Σw,
    // q = Σw(y − μ)²/(k − 1), SE = √(q/Σw), CI = μ ± t(0.975, 12)·SE.
    const tau2 = reml.tau2;
    let sw = 0;
    let swy = 0;
    for (const s of studies) {
      sw += 1 / (s.vi + tau2);
      swy += s.yi / (s.vi + tau2);
    }
    const mu = swy / sw;
    let rss = 0;
    for (const s of studies) rss += (s.yi - mu) ** 2 / (s.vi + tau2);
    const se = Math.sqrt(rss / 12 / sw);
    const t12 = 2.178813; // Student t, 0.975 quantile, 12 df (printed tables)
    expect(hk.estimate).toBeCloseTo(mu, 10);
    expect(hk.se).toBeCloseTo(se, 10);
    expect(hk.lower).toBeCloseTo(mu - t12 * se, 5);
    expect(hk.upper).toBeCloseTo(mu + t12 * se, 5);
    // HKSJ widens here: the weighted residual variance is above 1.
    expect(hk.upper - hk.lower).toBeGreaterThan(reml.upper - reml.lower);
  });

  it('HKSJ with a floor: the scale factor never drops below 1 (Röver, Knapp & Friede 2015)', () => {
    // Two identical studies: plain HKSJ collapses to a zero-width interval.
    const same = [{ yi: -0.29, vi: 0.005 }, { yi: -0.29, vi: 0.005 }];
    const plain = metaAnalysis(same, { ci: 'hksj' });
    expect(plain.upper - plain.lower).toBeCloseTo(0, 12);
    const floored = metaAnalysis(same, { ci: 'hksj-floor' });
    // Written out: SE = √(1/Σw) = √(0.0025) = 0.05, t(0.975, 1) = 12.706205.
    expect(floored.upper - floored.estimate).toBeCloseTo(12.706205 * 0.05, 5);
    // BCG: the residual variance is far above 1, so the floor changes nothing.
    const bcg = metaAnalysis(studies, { ci: 'hksj-floor' });
    expect(bcg.lower).toBeCloseTo(metaAnalysis(studies, { ci: 'hksj' }).lower, 12);
  });

  it('prediction interval: Higgins 2009, μ ± t(0.975, k − 2)·√(τ² + SE²)', () => {
    const r = metaAnalysis(studies);
    const t11 = 2.200985; // Student t, 0.975 quantile, 11 df (printed tables)
    const half = t11 * Math.sqrt(0.3132 + 0.1798 ** 2);
    expect(r.prediction).not.toBeNull();
    expect(r.prediction!.df).toBe(11);
    expect(r.prediction!.lower).toBeCloseTo(-0.7145 - half, 3);
    expect(r.prediction!.upper).toBeCloseTo(-0.7145 + half, 3);
    // On the RR scale: about 0.13 to 1.78, far wider than the CI.
    expect(Math.exp(r.prediction!.lower)).toBeCloseTo(0.134, 2);
    expect(Math.exp(r.prediction!.upper)).toBeCloseTo(1.785, 2);
  });

  it('weights sum to 100%', () => {
    const r = metaAnalysis(studies);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });
});

describe('metaAnalysis: small k', () => {
  it('one study is its own estimate, with no Q test and no prediction interval', () => {
    const r = metaAnalysis([{ yi: Math.log(0.75), vi: 0.07 ** 2 }]);
    expect(r.estimate).toBeCloseTo(Math.log(0.75), 12);
    expect(r.se).toBeCloseTo(0.07, 12);
    expect(r.tau2).toBe(0);
    expect(r.prediction).toBeNull();
  });

  it('two identical studies: τ² 0, I² 0, no prediction interval (needs k ≥ 3)', () => {
    const s = { yi: -0.3, vi: 0.01 };
    const r = metaAnalysis([s, s]);
    expect(r.tau2).toBe(0);
    expect(r.i2).toBe(0);
    expect(r.se).toBeCloseTo(Math.sqrt(0.005), 12);
    expect(r.prediction).toBeNull();
  });

  it('refuses an empty list and a zero variance', () => {
    expect(() => metaAnalysis([])).toThrow(RangeError);
    expect(() => metaAnalysis([{ yi: 0, vi: 0 }])).toThrow(RangeError);
  });
});

describe('t and χ² distributions against printed tables', () => {
  it.each([
    [1, 12.706205],
    [2, 4.302653],
    [3, 3.182446],
    [5, 2.570582],
    [11, 2.200985],
    [12, 2.178813],
    [30, 2.042272],
    [1000, 1.962339],
  ])('t(0.975, %i) = %f', (df, q) => {
    expect(tQuantile(0.975, df)).toBeCloseTo(q, 5);
    expect(tQuantile(0.025, df)).toBeCloseTo(-q, 5);
    expect(tCdf(q, df)).toBeCloseTo(0.975, 6);
  });

  it('non-integer df and other levels', () => {
    expect(tQuantile(0.95, 10)).toBeCloseTo(1.812461, 5);
    expect(tQuantile(0.995, 4)).toBeCloseTo(4.604095, 5);
    expect(tCdf(0, 7.5)).toBeCloseTo(0.5, 12);
  });

  it('χ² upper tail', () => {
    expect(chiSquareSf(3.841459, 1)).toBeCloseTo(0.05, 6);
    expect(chiSquareSf(21.02607, 12)).toBeCloseTo(0.05, 6);
    expect(chiSquareSf(0, 3)).toBe(1);
  });
});
