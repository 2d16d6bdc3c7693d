// Controversies & Subsequent Evidence → `context.trials`, where a bullet
// names another trial and gives its ratio with a CI ("EMPEROR-Reduced: HR
// 0.75; 95% CI 0.65 to 0.86"). What the summary format cannot say (which of
// this trial's outcomes it matches, design, size, population) is guessed or
// left out, with a warning; bullets that cite other evidence without a
// poolable number are only warned about, never invented into entries.
import type { TrialInput } from '../trial/schema.js';
import { isContextMeasure, type ContextMeasure } from '../trial/context-schema.js';
import { classify, textItems } from './bullets.js';
import type { BibEntry } from './citations.js';
import { parseNoteEffects } from './effect.js';
import { IMPORT_WARNINGS } from './messages.js';
import type { ImportReport } from './report.js';
import type { Section } from './sections.js';
import type { BulletInput } from './types.js';

type ContextTrialInput = NonNullable<NonNullable<TrialInput['context']>['trials']>[number];

/** Capitalised words that are not trial names. */
const NOT_TRIALS = new Set([
  'RCT', 'RCTS', 'ICU', 'ICUS', 'ECMO', 'ECLS', 'ECPR', 'CPR', 'LVAD', 'IABP', 'NYHA', 'LVEF', 'HFREF', 'HFPEF', 'HFMREF', 'ITT', 'NNT', 'NNH',
  'COVID', 'COVID-19', 'SARS', 'SGLT2', 'ACE', 'ARB', 'ARNI', 'MRA', 'ICD', 'CRT', 'BMI', 'EGFR', 'CKD', 'AKI', 'DKA', 'ECG', 'MRI', 'NEJM',
  'JAMA', 'BMJ', 'ESC', 'AHA', 'ACC', 'WHO', 'FDA', 'EMA', 'NICE', 'GRADE', 'AND', 'THE', 'NOT', 'ALL', 'MACE', 'PCI', 'CABG', 'STEMI',
]);

const OTHER_EVIDENCE = /meta-analys|systematic review|observational|cohort|registry|propensity|emulat|(?:another|second|third|earlier|previous|prior|subsequent|later|larger)\s+(?:\w+[\s-]+){0,2}(?:trial|RCT|study)/i;

export const CONTEXT_IMPORT_MESSAGES = {
  guessed: (name: string, effect: string, outcome: string): string =>
    `read as context trial "${name}" (${effect}); its outcome is assumed to be this trial's primary outcome "${outcome}": check it, and add design, n and population`,
  notRead: (what: string): string =>
    `cites other evidence (${what}) without a ratio and CI that can be pooled; add it to context.trials by hand if it reports one`,
  noYear: (name: string): string => `names ${name} with a ratio and CI, but no cited reference gives its year; add it to context.trials by hand`,
} as const;

/** Trial-like names in a sentence: EMPEROR-Reduced, WEANILEVO, DAPA-HF; not this trial, not common abbreviations. */
export function trialNames(text: string, acronym: string): string[] {
  const own = acronym.toUpperCase();
  const out: string[] = [];
  for (const m of text.matchAll(/\b[A-Z][A-Z0-9]{2,}(?:-[A-Za-z0-9]+)*\b/g)) {
    const name = m[0];
    const upper = name.toUpperCase();
    if (upper === own || NOT_TRIALS.has(upper) || name.replace(/[^A-Z]/g, '').length < 4) continue;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** The year a bibliography entry was published: "… 2020;383(15) …", else its last plausible year. */
export function bibliographyYear(text: string): number | undefined {
  const m = /\b((?:19|20)\d{2})\s*[;:]/.exec(text) ?? [...text.matchAll(/\b((?:19|20)\d{2})\b/g)].pop();
  return m ? Number(m[1]) : undefined;
}

export interface ControversyContext {
  acronym: string;
  primaryOutcome: string | undefined;
  bibliography: readonly BibEntry[];
}

export function contextTrialsFromControversies(
  section: Section | undefined,
  bullets: readonly BulletInput[],
  ctx: ControversyContext,
  report: ImportReport,
): ContextTrialInput[] {
  if (!section) return [];
  const lines = textItems(classify(section.lines)).map((t) => t.line);
  const out: ContextTrialInput[] = [];
  bullets.forEach((b, i) => {
    const text = typeof b === 'string' ? b : b.text;
    const refs = typeof b === 'string' ? [] : b.refs;
    const where = { line: lines[i], path: `controversies[${i}]` };
    const names = trialNames(text, ctx.acronym);
    const ratios = parseNoteEffects(text).filter((e) => isContextMeasure(e.measure) && e.estimate !== undefined && e.ci);
    const ratio = ratios[0];
    const name = names[0];
    const outcome = ctx.primaryOutcome;
    if (name && names.length === 1 && ratio?.ci && outcome) {
      const year = refs.map((r) => ctx.bibliography.find((e) => e.n === r)).map((e) => (e ? bibliographyYear(e.text) : undefined)).find((y) => y !== undefined);
      if (year === undefined) {
        report.warn(IMPORT_WARNINGS.CONTEXT_NOT_READ, CONTEXT_IMPORT_MESSAGES.noYear(name), where);
        return;
      }
      out.push({
        name, year, outcome, measure: ratio.measure as ContextMeasure, estimate: ratio.estimate,
        ci: { lower: ratio.ci.lower, upper: ratio.ci.upper, ...(ratio.ci.level !== undefined ? { level: ratio.ci.level } : {}) },
        ...(refs[0] !== undefined ? { ref: refs[0] } : {}),
      });
      report.warn(IMPORT_WARNINGS.CONTEXT_GUESSED, CONTEXT_IMPORT_MESSAGES.guessed(name, ratio.text ?? String(ratio.measure), outcome), where);
      return;
    }
    if (names.length > 0 || OTHER_EVIDENCE.test(text)) {
      const what = [...names, ...(refs.length > 0 ? [`ref${refs.length === 1 ? '' : 's'} ${refs.join(', ')}`] : [])].join('; ') || 'no reference';
      report.warn(IMPORT_WARNINGS.CONTEXT_NOT_READ, CONTEXT_IMPORT_MESSAGES.notRead(what), where);
    }
  });
  return out;
}
