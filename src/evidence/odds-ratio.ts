// Odds ratio with Woolf's logit interval (Woolf 1955):
// SE(ln OR) = √(1/a + 1/b + 1/c + 1/d), with 0.5 added to every cell when
// any cell is zero (Haldane–Anscombe).
import { ratioCells } from './counts.js';
import { logScaleInterval } from './normal.js';
import type { ArmCounts, RatioEstimate } from './types.js';

export function oddsRatio(exp: ArmCounts, comp: ArmCounts, level = 0.95): RatioEstimate {
  const { a, b, c, d, corrected } = ratioCells(exp, comp);
  const estimate = (a * d) / (b * c);
  const logSe = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  return { estimate, ...logScaleInterval(estimate, logSe, level), level, logSe, corrected, method: 'woolf-logit' };
}
