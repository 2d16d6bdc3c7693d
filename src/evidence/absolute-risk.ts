// What a ratio allows in absolute terms: the control arm's risk p0 carried
// through the ratio and its CI limits. For hazard ratios (HR, sHR) under
// proportional (subdistribution) hazards the cumulative incidences satisfy
// 1 − p1 = (1 − p0)^HR, so p1 = 1 − (1 − p0)^HR; a risk ratio multiplies the
// risk, an odds ratio the odds. A reader can then say "between 57% and 80%",
// which a ratio of 1.02 (0.74 to 1.39) does not make obvious.
import { TrialdeckError } from '../errors.js';
import { EFFECT_MEASURES, type EffectMeasure } from '../trial/schema.js';
import { ciLabel, fixed, formatPercent, formatRatio } from './format.js';
import type { AbsoluteTranslation, ArmCounts } from './types.js';

export interface RatioWithCi {
  measure: EffectMeasure;
  estimate: number;
  lower: number;
  upper: number;
  level?: number | undefined;
}

/** The experimental arm's risk implied by control risk `p0` and `ratio`. */
export function translateRisk(p0: number, ratio: number, measure: EffectMeasure): number {
  if (!(p0 >= 0 && p0 <= 1) || !(ratio > 0)) throw new TrialdeckError('DATA_INVALID', `expected 0 ≤ p0 ≤ 1 and a ratio > 0, got ${p0} and ${ratio}`);
  switch (measure) {
    case 'HR':
    case 'sHR':
      return 1 - (1 - p0) ** ratio;
    case 'RR':
      return Math.min(1, p0 * ratio);
    case 'OR':
      return (ratio * p0) / (1 - p0 + ratio * p0);
    default:
      throw new TrialdeckError('DATA_INVALID', `no absolute translation for ${measure}: expected HR, sHR, RR or OR`);
  }
}

const METHOD: Record<'HR' | 'sHR' | 'RR' | 'OR', AbsoluteTranslation['method']> = {
  HR: 'p1 = 1 − (1 − p0)^HR',
  sHR: 'p1 = 1 − (1 − p0)^HR',
  RR: 'p1 = p0 × RR',
  OR: 'odds1 = odds0 × OR',
};

function points(d: number): string {
  const s = fixed(Math.abs(d) * 100, 1);
  return d >= 0 ? `${s} points more` : `${s} points fewer`;
}

export function absoluteTranslation(
  control: ArmCounts,
  ratio: RatioWithCi,
  labels: { experimental: string; comparator: string; outcome: string },
): AbsoluteTranslation {
  const m = ratio.measure;
  if (m !== 'HR' && m !== 'sHR' && m !== 'RR' && m !== 'OR') {
    throw new TrialdeckError('DATA_INVALID', `no absolute translation for ${m}: expected HR, sHR, RR or OR`);
  }
  const p0 = control.events / control.total;
  const at = (r: number) => translateRisk(p0, r, m);
  const [estimate, lower, upper] = [at(ratio.estimate), at(ratio.lower), at(ratio.upper)];
  const level = ratio.level ?? 0.95;
  const name = labels.outcome.replace(/\s*\([^)]*\)\s*$/, '');
  const text =
    `Applied to the ${labels.comparator.toLowerCase()} arm's ${formatPercent(p0)} (${control.events}/${control.total}), ` +
    `${m} ${formatRatio(ratio.estimate)} (${ciLabel(level)} ${formatRatio(ratio.lower)} to ${formatRatio(ratio.upper)}) means ` +
    `${formatPercent(estimate)} with ${labels.experimental.toLowerCase()} (${ciLabel(level)} ${formatPercent(lower)} to ${formatPercent(upper)}): ` +
    `compatible with anything from ${points(lower - p0)} to ${points(upper - p0)} for ${name.charAt(0).toLowerCase()}${name.slice(1)}.`;
  return {
    measure: m,
    measureName: EFFECT_MEASURES[m],
    method: METHOD[m],
    control: { events: control.events, total: control.total, risk: p0 },
    ratio: { estimate: ratio.estimate, lower: ratio.lower, upper: ratio.upper, level },
    risk: { estimate, lower, upper },
    difference: { estimate: estimate - p0, lower: lower - p0, upper: upper - p0 },
    text,
  };
}
