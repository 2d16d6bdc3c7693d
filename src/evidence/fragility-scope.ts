// Where the fragility index means something (issue 12). Walsh et al. (J Clin
// Epidemiol 2014) defined it on Fisher's exact test of a 2×2 table, so it
// only applies to binary outcomes analysed as proportions (RR, OR, RD, or no
// reported model). A hazard ratio, a Fine–Gray subdistribution HR or an
// adjusted model is not a 2×2 comparison: flipping crude counts ignores time
// and censoring, and calls a competing event (death) "no event".
import type { Effect, Outcome, Trial } from '../trial/schema.js';
import { fragilityIndex, type FragilityOptions } from './fragility.js';
import type { BinaryEvidence, FragilityEntry, FragilityResult } from './types.js';

const ADJUSTED = /\badjusted\b|\baOR\b|\baHR\b|\baRR\b|multivariab|covariate|propensity|stratified (?:cox|model)/i;

/** Why the fragility index does not apply to this outcome's analysis, or null when it does. */
export function fragilityNotApplicable(outcome: Outcome): string | null {
  const e = outcome.effect?.reported === false ? undefined : outcome.effect;
  const words = [e?.label, e?.text, e?.ciText, outcome.notes].filter(Boolean).join(' ');
  if (e?.measure === 'sHR') {
    return 'Not applicable: analysed as competing-risks time to event (Fine–Gray subdistribution HR). The fragility index flips crude 2×2 counts, which ignore time and censoring and count competing events such as death as "no event".';
  }
  if (e?.measure === 'HR') {
    return 'Not applicable: analysed as time to event (hazard ratio). The fragility index flips crude 2×2 counts, which ignore follow-up time and censoring.';
  }
  if (ADJUSTED.test(words)) {
    return 'Not applicable: the reported effect comes from an adjusted model, not from the crude 2×2 counts the fragility index flips.';
  }
  if (e && e.measure !== 'RR' && e.measure !== 'OR' && e.measure !== 'RD') {
    return `Not applicable: analysed as ${e.measure === 'other' ? (e.label ?? 'another measure') : e.measure}, not as proportions.`;
  }
  return null;
}

/** The reported effect says "significant": P below alpha, or a CI that excludes no effect. */
export function reportedSignificant(effect: Effect | undefined, alpha: number): boolean {
  if (!effect || effect.reported === false) return false;
  const p = effect.p;
  if (p && (p.op === '<' || p.op === '≤' ? p.value <= alpha : p.op === '=' ? p.value < alpha : false)) return true;
  const ci = effect.ci;
  if (!ci || Math.abs(ci.level - (1 - alpha)) > 1e-9) return false;
  const none = effect.measure === 'RR' || effect.measure === 'OR' || effect.measure === 'HR' || effect.measure === 'sHR' ? 1 : 0;
  return ci.lower > none || ci.upper < none;
}

export function fragilityMeaning(result: FragilityResult, lostToFollowUp: number | null): string {
  if (result.kind === 'fragility') {
    const lost = lostToFollowUp === null ? '' : ` Compare it with the ${lostToFollowUp} patient${lostToFollowUp === 1 ? '' : 's'} lost to follow-up.`;
    const fragile = result.value !== null && result.value <= 3 ? 'Very fragile: ' : '';
    return `${fragile}the fragility index (Walsh et al. 2014) is the number of patients whose outcome would have to change for Fisher's P to reach ${result.alpha} or more.${lost}`;
  }
  return (
    'The reverse fragility index (Khan et al. 2020) counts the patients whose outcome would have to change for Fisher\u2019s P to fall below ' +
    `${result.alpha}. It restates how wide the confidence interval is; a large value does not make the neutral result robust, nor show the treatments are equivalent: read the CI for that.`
  );
}

export interface FragilityScopeInput {
  trial: Trial;
  /** Evidence-engine binary results per outcome index (null without counts). */
  binary: readonly (BinaryEvidence | null)[];
  primaryIndex: number;
  labels: { experimental: string; comparator: string };
  options: Pick<FragilityOptions, 'alpha' | 'cap'>;
}

/** The primary, and every significant binary secondary or safety outcome. */
export function fragilityEntries(input: FragilityScopeInput): FragilityEntry[] {
  const { trial, binary, primaryIndex, labels, options } = input;
  const alpha = options.alpha ?? 0.05;
  const lost = lostToFollowUp(trial);
  const out: FragilityEntry[] = [];
  trial.results.forEach((outcome, index) => {
    const b = binary[index];
    if (!b) return;
    const isPrimary = index === primaryIndex;
    const fisherSignificant = b.fisher.p < alpha;
    const significant = fisherSignificant || reportedSignificant(outcome.effect, alpha) || outcome.otherEffects.some((e) => reportedSignificant(e, alpha));
    if (!isPrimary && !(significant && (outcome.role === 'secondary' || outcome.role === 'safety'))) return;
    const base = { outcomeIndex: index, outcome: outcome.name, role: outcome.role };
    const reason = fragilityNotApplicable(outcome);
    if (reason) {
      out.push({ ...base, applies: false, reason, result: null, meaning: 'The fragility index (Walsh et al. 2014) is defined on Fisher\u2019s exact test of a 2×2 table of proportions.' });
      return;
    }
    if (!isPrimary && !fisherSignificant) {
      out.push({
        ...base,
        applies: true,
        reason: `Reported as significant, but Fisher's exact P = ${b.fisher.p.toFixed(3)} is not below ${alpha}: on the test the fragility index uses, it is 0.`,
        result: null,
        meaning: 'The fragility index (Walsh et al. 2014) is set to 0 when Fisher\u2019s exact test of the crude counts is not significant.',
      });
      return;
    }
    const counts = (r: BinaryEvidence['experimental']) => ({ events: r.events, total: r.total });
    const result = fragilityIndex(counts(b.experimental), counts(b.comparator), { labels, ...options });
    out.push({ ...base, applies: true, reason: null, result, meaning: fragilityMeaning(result, lost) });
  });
  return out;
}

/** Randomised minus analysed over the arms, when both are given for every arm. */
function lostToFollowUp(trial: Trial): number | null {
  let lost = 0;
  for (const a of trial.arms) {
    if (a.randomised === undefined || a.analysed === undefined) return null;
    lost += Math.max(0, a.randomised - a.analysed);
  }
  return lost;
}
