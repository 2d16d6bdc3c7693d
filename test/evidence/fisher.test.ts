import { describe, expect, it } from 'vitest';
import { fisherExact, logFactorial } from '../../src/evidence/fisher.js';

const p = (a: number, n1: number, c: number, n2: number) => fisherExact({ events: a, total: n1 }, { events: c, total: n2 }).p;

// Reference values from scipy.stats.fisher_exact (two-sided).
describe('fisherExact', () => {
  it('3/50 vs 12/50 → p = 0.0226', () => {
    expect(p(3, 50, 12, 50)).toBeCloseTo(0.0226043868819235, 12);
    expect(fisherExact({ events: 3, total: 50 }, { events: 12, total: 50 }).pTable).toBeCloseTo(0.00939230883047683, 13);
  });

  it('is symmetric in the arms and in events vs non-events', () => {
    expect(p(12, 50, 3, 50)).toBeCloseTo(0.0226043868819235, 12);
    expect(p(47, 50, 38, 50)).toBeCloseTo(0.0226043868819235, 12);
  });

  it('identical arms give p = 1', () => {
    expect(p(5, 50, 5, 50)).toBeCloseTo(1, 12);
    expect(p(69, 101, 71, 104)).toBeCloseTo(1, 12);
  });

  it('hand-checkable small table: 2/7 vs 5/9 → 4090/11440', () => {
    expect(p(2, 7, 5, 9)).toBeCloseTo(4090 / 11440, 14);
  });

  it('counts tables whose probability ties with the observed one despite rounding (1e-7 tolerance)', () => {
    // 0/2 vs 2/5: P(0) = P(1) = 10/21 exactly, but lgamma sums differ in the last bit.
    expect(p(0, 2, 2, 5)).toBeCloseTo(1, 12);
    expect(p(1, 2, 4, 14)).toBeCloseTo(1, 12);
  });

  it('extreme table: 0/10 vs 10/10 → 2/C(20,10)', () => {
    expect(p(0, 10, 10, 10)).toBeCloseTo(2 / 184756, 16);
  });

  it('LEVOECMO safety outcomes', () => {
    expect(p(18, 101, 9, 104)).toBeCloseTo(0.0636069349564, 11);
    expect(p(12, 101, 4, 104)).toBeCloseTo(0.0382950210222852, 12);
    expect(p(0, 101, 5, 104)).toBeCloseTo(0.0595915405691292, 12);
  });

  it('works with thousands of patients', () => {
    expect(p(300, 2000, 360, 2000)).toBeCloseTo(0.0119219963236128, 11);
    expect(p(1500, 5000, 1600, 5000)).toBeCloseTo(0.032299944275961, 10);
    // 40 000 patients, tiny P: exact rational value (Python fractions) to 1e-8 relative.
    const big = p(3000, 20000, 3400, 20000);
    expect(Math.abs(big / 5.231680860272444e-8 - 1)).toBeLessThan(1e-8);
  });
});

describe('logFactorial', () => {
  it('is exact for small n and continuous across the table boundary', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 14);
    // lgamma(1025) and lgamma(5001) from Python's math.lgamma.
    expect(logFactorial(1024)).toBeCloseTo(6078.211884750051, 9);
    expect(logFactorial(5000)).toBeCloseTo(37591.14350887677, 8);
    expect(logFactorial(1024) - logFactorial(1023)).toBeCloseTo(Math.log(1024), 10);
  });
  it('rejects non-integers', () => {
    expect(() => logFactorial(2.5)).toThrow(RangeError);
  });
});
