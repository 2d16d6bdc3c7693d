// Two-arm event counts: validation and the 2×2 table behind the ratio measures.
import { TrialdeckError } from '../errors.js';
import type { ArmCounts } from './types.js';

/** Throws DATA_INVALID unless `events` and `total` are whole numbers with 0 ≤ events ≤ total and total ≥ 1. */
export function assertCounts(c: ArmCounts, what = 'arm'): void {
  const { events, total } = c;
  if (!Number.isInteger(events) || !Number.isInteger(total) || events < 0 || total < 1 || events > total) {
    throw new TrialdeckError('DATA_INVALID', `${what}: expected 0 ≤ events ≤ total with whole numbers, got ${events}/${total}`);
  }
}

export function countsAreValid(c: ArmCounts): boolean {
  return Number.isInteger(c.events) && Number.isInteger(c.total) && c.events >= 0 && c.total >= 1 && c.events <= c.total;
}

/** The 2×2 table: a/b = events/non-events in the experimental arm, c/d in the comparator. */
export interface Cells {
  a: number;
  b: number;
  c: number;
  d: number;
  corrected: boolean;
}

/**
 * Cells for log-scale ratios. A zero cell makes the log ratio or its variance
 * infinite, so 0.5 is added to every cell (Haldane–Anscombe), as RevMan does.
 */
export function ratioCells(exp: ArmCounts, comp: ArmCounts): Cells {
  assertCounts(exp, 'experimental arm');
  assertCounts(comp, 'comparator arm');
  const a = exp.events;
  const b = exp.total - exp.events;
  const c = comp.events;
  const d = comp.total - comp.events;
  if (a === 0 || b === 0 || c === 0 || d === 0) {
    return { a: a + 0.5, b: b + 0.5, c: c + 0.5, d: d + 0.5, corrected: true };
  }
  return { a, b, c, d, corrected: false };
}
