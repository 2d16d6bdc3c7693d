// Pieces shared by the audit checks: thresholds, the outcome context and
// small helpers for rounding tolerance and severity.
import type { Arm, Effect, Outcome } from '../trial/schema.js';
import { riskDifference } from './newcombe.js';
import { oddsRatio } from './odds-ratio.js';
import { riskRatio } from './risk-ratio.js';
import type { ArmCounts, AuditValues, Severity } from './types.js';

/**
 * When a reported number counts as matching, slightly off, or materially off.
 * "ok" always means: within what rounding to the printed decimals explains.
 */
export const AUDIT_THRESHOLDS = {
  alpha: 0.05,
  /** Percentages and RDs (percentage points): slack on top of half a printed unit, for double rounding. */
  pointsSlack: 0.05,
  /** A percentage or RD more than 1 percentage point away is material (another denominator, an adjusted estimate). */
  pointsMaterial: 1,
  /** A ratio estimate more than 5% (relative) away from the crude one is material (an adjusted or model-based estimate). */
  ratioMaterialRelative: 0.05,
  /**
   * A CI limit moved by more than 25% of the recomputed interval's half-width
   * on that side (log scale for ratios) is material; smaller moves are what
   * another CI method gives.
   */
  ciMaterialShare: 0.25,
  /** Reported vs CI-implied p: allowed gap on the z scale beyond what rounding of the printed numbers explains. */
  pZSlack: 0.1,
} as const;

export interface AuditContext {
  index: number;
  outcome: Outcome;
  experimental: Arm;
  comparator: Arm;
  /** Event counts of both arms, when both are `kind: 'events'` and valid. */
  counts: { experimental: ArmCounts; comparator: ArmCounts } | null;
}

export interface EffectAt {
  effect: Effect;
  /** JSON path, e.g. `results[3].otherEffects[0]`. */
  path: string;
}

/** The outcome's main effect and its other effects, reported ones only. */
export function effectsOf(ctx: AuditContext): EffectAt[] {
  const out: EffectAt[] = [];
  const base = `results[${ctx.index}]`;
  if (ctx.outcome.effect?.reported) out.push({ effect: ctx.outcome.effect, path: `${base}.effect` });
  ctx.outcome.otherEffects.forEach((effect, j) => {
    if (effect.reported) out.push({ effect, path: `${base}.otherEffects[${j}]` });
  });
  return out;
}

const ORDER: Record<Severity, number> = { ok: 0, minor: 1, material: 2 };

export function worst(severities: readonly Severity[]): Severity {
  return severities.reduce<Severity>((a, b) => (ORDER[b] > ORDER[a] ? b : a), 'ok');
}

/** Half a unit of the last printed decimal: 68.3 printed → 0.05. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/** Float slack so that exactly-half-unit differences still count as rounding. */
export const EPS = 1e-9;

export function auditValues(partial: Partial<AuditValues>): AuditValues {
  return { estimate: partial.estimate ?? null, lower: partial.lower ?? null, upper: partial.upper ?? null, p: partial.p ?? null };
}

export function countsText(ctx: AuditContext): string {
  const c = ctx.counts;
  return c ? `${c.experimental.events}/${c.experimental.total} vs ${c.comparator.events}/${c.comparator.total}` : '';
}

/** Texts where the paper printed the effect, to read its decimals from. */
export function effectTexts(e: Effect): (string | undefined)[] {
  return [e.text, e.ciText, e.p?.text];
}

// ── Recomputations, in the units papers print ────────────────────────────────

export interface Recomputed {
  estimate: number;
  lower: number;
  upper: number;
}

type Counts = { experimental: ArmCounts; comparator: ArmCounts };

export function ratioForAudit(measure: 'RR' | 'OR', c: Counts, level: number): Recomputed {
  const r = measure === 'RR' ? riskRatio(c.experimental, c.comparator, level) : oddsRatio(c.experimental, c.comparator, level);
  return { estimate: r.estimate, lower: r.lower, upper: r.upper };
}

/** Newcombe interval in percentage points. */
export function newcombeForAudit(c: Counts, level: number): Recomputed {
  const r = riskDifference(c.experimental, c.comparator, level);
  return { estimate: 100 * r.estimate, lower: 100 * r.lower, upper: 100 * r.upper };
}
