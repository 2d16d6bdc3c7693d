// referencesModule → bibliography (PMIDs kept) and the trial's main paper.
// The main results paper is often typed DERIVED (linked by PubMed), not
// RESULT, and RESULT papers can be later extensions; so candidates are scored.
import type { Reference, Study } from './record.js';
import { unescapeText } from './values.js';

export interface MainPaper {
  ref: Reference;
  year?: number;
  /** Other candidates, for the warning that asks a human to confirm. */
  others: Reference[];
}

const yearOf = (citation: string): number | undefined => {
  const m = /\b(19|20)\d{2}\b/.exec(citation);
  return m ? Number(m[0]) : undefined;
};

function score(r: Reference): number {
  const c = r.citation ?? '';
  let s = r.type === 'RESULT' ? 2 : r.type === 'DERIVED' ? 1 : -5;
  if (/\brandomi[sz]ed\b|placebo-controlled|\btrial\b/i.test(c)) s += 2;
  if (/post[- ]hoc|secondary analysis|sub-?group|predictors|long-term|extension|stratified by|cost|\bprotocol\b|design and rationale/i.test(c)) s -= 3;
  if (/final report|primary results|N Engl J Med|Lancet|JAMA/i.test(c)) s += 1;
  return s;
}

export function mainPaper(study: Study): MainPaper | undefined {
  const refs = (study.protocolSection?.referencesModule?.references ?? []).filter((r) => r.citation && (r.type === 'RESULT' || r.type === 'DERIVED'));
  if (refs.length === 0) return undefined;
  const ranked = [...refs].sort((a, b) => score(b) - score(a) || (yearOf(a.citation ?? '') ?? 9999) - (yearOf(b.citation ?? '') ?? 9999));
  const [best, ...others] = ranked;
  if (!best) return undefined;
  const year = yearOf(best.citation ?? '');
  return { ref: best, ...(year ? { year } : {}), others };
}

export function bibliography(study: Study): { n: number; text: string }[] {
  return (study.protocolSection?.referencesModule?.references ?? [])
    .filter((r) => r.citation)
    .slice(0, 500)
    .map((r, i) => {
      const text = unescapeText(r.citation);
      const pmid = r.pmid && !text.includes(r.pmid) ? ` PMID: ${r.pmid}.` : '';
      return { n: i + 1, text: `${text}${pmid}` };
    });
}
