import { describe, expect, it } from 'vitest';
import { AUDIT_THRESHOLDS, auditOutcome, auditSummary, auditTrial } from '../../src/evidence/audit.js';
import type { AuditCheck, AuditFinding } from '../../src/evidence/types.js';
import type { TrialInput } from '../../src/trial/schema.js';
import { levoecmoTrial } from './fixtures/levoecmo-trial.js';

const find = (fs: AuditFinding[], index: number, check: AuditCheck, nth = 0): AuditFinding => {
  const f = fs.filter((x) => x.outcomeIndex === index && x.check === check)[nth];
  if (!f) throw new Error(`no ${check} finding for outcome ${index}`);
  return f;
};

/** LEVOECMO plus one extra outcome; returns the findings for that outcome. */
function auditExtra(outcome: TrialInput['results'][number]): AuditFinding[] {
  const trial = levoecmoTrial((i) => {
    i.results.push(outcome);
  });
  return auditOutcome(trial, trial.results.length - 1);
}

const VA_ARMS = {
  levosimendan: { kind: 'events', events: 18, total: 101 },
  placebo: { kind: 'events', events: 9, total: 104 },
} as const;

describe('audit on LEVOECMO', () => {
  const findings = auditTrial(levoecmoTrial());

  it('treatment cessation: RR 3.09 (1.07 to 8.93) vs Katz 1.03 to 9.26, both values kept, minor', () => {
    const f = find(findings, 2, 'risk-ratio');
    expect(f.reported).toEqual({ estimate: 3.09, lower: 1.07, upper: 8.93, p: null });
    expect(f.recomputed.estimate).toBeCloseTo(3.0891089109, 9);
    expect(f.recomputed.lower).toBeCloseTo(1.0303754338, 9);
    expect(f.recomputed.upper).toBeCloseTo(9.261278511, 8);
    expect(f.reportedText).toBe('3.09 (95% CI 1.07 to 8.93)');
    expect(f.recomputedText).toBe('3.09 (95% CI 1.03 to 9.26)');
    expect(f.severity).toBe('minor');
    expect(f.path).toBe('results[2].effect');
    expect(f.outcomeName).toBe('Suspected adverse drug event leading to treatment cessation');
    expect(f.message).toContain('1.07 to 8.93');
    expect(f.message).toContain('1.03 to 9.26');
    expect(f.message).toMatch(/probably used another confidence interval method/);
  });

  it('never calls a discrepancy an error', () => {
    for (const f of findings) expect(f.message).not.toMatch(/\berror|wrong|mistake/i);
  });

  it('ventricular arrhythmia and death at day 30 RRs match Katz exactly (ok)', () => {
    const va = find(findings, 1, 'risk-ratio');
    expect(va.severity).toBe('ok');
    expect(va.recomputed.lower).toBeCloseTo(0.9710007635, 9);
    expect(find(findings, 3, 'risk-ratio').severity).toBe('ok');
    expect(find(findings, 3, 'risk-ratio').recomputedText).toBe('1.16 (95% CI 0.71 to 1.90)');
  });

  it('all printed percentages agree with events/total', () => {
    const pct = findings.filter((f) => f.check === 'percent');
    expect(pct).toHaveLength(8);
    expect(pct.every((f) => f.severity === 'ok')).toBe(true);
    expect(find(findings, 1, 'percent', 1).recomputed.estimate).toBeCloseTo(8.6538461538, 9);
  });

  it('RDs: reported intervals differ from Newcombe by method-sized amounts (minor)', () => {
    const primary = find(findings, 0, 'risk-difference');
    expect(primary.path).toBe('results[0].otherEffects[0]');
    expect(primary.recomputed.estimate).toBeCloseTo(0.04760091, 7);
    expect(primary.recomputed.lower).toBeCloseTo(-12.55174903, 7);
    expect(primary.recomputed.upper).toBeCloseTo(12.60536701, 7);
    expect(primary.recomputedText).toBe('0.0% (95% CI −12.6% to 12.6%)');
    expect(primary.severity).toBe('minor');
    const va = find(findings, 1, 'risk-difference');
    expect(va.recomputedText).toBe('9.2% (95% CI −0.2% to 18.7%)');
    expect(va.severity).toBe('minor');
    expect(find(findings, 2, 'risk-difference').recomputedText).toBe('8.0% (95% CI 0.5% to 16.1%)');
  });

  it('primary sHR: P = 0.92 agrees with the P ≈ 0.9020 implied by its CI', () => {
    const f = find(findings, 0, 'ci-vs-p');
    expect(f.recomputed.p).toBeCloseTo(0.9020008492, 9);
    expect(f.severity).toBe('ok');
    expect(f.reportedText).toBe('sHR 1.02 (95% CI 0.74 to 1.39), P = 0.92');
  });

  it('summarises severities', () => {
    expect(auditSummary(findings)).toEqual({ ok: 11, minor: 4, material: 0 });
  });
});

describe('audit thresholds', () => {
  it('percentages: within half a unit + 0.05 is ok, up to 1 point minor, beyond material', () => {
    const arms = (p1: number, p2: number) => ({
      levosimendan: { kind: 'events' as const, events: 18, total: 101, percent: p1 },
      placebo: { kind: 'events' as const, events: 9, total: 104, percent: p2 },
    });
    // 17.82 and 8.65: 17.9 is 0.078 away (ok), 8.8 is 0.146 away (minor).
    const fs = auditExtra({ name: 'x', arms: arms(17.9, 8.8) });
    expect(fs.map((f) => f.severity)).toEqual(['ok', 'minor']);
    expect(fs[1]?.message).toContain('8.65%');
    const big = auditExtra({ name: 'x', arms: arms(19, 8.7) });
    expect(big[0]?.severity).toBe('material'); // 1.18 points with 0 decimals
    expect(big[0]?.message).toMatch(/another denominator/);
    expect(AUDIT_THRESHOLDS.pointsMaterial).toBe(1);
  });

  it('a ratio estimate more than 5% away is material, worded as an adjusted estimate', () => {
    const fs = auditExtra({ name: 'x', arms: VA_ARMS, effect: { measure: 'RR', estimate: 2.2, ci: { lower: 0.97, upper: 4.37 } } });
    const f = find(fs, fs[0]!.outcomeIndex, 'risk-ratio');
    expect(f.severity).toBe('material'); // 2.2 / 2.0594 = +6.8%
    expect(f.message).toMatch(/adjusted or model-based risk ratio/);
    const near = auditExtra({ name: 'x', arms: VA_ARMS, effect: { measure: 'RR', estimate: 2.1, ci: { lower: 0.97, upper: 4.37 } } });
    expect(near[0]?.severity).toBe('minor'); // +2.0%
  });

  it('a CI whose significance flips is material, even when the limits are close', () => {
    const fs = auditExtra({ name: 'x', arms: VA_ARMS, effect: { measure: 'RR', estimate: 2.06, ci: { lower: 1.02, upper: 4.16 } } });
    expect(fs[0]?.severity).toBe('material');
    expect(fs[0]?.message).toContain("the recomputed interval includes 1 while the paper's excludes it");
    // A printed 1.00 cannot say which side of 1 it is on: no flip.
    const edge = auditExtra({ name: 'x', arms: VA_ARMS, effect: { measure: 'RR', estimate: 2.06, ci: { lower: 1.0, upper: 4.37 } } });
    expect(edge[0]?.severity).toBe('minor');
  });

  it('OR is checked against Woolf', () => {
    const fs = auditExtra({ name: 'x', arms: VA_ARMS, effect: { measure: 'OR', estimate: 2.29, ci: { lower: 0.98, upper: 5.37 } } });
    expect(fs[0]?.check).toBe('odds-ratio');
    expect(fs[0]?.severity).toBe('ok');
    expect(fs[0]?.recomputed.upper).toBeCloseTo(5.3698728851, 9);
  });

  it('RD with zero events: cardiac transplant −4.8% (−9.6% to −1.0%) vs Newcombe −10.8% to −0.2%', () => {
    const fs = auditExtra({
      name: 'Cardiac transplant by day 30',
      arms: { levosimendan: { kind: 'events', events: 0, total: 101 }, placebo: { kind: 'events', events: 5, total: 104 } },
      effect: { measure: 'RD', unit: '%', estimate: -4.8, ci: { lower: -9.6, upper: -1.0 } },
    });
    expect(fs[0]?.recomputed.lower).toBeCloseTo(-10.7642028, 6);
    expect(fs[0]?.recomputed.upper).toBeCloseTo(-0.234299, 5);
    // Shifts of 1.16 and 0.77 points are 19% and 17% of the half-widths: below the 25% line.
    expect(fs[0]?.severity).toBe('minor');
  });

  it('RD subtracted the other way round is recognised', () => {
    const fs = auditExtra({ name: 'x', arms: VA_ARMS, effect: { measure: 'RD', unit: '%', estimate: -9.2, ci: { lower: -18.7, upper: 0.2 } } });
    expect(fs[0]?.severity).toBe('minor');
    expect(fs[0]?.recomputed.estimate).toBeCloseTo(-9.167936, 6);
    expect(fs[0]?.message).toMatch(/other way round/);
  });

  it('RD without a percentage unit is not compared', () => {
    expect(auditExtra({ name: 'x', arms: VA_ARMS, effect: { measure: 'RD', estimate: 0.09 } })).toEqual([]);
  });

  it('CI vs P: disagreement on significance is material; a different test is minor', () => {
    const sig = auditExtra({ name: 'x', arms: {}, effect: { measure: 'HR', estimate: 1.16, ci: { lower: 0.71, upper: 1.9 }, p: { op: '=', value: 0.03 } } });
    expect(sig[0]?.severity).toBe('material');
    expect(sig[0]?.recomputed.p).toBeCloseTo(0.5544875375, 9);
    expect(sig[0]?.message).toMatch(/different analyses/);
    const lt = auditExtra({ name: 'x', arms: {}, effect: { measure: 'OR', estimate: 2.6, ci: { lower: 0.98, upper: 5.37 }, p: { op: '<', value: 0.001 } } });
    expect(lt[0]?.severity).toBe('material');
    // Day-60 mortality RR 1.11 (0.70 to 1.75), P = 0.78: implied 0.655, another test.
    const d60 = auditExtra({ name: 'x', arms: {}, effect: { measure: 'RR', estimate: 1.11, ci: { lower: 0.7, upper: 1.75 }, p: { op: '=', value: 0.78 } } });
    expect(d60[0]?.recomputed.p).toBeCloseTo(0.6552676937, 9);
    expect(d60[0]?.severity).toBe('minor');
    // Cessation RR 3.09 (1.07 to 8.93) with P = 0.04: implied 0.037, ok.
    const ok = auditExtra({ name: 'x', arms: {}, effect: { measure: 'RR', estimate: 3.09, ci: { lower: 1.07, upper: 8.93 }, p: { op: '=', value: 0.04 } } });
    expect(ok[0]?.recomputed.p).toBeCloseTo(0.0371341837, 9);
    expect(ok[0]?.severity).toBe('ok');
  });

  it('CI vs P: a P printed as 0.05 or a limit printed as 1.00 is not a disagreement', () => {
    const fs = auditExtra({ name: 'x', arms: {}, effect: { measure: 'HR', estimate: 0.8, ci: { lower: 0.64, upper: 1.0 }, p: { op: '=', value: 0.04 } } });
    expect(fs[0]?.recomputed.p).toBeCloseTo(0.05, 12); // √(0.64 × 1.00) = 0.8: exactly on the edge
    expect(fs[0]?.severity).toBe('ok');
    const p05 = auditExtra({ name: 'x', arms: {}, effect: { measure: 'HR', estimate: 0.8, ci: { lower: 0.66, upper: 0.97 }, p: { op: '=', value: 0.05 } } });
    expect(p05[0]?.severity).not.toBe('material');
  });
});
