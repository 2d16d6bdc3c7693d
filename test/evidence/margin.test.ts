import { describe, expect, it } from 'vitest';
import { bayesianReanalysis } from '../../src/evidence/bayes.js';
import { marginBoundary, marginProbabilities } from '../../src/evidence/margin.js';
import { marginFragility } from '../../src/evidence/margin-fragility.js';
import { riskDifference } from '../../src/evidence/newcombe.js';
import { normalCdf } from '../../src/evidence/normal.js';
import { ROCKET_AF, parse } from './fixtures/design-trials.js';

const rocket = parse(ROCKET_AF);
const o = rocket.results[0]!;

describe('marginBoundary', () => {
  it('puts 1.46 and its reciprocal on the harm side given by the benefit direction', () => {
    expect(marginBoundary(rocket, o, o.effect)).toMatchObject({ hypothesis: 'non-inferiority', boundary: 1.46, harmAbove: true, ratio: true });
    const recip = { ...o, margin: { value: 1 / 1.46 } };
    expect(marginBoundary(rocket, recip, o.effect)?.boundary).toBeCloseTo(1.46, 12);
    const higher = { ...o, benefit: 'higher' as const };
    expect(marginBoundary(rocket, higher, o.effect)?.boundary).toBeCloseTo(1 / 1.46, 12);
  });

  it('is null for superiority, for a margin on another scale, and a difference margin goes to its harm side', () => {
    expect(marginBoundary({ design: { ...rocket.design, hypothesis: 'superiority' } }, o, o.effect)).toBeNull();
    expect(marginBoundary(rocket, { ...o, margin: { value: 4, measure: 'RD' } }, o.effect)).toBeNull();
    const cure = { ...o, benefit: 'higher' as const, margin: { value: 10 } };
    expect(marginBoundary(rocket, cure, { measure: 'RD' })).toMatchObject({ boundary: -10, harmAbove: false, ratio: false });
  });
});

describe('marginProbabilities', () => {
  it('ROCKET AF ITT HR 0.88 (0.74–1.03): P(HR < 1.46) from the flat posterior', () => {
    const bayes = bayesianReanalysis({ measure: 'HR', estimate: 0.88, lower: 0.74, upper: 1.03 }, { benefit: 'lower' });
    const m = marginProbabilities(bayes, marginBoundary(rocket, o, o.effect)!);
    const sd = (Math.log(1.03) - Math.log(0.74)) / (2 * 1.959963984540054);
    expect(m?.posteriors[0]?.pWithinMargin).toBeCloseTo(normalCdf((Math.log(1.46) - Math.log(0.88)) / sd), 12);
  });

  it('equivalence: probability inside 0.8–1.25', () => {
    const eq = parse(ROCKET_AF, (t) => {
      t.design.hypothesis = 'equivalence';
      t.results[0]!.margin = { value: 1.25 };
    });
    const bayes = bayesianReanalysis({ measure: 'HR', estimate: 1, lower: 0.9, upper: 1.11 }, { benefit: 'lower' });
    const m = marginProbabilities(bayes, marginBoundary(eq, eq.results[0]!, eq.results[0]!.effect)!);
    expect(m?.hypothesis).toBe('equivalence');
    expect(m?.posteriors[0]?.pWithinMargin).toBeGreaterThan(0.99);
    expect(m?.text).toBe('P(0.80 < HR < 1.25) > 99.9% (flat prior)');
  });
});

describe('marginFragility on a risk-difference margin (higher is better: cure rates)', () => {
  it('counts cures lost in the experimental arm until the lower CI bound falls below −10 points', () => {
    const cure = { ...o, benefit: 'higher' as const, margin: { value: -10, measure: 'RD' as const } };
    const m = marginBoundary(rocket, cure, { measure: 'RD' })!;
    const exp = { events: 170, total: 200 };
    const comp = { events: 172, total: 200 };
    const f = marginFragility(exp, comp, m, 0);
    const k = f.value ?? 0;
    expect(k).toBeGreaterThan(0);
    expect(riskDifference({ events: 170 - (k - 1), total: 200 }, comp).lower).toBeGreaterThan(-0.1);
    expect(riskDifference({ events: 170 - k, total: 200 }, comp).lower).toBeLessThanOrEqual(-0.1);
    expect(f.text).toMatch(new RegExp(`^Margin fragility ${k}: ${k} patients? in the experimental arm with a worse outcome would move the RD CI bound across the margin −10\\.0 percentage points\\.$`));
  });
});
