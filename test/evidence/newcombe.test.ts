import { describe, expect, it } from 'vitest';
import { riskDifference } from '../../src/evidence/newcombe.js';

const rd = (a: number, n1: number, c: number, n2: number) =>
  riskDifference({ events: a, total: n1 }, { events: c, total: n2 });

describe('riskDifference (Newcombe hybrid score, method 10)', () => {
  it('reproduces Newcombe 1998 example: 56/70 vs 48/80 → 0.20 (0.0524 to 0.3339)', () => {
    const r = rd(56, 70, 48, 80);
    expect(r.estimate).toBeCloseTo(0.2, 12);
    expect(r.lower).toBeCloseTo(0.0524, 4);
    expect(r.upper).toBeCloseTo(0.3339, 4);
    expect(r.method).toBe('newcombe-hybrid-score');
  });

  it('LEVOECMO primary 69/101 vs 71/104 rounds to 0.0%', () => {
    const r = rd(69, 101, 71, 104);
    expect(Math.abs(r.estimate)).toBeLessThan(0.0005);
    expect(r.estimate).toBeCloseTo(0.0004760091, 9);
    expect(r.lower).toBeCloseTo(-0.1255174903, 9);
    expect(r.upper).toBeCloseTo(0.1260536701, 9);
  });

  it('LEVOECMO ventricular arrhythmia 18/101 vs 9/104 just includes 0', () => {
    const r = rd(18, 101, 9, 104);
    expect(r.estimate).toBeCloseTo(0.0916793602, 9);
    expect(r.lower).toBeCloseTo(-0.0019502357, 9);
    expect(r.upper).toBeCloseTo(0.186660482, 9);
  });

  it('LEVOECMO treatment cessation 12/101 vs 4/104 excludes 0', () => {
    const r = rd(12, 101, 4, 104);
    expect(r.lower).toBeCloseTo(0.0053783105, 9);
    expect(r.upper).toBeCloseTo(0.1612677254, 9);
  });

  it('handles zero-event and all-event arms', () => {
    const t = rd(0, 101, 5, 104);
    expect(t.estimate).toBeCloseTo(-0.0480769231, 9);
    expect(t.lower).toBeCloseTo(-0.107642028, 9);
    expect(t.upper).toBeCloseTo(-0.0023429904, 9);
    const z = rd(0, 10, 0, 20);
    expect(z.estimate).toBe(0);
    expect(z.lower).toBeCloseTo(-0.1611251581, 9);
    expect(z.upper).toBeCloseTo(0.2775327999, 9);
    const all = rd(10, 10, 0, 20);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(0.6790860371, 9);
  });

  it('swapping arms negates and mirrors the interval', () => {
    const a = rd(12, 101, 4, 104);
    const b = rd(4, 104, 12, 101);
    expect(b.estimate).toBeCloseTo(-a.estimate, 14);
    expect(b.lower).toBeCloseTo(-a.upper, 14);
    expect(b.upper).toBeCloseTo(-a.lower, 14);
  });
});
