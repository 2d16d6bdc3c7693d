// The words the context slides and the context chart share: the caveat and
// the one-line "left out" summary. In one place, so the chart (which prints
// them under the plot) and the slide text never say it two ways.
import type { ContextEvidence, ContextExclusion } from './context-types.js';

/** Under the plot and on both slides. */
export const CONTEXT_CAVEAT =
  'Caveat: different populations and outcome definitions; a pooled estimate on a journal-club slide is not a systematic review.';

/** In both slides' speaker notes: the same caveat, said fully. */
export const CONTEXT_CAVEAT_NOTE =
  'These studies differ in populations, treatments and outcome definitions. A pooled estimate on a journal-club slide is not a ' +
  'systematic review: the studies were chosen by the presenter, not found by a search, and their risk of bias was not assessed.';

/** A few words per study; the full reason goes to the notes. */
function shortReason(e: ContextExclusion): string {
  switch (e.reason) {
    case 'presenter':
      return "presenter's choice";
    case 'other-measure':
      return e.text.split(';')[0] ?? 'another measure';
    case 'no-outcome':
      return 'outcome not reported here';
    case 'no-numbers':
      return 'no numbers';
    default:
      return 'no events';
  }
}

/** "Left out: Massol et al. 2023 (reports an HR); WEANILEVO (presenter's choice)", or null when nobody was. */
export function leftOutLine(excluded: readonly ContextExclusion[]): string | null {
  if (excluded.length === 0) return null;
  return `Left out: ${excluded.map((e) => `${e.name}${e.year !== null ? ` ${e.year}` : ''} (${shortReason(e)})`).join('; ')}`;
}

/** "REML", "DerSimonian–Laird, Hartung–Knapp CI", "REML, Hartung–Knapp CI (floored)". */
export function methodLabel(ctx: Pick<ContextEvidence, 'method' | 'ciMethod'>): string {
  const tau = ctx.method === 'REML' ? 'REML' : 'DerSimonian\u2013Laird';
  const ci = ctx.ciMethod === 'z' ? '' : `, Hartung\u2013Knapp CI${ctx.ciMethod === 'hksj-floor' ? ' (floored)' : ''}`;
  return `${tau}${ci}`;
}
