// Number needed to treat from a risk difference, with Altman's convention for
// its confidence interval (BMJ 1998;317:1309-12). The NNT is 1/|RD|; its sign
// says whether the experimental arm helps (NNTB) or harms (NNTH). When the
// RD's interval includes 0, the NNT's runs through infinity:
// "NNTB 8 to ∞ to NNTH 40" — never the misleading "−40 to 8".
import type { BenefitDirection } from '../trial/schema.js';
import { ciLabel } from './format.js';
import type { DifferenceEstimate, NntResult, NntValue } from './types.js';

const INFINITE: NntValue = { kind: null, value: null, display: null };

/**
 * NNT for a difference on the benefit scale (positive = experimental arm better).
 * Displayed NNTs are rounded up, the usual convention: 10.9 → 11.
 */
export function nntValue(benefitDifference: number): NntValue {
  if (benefitDifference === 0 || !Number.isFinite(benefitDifference)) return { ...INFINITE };
  const value = 1 / Math.abs(benefitDifference);
  // Guard against 1/0.2 = 5.000000000000001 rounding up to 6.
  const display = Math.ceil(value - 1e-9);
  return { kind: benefitDifference > 0 ? 'NNTB' : 'NNTH', value, display };
}

export function formatNntValue(v: NntValue): string {
  return v.kind === null || v.display === null ? '∞' : `${v.kind} ${v.display}`;
}

/**
 * NNT/NNH from the experimental-minus-comparator risk difference. `benefit`
 * says which way is good: 'lower' (death: fewer events is better) flips the
 * sign, so a higher risk in the experimental arm becomes a harm.
 */
export function numberNeededToTreat(rd: Pick<DifferenceEstimate, 'estimate' | 'lower' | 'upper' | 'level'>, benefit: BenefitDirection): NntResult {
  // `0 - x`, not `-x`: −0 would not survive a JSON round trip.
  const flip = benefit === 'lower';
  const estimate = flip ? 0 - rd.estimate : rd.estimate;
  const lower = flip ? 0 - rd.upper : rd.lower;
  const upper = flip ? 0 - rd.lower : rd.upper;
  const point = nntValue(estimate);

  let limits: [NntValue, NntValue];
  let throughInfinity: boolean;
  let ciText: string;
  if (lower > 0) {
    // All benefit: the larger difference gives the smaller NNTB, listed first.
    limits = [nntValue(upper), nntValue(lower)];
    throughInfinity = false;
    ciText = `${formatNntValue(limits[0])} to ${limits[1].display ?? '∞'}`;
  } else if (upper < 0) {
    limits = [nntValue(lower), nntValue(upper)];
    throughInfinity = false;
    ciText = `${formatNntValue(limits[0])} to ${limits[1].display ?? '∞'}`;
  } else {
    limits = [nntValue(upper), nntValue(lower)];
    throughInfinity = true;
    const parts: string[] = [];
    if (upper > 0) parts.push(formatNntValue(limits[0]));
    parts.push('∞');
    if (lower < 0) parts.push(formatNntValue(limits[1]));
    ciText = parts.join(' to ');
  }
  const estimateText = formatNntValue(point);
  const text = `${estimateText} (${ciLabel(rd.level)} ${ciText})`;
  // Altman: with a CI through 0 the point NNT is not worth a number of its own.
  const showPoint = !throughInfinity;
  return {
    benefit,
    benefitDifference: { estimate, lower, upper },
    estimate: point,
    throughInfinity,
    limits,
    level: rd.level,
    estimateText,
    ciText,
    text,
    showPoint,
    slideText: showPoint ? text : `no clear difference (${ciLabel(rd.level)} ${ciText})`,
  };
}
