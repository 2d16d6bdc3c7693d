// Fragility of a non-inferiority result against its margin: the Walsh index
// asks when Fisher's P crosses 0.05, which is the wrong question for a trial
// whose claim is "the CI bound stays inside the margin". Here the experimental
// arm's outcomes are moved towards harm (or, for a result that is not
// non-inferior, towards benefit) one patient at a time until the recomputed
// CI bound crosses the margin. Only possible when the margin is on a scale
// the counts give (risk ratio or risk difference); otherwise the text says why.
import { formatRatio, fixed } from './format.js';
import type { MarginBoundary } from './margin.js';
import { riskDifference } from './newcombe.js';
import { riskRatio } from './risk-ratio.js';
import type { ArmCounts, MarginFragility } from './types.js';

const CAP = 1000;

/**
 * `boundary` must be on the counts' scale: a ratio for RR, and for RD a
 * proportion (a margin written in percentage points, |value| ≥ 1, is divided by 100).
 */
export function marginFragility(exp: ArmCounts | null, comp: ArmCounts | null, m: MarginBoundary, outcomeIndex: number, level = 0.95): MarginFragility {
  const base = { outcomeIndex, boundary: m.boundary };
  if (m.hypothesis !== 'non-inferiority') {
    return { ...base, value: null, measure: null, text: 'Fragility is not computed for an equivalence outcome: no single boundary to cross.' };
  }
  if (m.measure !== 'RR' && m.measure !== 'RD') {
    return { ...base, value: null, measure: null, text: `Fragility against the margin is not computed: the margin is a ${m.measure}, which event counts cannot recompute (only RR or RD margins can).` };
  }
  if (!exp || !comp) {
    return { ...base, value: null, measure: null, text: 'Fragility against the margin is not computed: the primary outcome has no event counts for both arms.' };
  }
  const measure = m.measure;
  const boundary = measure === 'RD' && Math.abs(m.boundary) >= 1 ? m.boundary / 100 : m.boundary;
  // The CI bound on the harm side, recomputed from counts.
  const harmBound = (e: ArmCounts): number => {
    const ci = measure === 'RR' ? riskRatio(e, comp, level) : riskDifference(e, comp, level);
    return m.harmAbove ? ci.upper : ci.lower;
  };
  const inside = (e: ArmCounts): boolean => (m.harmAbove ? harmBound(e) < boundary : harmBound(e) > boundary);
  const start = inside(exp);
  // Towards harm: more events when lower is better (harm above), fewer when higher is better.
  const towardsHarm = m.harmAbove ? 1 : -1;
  const step = start ? towardsHarm : -towardsHarm;
  const shown = measure === 'RR' ? formatRatio(boundary) : `${fixed(boundary * 100, 1)} percentage points`;
  for (let k = 1; k <= CAP; k++) {
    const events = exp.events + step * k;
    if (events < 0 || events > exp.total) break;
    const moved = { events, total: exp.total };
    if (inside(moved) !== start) {
      const patients = k === 1 ? '1 patient' : `${k} patients`;
      const text = start
        ? `Margin fragility ${k}: ${patients} in the experimental arm with a worse outcome would move the ${measure} CI bound across the margin ${shown}.`
        : `Reverse margin fragility ${k}: ${patients} in the experimental arm with a better outcome would bring the ${measure} CI bound inside the margin ${shown}.`;
      return { ...base, boundary, value: k, measure, text };
    }
  }
  return { ...base, boundary, value: null, measure, text: `Margin fragility not reached: no change of up to ${CAP} patients in the experimental arm moves the ${measure} CI bound across the margin ${shown}.` };
}
