// Effect measures named in words: "sHR", "subdistribution hazard ratio",
// "Risk difference", "Median difference"… Abbreviations are matched
// case-sensitively (the word "or" is not an odds ratio), phrases are not.
import type { EffectMeasure } from '../trial/schema.js';
import { NUM, UNIT, normaliseUnit, toNumber } from './numbers.js';

interface Rule {
  measure: EffectMeasure;
  re: RegExp;
}

// More specific phrases first, so "restricted mean difference" is not read as a mean difference.
const RULES: readonly Rule[] = [
  { measure: 'sHR', re: /\bsub-?distribution(?:al)? hazards? ratio\b/gi },
  { measure: 'sHR', re: /\bs(?:d)?HR\b/g },
  { measure: 'HR', re: /\b(?:cause-specific |adjusted )?hazards? ratio\b/gi },
  // A rate ratio compares events per unit of time (RECOVERY's came from Cox
  // regression): a ratio of hazards, not of risks, so it must not be audited
  // against a risk ratio recomputed from the counts. The wording is kept as label.
  { measure: 'HR', re: /\b(?:(?:age-)?adjusted )?(?:incidence )?rate ratio\b/gi },
  { measure: 'HR', re: /\b(?:a|cs)?HR\b/g },
  { measure: 'OR', re: /\b(?:adjusted |common |proportional |adjusted common )?odds ratio\b/gi },
  { measure: 'OR', re: /\b(?:a|c|ac)?OR\b/g },
  { measure: 'RR', re: /\b(?:(?:age-)?adjusted )?(?:risk ratio|relative risk)\b/gi },
  { measure: 'RR', re: /\ba?RR\b/g },
  { measure: 'RMD', re: /\brestricted mean (?:survival )?(?:time )?difference\b/gi },
  { measure: 'RMD', re: /\bRMST difference\b|\bRMD\b/g },
  { measure: 'MedD', re: /\bmedian difference\b|\bdifference in medians\b/gi },
  { measure: 'MD', re: /\b(?:adjusted )?mean difference\b|\bdifference in means\b|\b(?:estimated )?treatment difference\b/gi },
  { measure: 'MD', re: /\b(?:MD|ETD)\b/g },
  { measure: 'RD', re: /\b(?:absolute )?risk difference\b|\babsolute difference\b/gi },
  { measure: 'RD', re: /\b(?:RD|ARD)\b/g },
];

/** Canonical spellings that need no `label`: anything else is the paper's own wording and is kept. */
const CANONICAL: Record<EffectMeasure, readonly string[]> = {
  sHR: ['shr', 'subdistribution hazard ratio'],
  HR: ['hr', 'hazard ratio'],
  OR: ['or', 'odds ratio'],
  RR: ['rr', 'risk ratio', 'relative risk'],
  RMD: ['rmd', 'restricted mean difference'],
  MedD: ['median difference'],
  MD: ['md', 'mean difference'],
  RD: ['rd', 'risk difference'],
  other: [],
};

export interface MeasureHit {
  measure: EffectMeasure;
  index: number;
  end: number;
  phrase: string;
}

/** All measure names in `text`, left to right, overlapping hits removed. */
export function findMeasures(text: string): MeasureHit[] {
  const hits: MeasureHit[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.re)) {
      hits.push({ measure: rule.measure, index: m.index, end: m.index + m[0].length, phrase: m[0] });
    }
  }
  hits.sort((a, b) => a.index - b.index || b.end - a.end);
  const out: MeasureHit[] = [];
  for (const h of hits) if (!out.some((o) => h.index < o.end && h.end > o.index)) out.push(h);
  return out;
}

/** The paper's wording when it is not the plain name of the measure. */
export function labelFor(measure: EffectMeasure, wording: string): string | undefined {
  const w = wording.trim();
  return w !== '' && !CANONICAL[measure].includes(w.toLowerCase()) ? w : undefined;
}

/** The estimate printed right after a measure name: "HR 0.74", "sHR of 1.75", "Risk difference: −4.8%". */
const AFTER = new RegExp(String.raw`^\s*(?:[:=,]\s*|\s(?:of|was|is)\s+)?\(?\s*(${NUM})(?:\s*(${UNIT}))?`);

export interface EstimateRead {
  estimate: number;
  unit?: string;
  /** Characters consumed after the measure name. */
  length: number;
}

export function readEstimate(after: string): EstimateRead | undefined {
  const m = AFTER.exec(after);
  if (!m) return undefined;
  const unit = normaliseUnit(m[2]);
  return { estimate: toNumber(m[1] ?? ''), ...(unit === undefined ? {} : { unit }), length: m[0].length };
}
