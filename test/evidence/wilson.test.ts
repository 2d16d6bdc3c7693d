import { describe, expect, it } from 'vitest';
import { isTrialdeckError } from '../../src/errors.js';
import { wilson } from '../../src/evidence/wilson.js';

describe('wilson', () => {
  it('0/10 runs from exactly 0 to z²/(n+z²)', () => {
    const w = wilson({ events: 0, total: 10 });
    expect(w.risk).toBe(0);
    expect(w.lower).toBe(0);
    expect(w.upper).toBeCloseTo(0.2775327999, 9);
    // Hand check: 1.95996² / (10 + 1.95996²) = 3.84146 / 13.84146.
    expect(w.upper).toBeCloseTo(3.841458820694124 / 13.841458820694124, 12);
  });

  it('10/10 mirrors 0/10', () => {
    const w = wilson({ events: 10, total: 10 });
    expect(w.upper).toBe(1);
    expect(w.lower).toBeCloseTo(0.7224672001, 9);
  });

  it('matches LEVOECMO primary arms (69/101, 71/104)', () => {
    const a = wilson({ events: 69, total: 101 });
    expect(a.risk).toBeCloseTo(0.6831683168, 9);
    expect(a.lower).toBeCloseTo(0.5871490857, 9);
    expect(a.upper).toBeCloseTo(0.7657647369, 9);
    const b = wilson({ events: 71, total: 104 });
    expect(b.lower).toBeCloseTo(0.5881006572, 9);
    expect(b.upper).toBeCloseTo(0.7642684633, 9);
  });

  it('handles 1/1 and 5/20', () => {
    expect(wilson({ events: 1, total: 1 }).lower).toBeCloseTo(0.2065493144, 9);
    const w = wilson({ events: 5, total: 20 });
    expect([w.lower, w.upper].map((v) => v.toFixed(4))).toEqual(['0.1119', '0.4687']);
  });

  it('is symmetric: x/n mirrors (n−x)/n', () => {
    const a = wilson({ events: 7, total: 23 });
    const b = wilson({ events: 16, total: 23 });
    expect(a.lower).toBeCloseTo(1 - b.upper, 14);
    expect(a.upper).toBeCloseTo(1 - b.lower, 14);
  });

  it('narrows at a lower confidence level', () => {
    const w95 = wilson({ events: 5, total: 20 });
    const w90 = wilson({ events: 5, total: 20 }, 0.9);
    expect(w90.level).toBe(0.9);
    expect(w90.upper - w90.lower).toBeLessThan(w95.upper - w95.lower);
  });

  it('rejects impossible counts with DATA_INVALID', () => {
    for (const bad of [{ events: 11, total: 10 }, { events: -1, total: 10 }, { events: 1.5, total: 10 }, { events: 0, total: 0 }]) {
      let caught: unknown;
      try {
        wilson(bad);
      } catch (e) {
        caught = e;
      }
      expect(isTrialdeckError(caught) && caught.code).toBe('DATA_INVALID');
    }
  });
});
