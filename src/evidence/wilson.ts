// Risk in one arm with the Wilson score interval (Wilson 1927). Unlike the
// Wald interval it never leaves [0, 1] and stays sensible at 0/n and n/n,
// and it is the building block of Newcombe's risk difference interval.
import { assertCounts } from './counts.js';
import { zForLevel } from './normal.js';
import type { ArmCounts, RiskEstimate } from './types.js';

export function wilson(counts: ArmCounts, level = 0.95): RiskEstimate {
  assertCounts(counts);
  const { events, total } = counts;
  const z = zForLevel(level);
  const z2 = z * z;
  const p = events / total;
  const denom = total + z2;
  const centre = (events + z2 / 2) / denom;
  const half = (z * Math.sqrt((events * (total - events)) / total + z2 / 4)) / denom;
  // At 0/n and n/n the bounds are exactly 0 and 1; rounding must not nudge them.
  const lower = events === 0 ? 0 : Math.max(0, centre - half);
  const upper = events === total ? 1 : Math.min(1, centre + half);
  return { events, total, risk: p, lower, upper, level, method: 'wilson' };
}
