// The trial's own prose as sentences with their field paths, for the
// words-vs-numbers check. Sentences are substrings of the field text, never
// rewritten: a flag must quote the authors exactly.
import type { Bullet, Trial } from '../trial/schema.js';

export interface ProseField {
  /** JSON path of the text, e.g. `resultsSummary[2]`, `interpretation[0].bullets[1]`. */
  path: string;
  text: string;
}

export interface ProseSentence {
  path: string;
  sentence: string;
}

/** The fields that speak about results: summaries, interpretation, validity, strengths, limitations. */
export function proseFields(trial: Trial): ProseField[] {
  const out: ProseField[] = [];
  const list = (name: string, items: readonly Bullet[]): void => items.forEach((b, i) => out.push({ path: `${name}[${i}]`, text: b.text }));
  list('resultsSummary', trial.resultsSummary);
  list('summary', trial.summary);
  list('overallSummary', trial.overallSummary);
  if (trial.takeaway) out.push({ path: 'takeaway', text: trial.takeaway });
  trial.interpretation.forEach((sec, i) => list(`interpretation[${i}].bullets`, sec.bullets));
  for (const v of ['internalValidity', 'externalValidity'] as const) {
    trial[v].items.forEach((item, i) => out.push({ path: `${v}.items[${i}].text`, text: item.text }));
    const c = trial[v].conclusion;
    if (c) out.push({ path: `${v}.conclusion`, text: c });
  }
  list('strengths', trial.strengths);
  list('limitations', trial.limitations);
  return out;
}

/** Sticky regexes test at a position without copying the rest of the text (linear on long input). */
const NEXT_SENTENCE = /\s+[A-Z(“"‘]/y;
const CLAUSE_BREAK = /(?:[;:,]\s+(?:(?:and|but|while|whereas)\s+)?|\s+(?:and|but|while|whereas)\s+)/y;

function startsSentence(t: string, at: number): boolean {
  NEXT_SENTENCE.lastIndex = at;
  return NEXT_SENTENCE.test(t);
}

/**
 * Sentence ends: ". " followed by a capital or an opening bracket/quote,
 * outside brackets, and not after an abbreviation such as "vs." or "e.g.".
 */
export function sentences(field: ProseField): ProseSentence[] {
  const t = field.text;
  const out: ProseSentence[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if ((ch === '.' || ch === '!' || ch === '?') && depth === 0 && /\s/.test(t[i + 1] ?? '') && startsSentence(t, i + 1)) {
      // Only the last word matters; a bounded look-back keeps long hostile texts linear.
      const word = t.slice(Math.max(start, i - 16), i + 1).split(/\s+/).pop() ?? '';
      if (/^(?:vs|e\.g|i\.e|eg|ie|al|approx|cf|Dr|No|Fig)\.$/i.test(word)) continue;
      out.push({ path: field.path, sentence: t.slice(start, i + 1).trim() });
      start = i + 1;
    }
  }
  const last = t.slice(start).trim();
  if (last) out.push({ path: field.path, sentence: last });
  return out;
}

/** Clauses split at ; : , and/but/while outside brackets, so each claim meets the outcome next to it. */
export function clauses(sentence: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (depth > 0) continue;
    if (ch !== ';' && ch !== ':' && ch !== ',' && ch !== ' ') continue;
    CLAUSE_BREAK.lastIndex = i;
    const sep = CLAUSE_BREAK.exec(sentence);
    if (sep) {
      out.push(sentence.slice(start, i));
      i += sep[0].length - 1;
      start = i + 1;
    }
  }
  out.push(sentence.slice(start));
  return out.map((c) => c.trim()).filter(Boolean);
}
