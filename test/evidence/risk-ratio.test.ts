import { describe, expect, it } from 'vitest';
import { riskRatio } from '../../src/evidence/risk-ratio.js';

const rr = (a: number, n1: number, c: number, n2: number) => riskRatio({ events: a, total: n1 }, { events: c, total: n2 });

describe('riskRatio (Katz log interval)', () => {
  it('LEVOECMO ventricular arrhythmia 18/101 vs 9/104 → 2.06 (0.97 to 4.37)', () => {
    const r = rr(18, 101, 9, 104);
    expect(r.estimate).toBeCloseTo(2.0594059406, 9);
    expect(r.lower).toBeCloseTo(0.9710007635, 9);
    expect(r.upper).toBeCloseTo(4.3678161618, 9);
    expect(r.logSe).toBeCloseTo(0.3836017361, 9);
    expect([r.estimate, r.lower, r.upper].map((v) => v.toFixed(2))).toEqual(['2.06', '0.97', '4.37']);
    expect(r.corrected).toBe(false);
  });

  it('LEVOECMO treatment cessation 12/101 vs 4/104 → Katz 1.03 to 9.26 (paper: 1.07 to 8.93)', () => {
    const r = rr(12, 101, 4, 104);
    expect(r.estimate).toBeCloseTo(3.0891089109, 9);
    expect(r.lower).toBeCloseTo(1.0303754338, 9);
    expect(r.upper).toBeCloseTo(9.261278511, 8);
  });

  it('LEVOECMO death at day 30 26/101 vs 23/104 → 1.16 (0.71 to 1.90)', () => {
    const r = rr(26, 101, 23, 104);
    expect(r.estimate).toBeCloseTo(1.1640120534, 9);
    expect(r.lower).toBeCloseTo(0.71332508, 8);
    expect(r.upper).toBeCloseTo(1.8994482296, 9);
  });

  it('hand check: SE = √(1/a − 1/n₁ + 1/c − 1/n₂)', () => {
    const r = rr(10, 50, 20, 50);
    expect(r.estimate).toBeCloseTo(0.5, 14);
    expect(r.logSe).toBeCloseTo(Math.sqrt(1 / 10 - 1 / 50 + 1 / 20 - 1 / 50), 14);
  });

  it('adds 0.5 to every cell when one is zero', () => {
    const r = rr(0, 101, 5, 104);
    expect(r.corrected).toBe(true);
    expect(r.estimate).toBeCloseTo(0.5 / 102 / (5.5 / 105), 12);
    expect(r.lower).toBeCloseTo(0.0052416713, 9);
    expect(r.upper).toBeCloseTo(1.6707947431, 9);
    const both = rr(0, 10, 0, 20);
    expect(both.estimate).toBeCloseTo(1.9090909091, 9);
    expect(both.upper).toBeCloseTo(89.8444199267, 7);
    // A zero non-event cell triggers the correction too.
    expect(rr(10, 10, 5, 10).corrected).toBe(true);
  });

  it('is reciprocal when arms are swapped', () => {
    const a = rr(29, 101, 38, 104);
    const b = rr(38, 104, 29, 101);
    expect(a.estimate).toBeCloseTo(0.785825951, 9);
    expect(a.lower).toBeCloseTo(0.5276902981, 9);
    expect(b.estimate * a.estimate).toBeCloseTo(1, 14);
    expect(b.lower * a.upper).toBeCloseTo(1, 13);
  });
});
