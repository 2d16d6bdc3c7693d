import { describe, expect, it } from 'vitest';
import { absoluteTranslation, translateRisk } from '../../src/evidence/absolute-risk.js';

describe('absolute translation of a ratio', () => {
  it('issue 12 vector: p0 = 71/104, sHR 0.74 / 1.02 / 1.39 → 57.2%, 69.0%, 79.7%', () => {
    const p0 = 71 / 104;
    expect(translateRisk(p0, 0.74, 'sHR') * 100).toBeCloseTo(57.2, 1);
    expect(translateRisk(p0, 1.02, 'sHR') * 100).toBeCloseTo(69.0, 1);
    expect(translateRisk(p0, 1.39, 'sHR') * 100).toBeCloseTo(79.7, 1);
  });

  it('HR 1 leaves the risk unchanged; RR multiplies it (capped at 1); OR multiplies the odds', () => {
    expect(translateRisk(0.3, 1, 'HR')).toBeCloseTo(0.3, 12);
    expect(translateRisk(0.2, 1.5, 'RR')).toBeCloseTo(0.3, 12);
    expect(translateRisk(0.8, 2, 'RR')).toBe(1);
    // odds 0.25 × 3 = 0.75 → risk 0.75/1.75
    expect(translateRisk(0.2, 3, 'OR')).toBeCloseTo(0.75 / 1.75, 12);
    expect(() => translateRisk(0.2, 3, 'MD')).toThrow(/no absolute translation/);
  });

  it('LEVOECMO primary: the sentence for the primary slide', () => {
    const t = absoluteTranslation(
      { events: 71, total: 104 },
      { measure: 'sHR', estimate: 1.02, lower: 0.74, upper: 1.39 },
      { experimental: 'Levosimendan', comparator: 'Placebo', outcome: 'Successful VA-ECMO weaning within 30 days (primary; competing risk)' },
    );
    expect(t.method).toBe('p1 = 1 − (1 − p0)^HR');
    expect(t.difference.lower * 100).toBeCloseTo(-11.0, 1);
    expect(t.difference.upper * 100).toBeCloseTo(11.45, 2);
    expect(t.text).toBe(
      "Applied to the placebo arm's 68.3% (71/104), sHR 1.02 (95% CI 0.74 to 1.39) means 69.0% with levosimendan (95% CI 57.2% to 79.7%): " +
        'compatible with anything from 11.0 points fewer to 11.5 points more for successful VA-ECMO weaning within 30 days.',
    );
  });
});
