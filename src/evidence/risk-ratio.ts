// Risk ratio with the Katz log interval (Katz et al., Biometrics 1978):
// SE(ln RR) = √(1/a − 1/n₁ + 1/c − 1/n₂). When any cell is zero, 0.5 is added
// to every cell for both the estimate and the interval.
import { ratioCells } from './counts.js';
import { logScaleInterval } from './normal.js';
import type { ArmCounts, RatioEstimate } from './types.js';

export function riskRatio(exp: ArmCounts, comp: ArmCounts, level = 0.95): RatioEstimate {
  const { a, b, c, d, corrected } = ratioCells(exp, comp);
  const n1 = a + b;
  const n2 = c + d;
  const estimate = a / n1 / (c / n2);
  const logSe = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  return { estimate, ...logScaleInterval(estimate, logSe, level), level, logSe, corrected, method: 'katz-log' };
}
