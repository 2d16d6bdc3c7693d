// Risk difference with Newcombe's hybrid score interval (method 10 of
// Newcombe, Stat Med 1998;17:873-90): each arm's Wilson limits are combined
// by "square-and-add". It keeps good coverage near 0% and 100%, where the
// Wald interval collapses.
import { wilson } from './wilson.js';
import type { ArmCounts, DifferenceEstimate } from './types.js';

/** Experimental minus comparator risk, as a proportion. */
export function riskDifference(exp: ArmCounts, comp: ArmCounts, level = 0.95): DifferenceEstimate {
  const w1 = wilson(exp, level);
  const w2 = wilson(comp, level);
  const p1 = w1.risk;
  const p2 = w2.risk;
  const estimate = p1 - p2;
  const lower = estimate - Math.hypot(p1 - w1.lower, w2.upper - p2);
  const upper = estimate + Math.hypot(w1.upper - p1, p2 - w2.lower);
  return { estimate, lower, upper, level, method: 'newcombe-hybrid-score' };
}
