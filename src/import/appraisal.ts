// The critical-appraisal sections: validity ("Aspect: text" items plus a
// "Conclusion on …:" line), strengths and limitations ("Strengths: a; b; c"),
// interpretation (sub-headed groups) and the plain bullet lists.
import { classify, groupBySubheadings, normaliseLabel, splitLabel, splitTopLevel, stripFullStop, textItems } from './bullets.js';
import type { Citations } from './citations.js';
import { IMPORT_WARNINGS, MESSAGES } from './messages.js';
import type { ImportReport } from './report.js';
import type { Section } from './sections.js';
import type { BulletInput } from './types.js';

export interface ValidityInput {
  items: { aspect: string; text: string; refs?: number[] }[];
  conclusion?: string;
}

/** Internal or External Validity. `key` is the trial field, used in warning paths. */
export function parseValidity(section: Section | undefined, key: 'internalValidity' | 'externalValidity', cite: Citations, report: ImportReport): ValidityInput {
  const out: ValidityInput = { items: [] };
  if (!section) return out;
  for (const { text, line } of textItems(classify(section.lines))) {
    const kv = splitLabel(text);
    if (kv && /^conclusion\b/i.test(kv.label)) {
      out.conclusion = cite.plain(kv.rest, { line, path: `${key}.conclusion` });
      continue;
    }
    const path = `${key}.items[${out.items.length}]`;
    if (!kv || kv.rest === '') {
      report.warn(IMPORT_WARNINGS.UNKNOWN_FIELD, MESSAGES.noAspect(text.slice(0, 40)), { line, path: `${path}.aspect` });
    }
    const aspect = kv && kv.rest !== '' ? kv.label : 'General';
    const { text: clean, refs } = cite.extract(kv && kv.rest !== '' ? kv.rest : text, { line, path });
    out.items.push({ aspect, text: clean, ...(refs.length > 0 ? { refs } : {}) });
  }
  return out;
}

export function parseStrengthsLimitations(section: Section | undefined, cite: Citations, report: ImportReport): { strengths: BulletInput[]; limitations: BulletInput[] } {
  const out = { strengths: [] as BulletInput[], limitations: [] as BulletInput[] };
  if (!section) return out;
  let mode: 'strengths' | 'limitations' | undefined;
  for (const { text, line } of textItems(classify(section.lines))) {
    const kv = splitLabel(text);
    const label = normaliseLabel(kv?.label ?? text);
    const heading = /^strengths?$/.test(label) ? 'strengths' : /^(?:limitations?|weaknesses?)$/.test(label) ? 'limitations' : undefined;
    if (heading) mode = heading;
    const body = heading ? (kv?.rest ?? '') : text;
    if (body === '') continue;
    if (!mode) {
      report.warn(IMPORT_WARNINGS.UNKNOWN_FIELD, MESSAGES.unknownSubheading(text.slice(0, 40), 'strengths'), { line });
      mode = 'strengths';
    }
    // "Strengths: a; b; c." is one sentence listing several items: one bullet each.
    const parts = heading ? splitTopLevel(body) : [body];
    for (const part of parts) {
      const list = out[mode];
      const { text: clean, refs } = cite.extract(part, { line, path: `${mode}[${list.length}]` });
      const item = parts.length > 1 ? stripFullStop(clean) : clean;
      list.push(refs.length > 0 ? { text: item, refs } : item);
    }
  }
  return out;
}

export function parseInterpretation(section: Section | undefined, cite: Citations): { heading: string; bullets: BulletInput[] }[] {
  if (!section) return [];
  return groupBySubheadings(classify(section.lines))
    .map((g, i) => ({
      heading: g.heading ?? 'Interpretation',
      bullets: g.bullets.map((b, j) => cite.bullet(b.text, { line: b.line, path: `interpretation[${i}].bullets[${j}]` })),
    }))
    .filter((g) => g.bullets.length > 0 || g.heading !== 'Interpretation');
}

/** A section that is just a list: bullets and plain lines alike become bullets. */
export function parseBulletList(section: Section | undefined, key: string, cite: Citations): BulletInput[] {
  if (!section) return [];
  return textItems(classify(section.lines)).map(({ text, line }, i) => cite.bullet(text, { line, path: `${key}[${i}]` }));
}

/** A section that is prose: lines are paragraphs, joined by blank lines. */
export function parseParagraphs(section: Section | undefined, key: string, cite: Citations): string | undefined {
  if (!section) return undefined;
  const paragraphs = textItems(classify(section.lines)).map(({ text, line }) => cite.plain(text, { line, path: key }));
  return paragraphs.length > 0 ? paragraphs.join('\n\n') : undefined;
}
