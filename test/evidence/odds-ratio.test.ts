import { describe, expect, it } from 'vitest';
import { oddsRatio } from '../../src/evidence/odds-ratio.js';

const or = (a: number, n1: number, c: number, n2: number) => oddsRatio({ events: a, total: n1 }, { events: c, total: n2 });

describe('oddsRatio (Woolf logit interval)', () => {
  it('18/101 vs 9/104 → 2.2892 (0.9759 to 5.3699)', () => {
    const r = or(18, 101, 9, 104);
    expect(r.estimate).toBeCloseTo(2.2891566265, 9);
    expect(r.lower).toBeCloseTo(0.9758588653, 9);
    expect(r.upper).toBeCloseTo(5.3698728851, 9);
    expect(r.logSe).toBeCloseTo(0.4350185918, 9);
    expect(r.method).toBe('woolf-logit');
  });

  it('hand check: 10/20 vs 5/20 → OR 3, SE √(1/10+1/10+1/5+1/15)', () => {
    const r = or(10, 20, 5, 20);
    expect(r.estimate).toBeCloseTo(3, 14);
    expect(r.logSe).toBeCloseTo(Math.sqrt(0.1 + 0.1 + 0.2 + 1 / 15), 14);
  });

  it('adds 0.5 to every cell when one is zero', () => {
    const r = or(0, 101, 5, 104);
    expect(r.corrected).toBe(true);
    expect(r.estimate).toBeCloseTo((0.5 * 99.5) / (101.5 * 5.5), 12);
    expect(r.lower).toBeCloseTo(0.004863342, 9);
    expect(r.upper).toBeCloseTo(1.6330290086, 9);
  });

  it('is reciprocal when arms are swapped', () => {
    const a = or(12, 101, 4, 104);
    const b = or(4, 104, 12, 101);
    expect(a.estimate).toBeCloseTo(3.3707865169, 9);
    expect(a.upper).toBeCloseTo(10.8289249478, 8);
    expect(a.estimate * b.estimate).toBeCloseTo(1, 14);
  });
});
