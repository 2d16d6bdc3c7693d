import { describe, expect, it } from 'vitest';
import { allocationText, detectableProportion, powerCheck, schoenfeldDetectableHr, schoenfeldEvents, twoProportionsPerArm } from '../../src/evidence/power.js';

describe('Schoenfeld (1:1, two-sided α 0.05, 80% power)', () => {
  it('issue 12 vector: D = 140 events → detectable HR exp(2(z0.975 + z0.8)/√140) = 1.606', () => {
    expect(schoenfeldDetectableHr(140)).toBeCloseTo(1.606, 3);
    expect(schoenfeldDetectableHr(140)).toBeCloseTo(Math.exp((2 * (1.959964 + 0.841621)) / Math.sqrt(140)), 5);
  });

  it('textbook vector: HR 0.75 needs 379.4 → 380 events; HR 1.75 needs 100.3', () => {
    expect(Math.ceil(schoenfeldEvents(0.75))).toBe(380);
    expect(schoenfeldEvents(0.75)).toBeCloseTo(379.35, 1);
    expect(schoenfeldEvents(1.75)).toBeCloseTo(100.3, 1);
    // Inverse of each other.
    expect(schoenfeldDetectableHr(schoenfeldEvents(1.75))).toBeCloseTo(1.75, 9);
  });

  it('90% power needs more events', () => {
    expect(schoenfeldDetectableHr(140, { power: 0.9 })).toBeGreaterThan(schoenfeldDetectableHr(140));
  });

  it('rejects nonsense', () => {
    expect(() => schoenfeldDetectableHr(0)).toThrow(/events/);
    expect(() => schoenfeldEvents(1)).toThrow(/hazard ratio/);
  });
});

describe('two proportions (pooled variance, no continuity correction)', () => {
  it('50% vs 70% needs 93 per arm (Stata `power twoproportions 0.5 0.7`: N per group 93)', () => {
    expect(Math.ceil(twoProportionsPerArm(0.5, 0.7))).toBe(93);
    expect(twoProportionsPerArm(0.5, 0.7)).toBeCloseTo(92.99, 1);
  });

  it('inverts: with 93 per arm and p0 = 50%, 70% is just detectable; with 101 a little less', () => {
    expect(detectableProportion(twoProportionsPerArm(0.5, 0.7), 0.5, 'higher')).toBeCloseTo(0.7, 6);
    expect(detectableProportion(twoProportionsPerArm(0.5, 0.3), 0.5, 'lower')).toBeCloseTo(0.3, 6);
    expect(detectableProportion(101, 0.5, 'higher')!).toBeLessThan(0.7);
  });

  it('null when even a risk of ~100% is not detectable', () => {
    expect(detectableProportion(2, 0.5, 'higher')).toBeNull();
  });
});

describe('powerCheck: the design beside what the data could detect', () => {
  const statistics = {
    text: 'Sample size 206 planned to detect a subdistribution hazard ratio of 1.75 (corresponding to an increase in successful weaning from 50% to 70%) with 80% power',
    plannedSampleSize: 206,
    targetEffect: { measure: 'sHR' as const, value: 1.75 },
    power: 0.8,
    alpha: 0.05,
  };
  it('LEVOECMO: powered for sHR 1.75 / 50%→70%; with 140 events only sHR ≥ 1.61', () => {
    const r = powerCheck({ measure: 'sHR', experimental: { events: 69, total: 101 }, comparator: { events: 71, total: 104 }, benefit: 'higher', statistics })!;
    expect(r.method).toBe('schoenfeld');
    expect(r.events).toBe(140);
    expect(r.detectable).toBeCloseTo(1.606, 3);
    expect(r.assumedText).toBe('Powered for sHR 1.75 (50% → 70%) with 80% power at two-sided α 0.05, 206 patients planned.');
    expect(r.detectableText).toBe('With the 140 events observed, 80% power only for an sHR ≥ 1.61 (Schoenfeld, 1:1 allocation, two-sided α 0.05).');
  });

  it('lower-is-better time-to-event: the detectable HR is below 1', () => {
    const r = powerCheck({ measure: 'HR', experimental: { events: 70, total: 100 }, comparator: { events: 70, total: 100 }, benefit: 'lower', statistics: {} })!;
    expect(r.detectable).toBeCloseTo(1 / 1.606, 3);
    expect(r.detectableText).toMatch(/HR ≤ 0\.62/);
    expect(r.assumedText).toBe('No target effect stated.');
  });

  it('binary primary: detectable risk from the sample size and control risk (93 per arm, 50% → 70%)', () => {
    const n = 93;
    const r = powerCheck({ measure: 'RR', experimental: { events: 40, total: n }, comparator: { events: 46, total: n + 1 }, benefit: 'higher', statistics: {} })!;
    expect(r.method).toBe('two-proportions');
    expect(r.controlRisk).toBeCloseTo(46 / 94, 12);
    expect(r.perArm).toBe(93.5);
    expect(r.detectable).toBeCloseTo(detectableProportion(93.5, 46 / 94, 'higher')!, 12);
    expect(r.detectableText).toMatch(/^With 93 and 94 patients per arm and a control risk of 48.9%, 80% power only for a change to ≥ /);
  });
});

describe('Schoenfeld with unequal allocation', () => {
  it('2:1 needs 9/8 of the 1:1 events: p(1 − p) = 2/9 instead of 1/4', () => {
    expect(schoenfeldEvents(0.75, { allocation: 2 / 3 })).toBeCloseTo((schoenfeldEvents(0.75) * 9) / 8, 9);
    expect(schoenfeldDetectableHr(140, { allocation: 0.5 })).toBeCloseTo(schoenfeldDetectableHr(140), 12);
    expect(() => schoenfeldEvents(0.75, { allocation: 1 })).toThrow(/allocation/);
  });

  it('allocation as people write it', () => {
    expect(allocationText(101, 104)).toBe('1:1');
    expect(allocationText(2104, 4321)).toBe('2:1');
    expect(allocationText(100, 250)).toBe('2.5:1');
  });

  it('the power check uses the arms\' split (RECOVERY-like 2:1, 1592 events, 90% power, α 0.01)', () => {
    const r = powerCheck({ measure: 'HR', experimental: { events: 482, total: 2104 }, comparator: { events: 1110, total: 4321 }, benefit: 'lower', statistics: { power: 0.9, alpha: 0.01 } })!;
    const share = (2104 / 6425) * (4321 / 6425);
    expect(r.detectable).toBeCloseTo(Math.exp(-(2.5758293035489 + 1.2815515655446) / Math.sqrt(1592 * share)), 9);
    expect(r.detectableText).toMatch(/\(Schoenfeld, 2:1 allocation, two-sided α 0\.01\)\.$/);
  });
});
