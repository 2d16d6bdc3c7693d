import { describe, expect, it } from 'vitest';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { chooseQuantity, signedPoints } from '../../src/evidence/quantity.js';
import { loadTrial } from '../../src/trial/load.js';

const { trial } = await loadTrial('data/levoecmo.yaml');
const ev = deriveEvidence(trial);
const at = (re: RegExp) => {
  const i = trial.results.findIndex((o) => re.test(o.name));
  return { outcome: trial.results[i]!, index: i, binary: ev.outcomes[i]!.binary };
};
const pick = (re: RegExp, q: 'RD' | 'RR' | 'OR') => {
  const x = at(re);
  return chooseQuantity(x.outcome, x.index, x.binary, q)!;
};

describe('one number per quantity', () => {
  it('primary RD: the paper\'s −12.8 to 12.7, not the recomputed −12.6 to +12.6', () => {
    const rd = pick(/Successful/, 'RD');
    expect(rd.source).toBe('reported');
    expect(rd.text).toBe('RD 0.0 points (95% CI −12.8 to +12.7; reported)');
    expect(rd.path).toBe('results[0].otherEffects[0]');
    expect(at(/Successful/).binary!.riskDifference.lower).toBeCloseTo(-0.1255, 4);
  });

  it('drug cessation RD and RR as reported (RR 1.07 to 8.93, not Katz 1.03 to 9.26)', () => {
    expect(pick(/cessation/, 'RD').text).toBe('RD +8.0 points (95% CI +0.6 to +15.4; reported)');
    expect(pick(/cessation/, 'RR').text).toBe('RR 3.09 (95% CI 1.07 to 8.93; reported)');
  });

  it('recomputed only where the paper gives nothing, labelled with its method', () => {
    const rd = pick(/Major adverse/, 'RD');
    expect(rd.source).toBe('recomputed');
    expect(rd.method).toBe('Newcombe');
    expect(rd.text).toMatch(/^RD −1\.9 points \(95% CI −\d+\.\d to \+\d+\.\d; recomputed, Newcombe\)$/);
    expect(pick(/Major adverse/, 'OR').label).toBe('recomputed, Woolf');
  });

  it('a paper that subtracts comparator − experimental is turned round and says so', () => {
    const x = at(/cessation/);
    const mirrored = { ...x.outcome, otherEffects: [{ ...x.outcome.otherEffects[0]!, estimate: -8, ci: { lower: -15.4, upper: -0.6, level: 0.95 } }] };
    const rd = chooseQuantity(mirrored, x.index, x.binary, 'RD')!;
    expect(rd.text).toBe('RD +8.0 points (95% CI +0.6 to +15.4; reported, sign turned to experimental − comparator)');
  });

  it('signedPoints never prints −0.0 or +0.0', () => {
    expect(signedPoints(-0.0001)).toBe('0.0');
    expect(signedPoints(0.0001)).toBe('0.0');
    expect(signedPoints(-0.128)).toBe('−12.8');
    expect(signedPoints(0.08)).toBe('+8.0');
  });
});
