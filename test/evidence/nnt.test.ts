import { describe, expect, it } from 'vitest';
import { riskDifference } from '../../src/evidence/newcombe.js';
import { numberNeededToTreat, nntValue } from '../../src/evidence/nnt.js';

const nnt = (a: number, n1: number, c: number, n2: number, benefit: 'higher' | 'lower') =>
  numberNeededToTreat(riskDifference({ events: a, total: n1 }, { events: c, total: n2 }), benefit);

describe('numberNeededToTreat (Altman 1998)', () => {
  it('LEVOECMO ventricular arrhythmia 18/101 vs 9/104 (lower is better) → NNTH ≈ 10.9, shown as 11, CI through ∞', () => {
    const r = nnt(18, 101, 9, 104, 'lower');
    expect(r.estimate.kind).toBe('NNTH');
    expect(r.estimate.value).toBeCloseTo(1 / 0.0916793602, 6);
    expect(r.estimate.value).toBeCloseTo(10.9076, 4);
    expect(r.estimate.display).toBe(11);
    expect(r.throughInfinity).toBe(true);
    // Benefit-scale difference is the negated RD.
    expect(r.benefitDifference.estimate).toBeCloseTo(-0.0916793602, 9);
    expect(r.benefitDifference.lower).toBeCloseTo(-0.186660482, 9);
    expect(r.benefitDifference.upper).toBeCloseTo(0.0019502357, 9);
    const [first, second] = r.limits;
    expect(first.kind).toBe('NNTB');
    expect(first.value).toBeCloseTo(512.758, 2);
    expect(second.kind).toBe('NNTH');
    expect(second.value).toBeCloseTo(5.3573, 4);
    expect(r.text).toBe('NNTH 11 (95% CI NNTB 513 to ∞ to NNTH 6)');
  });

  it('the same counts read as a good outcome (higher is better) are a benefit', () => {
    const r = nnt(18, 101, 9, 104, 'higher');
    expect(r.estimate.kind).toBe('NNTB');
    expect(r.text).toBe('NNTB 11 (95% CI NNTB 6 to ∞ to NNTH 513)');
  });

  it('CI excluding 0 on the harm side: treatment cessation 12/101 vs 4/104', () => {
    const r = nnt(12, 101, 4, 104, 'lower');
    expect(r.throughInfinity).toBe(false);
    expect(r.estimate.value).toBeCloseTo(12.4455, 4);
    expect(r.limits[0].value).toBeCloseTo(1 / 0.1612677254, 6);
    expect(r.limits[1].value).toBeCloseTo(1 / 0.0053783105, 4);
    expect(r.text).toBe('NNTH 13 (95% CI NNTH 7 to 186)');
  });

  it('CI excluding 0 on the benefit side: Newcombe example 56/70 vs 48/80', () => {
    const r = nnt(56, 70, 48, 80, 'higher');
    expect(r.estimate.value).toBeCloseTo(5, 12);
    expect(r.estimate.display).toBe(5); // 1/0.2 must not round up to 6
    expect(r.limits[0].value).toBeCloseTo(2.9952, 4);
    expect(r.limits[1].value).toBeCloseTo(19.0725, 4);
    expect(r.text).toBe('NNTB 5 (95% CI NNTB 3 to 20)');
  });

  it('LEVOECMO primary: a near-zero difference gives a huge NNTB and an interval through ∞', () => {
    const r = nnt(69, 101, 71, 104, 'higher');
    expect(r.estimate.value).toBeCloseTo(2100.8, 1);
    expect(r.text).toBe('NNTB 2101 (95% CI NNTB 8 to ∞ to NNTH 8)');
  });

  it('no difference at all is ∞, kept JSON-safe as null', () => {
    const r = nnt(0, 10, 0, 20, 'lower');
    expect(r.estimate).toEqual({ kind: null, value: null, display: null });
    expect(r.estimateText).toBe('∞');
    expect(JSON.parse(JSON.stringify(r))).toStrictEqual(r);
  });

  it('nntValue signs', () => {
    expect(nntValue(0.25)).toEqual({ kind: 'NNTB', value: 4, display: 4 });
    expect(nntValue(-0.3).kind).toBe('NNTH');
    expect(nntValue(-0.3).display).toBe(4);
  });
});

describe('NNT only where it means something (issue 12)', () => {
  it('LEVOECMO primary 69/101 vs 71/104: no point "NNTB 2101", but "no clear difference" with Altman\'s interval', () => {
    const r = nnt(69, 101, 71, 104, 'higher');
    expect(r.estimate.display).toBe(2101);
    expect(r.showPoint).toBe(false);
    expect(r.slideText).toBe('no clear difference (95% CI NNTB 8 to ∞ to NNTH 8)');
    expect(r.slideText).not.toMatch(/2101/);
  });

  it('a CI excluding 0 keeps the point NNT: treatment cessation NNTH 13', () => {
    const r = nnt(12, 101, 4, 104, 'lower');
    expect(r.showPoint).toBe(true);
    expect(r.slideText).toBe('NNTH 13 (95% CI NNTH 7 to 186)');
  });

  it('RD +10 points (−5 to +25): "no clear difference (95% CI NNTB 4 to ∞ to NNTH 20)"', () => {
    const r = numberNeededToTreat({ estimate: 0.1, lower: -0.05, upper: 0.25, level: 0.95, method: 'newcombe-hybrid-score' }, 'higher');
    expect(r.estimateText).toBe('NNTB 10');
    expect(r.slideText).toBe('no clear difference (95% CI NNTB 4 to ∞ to NNTH 20)');
  });
});
