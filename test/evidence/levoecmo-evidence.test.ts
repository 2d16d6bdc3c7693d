// Issue 12 on the real example trial (data/levoecmo.yaml), through the loader.
import { describe, expect, it } from 'vitest';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { loadTrial } from '../../src/trial/load.js';

const { trial } = await loadTrial('data/levoecmo.yaml');
const ev = deriveEvidence(trial, { mcid: trial.evidence?.mcid });
const byName = (re: RegExp) => ev.fragilities.find((f) => re.test(f.outcome));

describe('LEVOECMO evidence (issue 12)', () => {
  it('fragility: none for the Fine–Gray primary; FI 1 for drug cessation (12/101 vs 4/104, Fisher P = 0.038)', () => {
    expect(ev.fragility).toBeNull();
    expect(ev.fragilities[0]?.outcomeIndex).toBe(ev.primaryIndex);
    expect(ev.fragilities[0]?.applies).toBe(false);
    const stop = byName(/treatment cessation/)!;
    expect(stop.applies).toBe(true);
    expect(stop.result?.kind).toBe('fragility');
    expect(stop.result?.pInitial).toBeCloseTo(0.038, 3);
    expect(stop.result?.value).toBe(1);
    expect(stop.meaning).toMatch(/^Very fragile: the fragility index \(Walsh et al\. 2014\)/);
    expect(stop.meaning).toMatch(/0 patients lost to follow-up/);
  });

  it('cardiac transplant is reported significant (RD CI −9.6 to −1.0) but Fisher is not: FI 0, said in words', () => {
    const tx = byName(/transplant/)!;
    expect(tx.result).toBeNull();
    expect(tx.reason).toMatch(/^Reported as significant, but Fisher's exact P = 0\.0\d\d is not below 0\.05: on the test the fragility index uses, it is 0\.$/);
  });

  it('non-significant secondaries (arrhythmia P = 0.064, mortality) get no entry', () => {
    expect(byName(/arrhythmia/)).toBeUndefined();
    expect(byName(/mortality/)).toBeUndefined();
    expect(ev.fragilities).toHaveLength(3);
  });

  it('absolute translation and power of the primary', () => {
    expect(ev.absolute?.risk.lower).toBeCloseTo(0.572, 3);
    expect(ev.absolute?.risk.estimate).toBeCloseTo(0.69, 3);
    expect(ev.absolute?.risk.upper).toBeCloseTo(0.797, 3);
    expect(ev.power?.events).toBe(140);
    expect(ev.power?.detectable).toBeCloseTo(1.606, 3);
    expect(ev.power?.assumedText).toBe('Powered for sHR 1.75 (50% → 70%) with 80% power at two-sided α 0.05, 206 patients planned.');
  });
});
