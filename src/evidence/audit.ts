// Reported-vs-recomputed audit. For each outcome it checks printed
// percentages against events/total, a reported RR/OR/RD against the same
// measure recomputed from the counts, and whether a ratio's CI and P value
// tell the same story. Every comparison yields a finding, "ok" ones too, so
// a slide can show what was checked. Wording never says "error": a
// discrepancy most often means the paper used another, legitimate method.
//
// Thresholds (see AUDIT_THRESHOLDS):
//   ok        within rounding to the printed decimals (+0.05 points for
//             percentages and RDs, which are often rounded twice)
//   material  a percentage or RD more than 1 point off; a ratio estimate more
//             than 5% (relative) off; a CI limit moved by more than 25% of the
//             recomputed half-width; or the CI's significance flips; or P and
//             CI disagree on significance
//   minor     anything in between
import { effectComparison } from '../trial/comparisons.js';
import type { Arm, Comparison, Outcome, Trial } from '../trial/schema.js';
import { countsAreValid } from './counts.js';
import { auditCiVsP } from './audit-p.js';
import { auditRatio, auditRiskDifference } from './audit-effects.js';
import { AUDIT_THRESHOLDS as T, EPS, auditValues, effectsOf, halfUnit, type AuditContext } from './audit-shared.js';
import { fixed, printedDecimals } from './format.js';
import type { ArmCounts, AuditFinding, Severity } from './types.js';

export { AUDIT_THRESHOLDS } from './audit-shared.js';

/** Printed percentages against events/total, for every arm. */
function auditPercentages(ctx: AuditContext, arms: readonly Arm[]): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const arm of arms) {
    const q = ctx.outcome.arms[arm.id];
    if (q?.kind !== 'events' || q.percent === undefined || q.events > q.total) continue;
    const decimals = printedDecimals(q.percent, [q.text], 0);
    const recomputed = (100 * q.events) / q.total;
    const diff = Math.abs(q.percent - recomputed);
    const severity: Severity =
      diff <= halfUnit(decimals) + T.pointsSlack + EPS ? 'ok' : diff > T.pointsMaterial ? 'material' : 'minor';
    const rep = `${fixed(q.percent, decimals)}%`;
    const rec = `${fixed(recomputed, decimals)}%`;
    const frac = `${q.events}/${q.total}`;
    const message =
      severity === 'ok'
        ? `${frac} is ${rec}, as printed (${rep}).`
        : severity === 'minor'
          ? `The paper prints ${rep} for ${frac}, which is ${fixed(recomputed, decimals + 1)}%; the paper probably rounded differently (e.g. truncated) or used a slightly different denominator.`
          : `The paper prints ${rep} for ${frac}, which is ${fixed(recomputed, decimals + 1)}%; the percentage probably comes from another denominator (e.g. the analysed, per-protocol or imputed population) or a model-based estimate.`;
    findings.push({
      outcomeIndex: ctx.index,
      outcomeName: ctx.outcome.name,
      check: 'percent',
      compared: `${arm.label}: printed percentage vs ${frac}`,
      path: `results[${ctx.index}].arms.${arm.id}.percent`,
      reported: auditValues({ estimate: q.percent }),
      recomputed: auditValues({ estimate: recomputed }),
      reportedText: rep,
      recomputedText: rec,
      severity,
      message,
    });
  }
  return findings;
}

/**
 * Event counts of the pair an outcome's effect compares (by default its main
 * effect's comparison), or null when either arm is not `events`, is
 * impossible, or the pair is unknown (three arms, no comparison named).
 */
export function eventCounts(trial: Trial, index: number, pair?: Comparison | null): { experimental: ArmCounts; comparator: ArmCounts } | null {
  const outcome = trial.results[index];
  if (!outcome) return null;
  const c = pair === undefined ? effectComparison(trial, outcome.effect) : pair;
  return c ? pairEvents(outcome, c) : null;
}

function pairEvents(outcome: Outcome, pair: Comparison): { experimental: ArmCounts; comparator: ArmCounts } | null {
  const e = outcome.arms[pair.arm];
  const c = outcome.arms[pair.vs];
  if (e?.kind !== 'events' || c?.kind !== 'events') return null;
  const experimental = { events: e.events, total: e.total };
  const comparator = { events: c.events, total: c.total };
  return countsAreValid(experimental) && countsAreValid(comparator) ? { experimental, comparator } : null;
}

export function auditOutcome(trial: Trial, index: number): AuditFinding[] {
  const outcome = trial.results[index];
  const [first, second] = trial.arms;
  if (!outcome || !first || !second) return [];
  const base: AuditContext = { index, outcome, experimental: first, comparator: second, counts: null };
  const findings = auditPercentages(base, trial.arms);
  const arm = (id: string): Arm | undefined => trial.arms.find((a) => a.id === id);
  for (const at of effectsOf(base)) {
    // Each effect is recomputed from the counts of the pair it compares; an unknown pair gets the CI-vs-P check only.
    const pair = effectComparison(trial, at.effect);
    const experimental = pair && arm(pair.arm);
    const comparator = pair && arm(pair.vs);
    const ctx: AuditContext = pair && experimental && comparator ? { index, outcome, experimental, comparator, counts: pairEvents(outcome, pair) } : base;
    for (const check of [auditRatio, auditRiskDifference, auditCiVsP]) {
      const f = check(ctx, at);
      if (f) findings.push(f);
    }
  }
  return findings;
}

export function auditTrial(trial: Trial): AuditFinding[] {
  return trial.results.flatMap((_, i) => auditOutcome(trial, i));
}

/** Counts per severity, for a summary line. */
export function auditSummary(findings: readonly AuditFinding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { ok: 0, minor: 0, material: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
