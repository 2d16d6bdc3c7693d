// Two-sided Fisher's exact test for a 2×2 table, conditioning on both margins.
// Probabilities are computed through log-factorials so tables with thousands
// of patients neither overflow nor lose precision.
import { assertCounts } from './counts.js';
import type { ArmCounts, FisherResult } from './types.js';

// Exact-enough table for small n (sum of logs), Stirling's series beyond it,
// where its truncation error is below 1e-20.
const TABLE_SIZE = 1024;
const LOG_FACTORIAL: number[] = [0];
for (let n = 1; n < TABLE_SIZE; n++) LOG_FACTORIAL.push(LOG_FACTORIAL[n - 1]! + Math.log(n));
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln(n!) for a whole number n ≥ 0. */
export function logFactorial(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`logFactorial: expected a whole number ≥ 0, got ${n}`);
  if (n < TABLE_SIZE) return LOG_FACTORIAL[n]!;
  const inv = 1 / n;
  const inv2 = inv * inv;
  // 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷)
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return (n + 0.5) * Math.log(n) - n + HALF_LOG_TWO_PI + series;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** Tables whose probability is within this relative distance of the observed one count as "as extreme" (R uses 1e-7). */
export const FISHER_RELATIVE_TOLERANCE = 1e-7;

/** Stop summing a tail once its terms fall this far below the tail's first (largest) term. */
const NEGLIGIBLE_LOG = Math.log(1e-20);

/**
 * The hypergeometric distribution is unimodal, so the tables at most as
 * likely as the observed one form two tails. Each tail's inner edge is found
 * by bisection and summed outwards until its terms are negligible: the cost
 * grows with the spread of the distribution, not with n, which keeps the
 * fragility index (hundreds of tests) quick for trials of 100 000 patients.
 */
export function fisherExact(exp: ArmCounts, comp: ArmCounts): FisherResult {
  assertCounts(exp, 'experimental arm');
  assertCounts(comp, 'comparator arm');
  const n1 = exp.total;
  const n2 = comp.total;
  const m = exp.events + comp.events;
  const lo = Math.max(0, m - n2);
  const hi = Math.min(n1, m);
  const logDenom = logChoose(n1 + n2, m);
  const logP = (k: number): number => logChoose(n1, k) + logChoose(n2, m - k) - logDenom;

  const logObserved = logP(exp.events);
  const pTable = Math.exp(logObserved);
  const threshold = logObserved + Math.log1p(FISHER_RELATIVE_TOLERANCE);
  const mode = Math.min(hi, Math.max(lo, Math.floor(((n1 + 1) * (m + 1)) / (n1 + n2 + 2))));
  // The observed table ties with the most likely one: every table is as extreme.
  if (logP(mode) <= threshold) return { p: 1, pTable };

  let p = 0;
  if (logP(lo) <= threshold) {
    // logP rises on [lo, mode]: find the last k still at or below the threshold.
    let a = lo;
    let b = mode;
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (logP(mid) <= threshold) a = mid;
      else b = mid;
    }
    p += tailSum(logP, a, -1, lo);
  }
  if (logP(hi) <= threshold) {
    // logP falls on [mode, hi]: find the first k at or below the threshold.
    let a = mode;
    let b = hi;
    while (b - a > 1) {
      const mid = Math.floor((a + b) / 2);
      if (logP(mid) <= threshold) b = mid;
      else a = mid;
    }
    p += tailSum(logP, b, 1, hi);
  }
  return { p: Math.min(1, p), pTable };
}

/** Σ P(k) from `start` outwards to `end`, stopping once terms are negligible. */
function tailSum(logP: (k: number) => number, start: number, step: 1 | -1, end: number): number {
  const first = logP(start);
  let sum = 0;
  for (let k = start; step > 0 ? k <= end : k >= end; k += step) {
    const lp = k === start ? first : logP(k);
    if (lp - first < NEGLIGIBLE_LOG) break;
    sum += Math.exp(lp);
  }
  return sum;
}
