// The Publication section: "- Key: value" bullets. Title, acronym, year,
// journal and citation are required by the trial model, so a missing one is a
// problem with a line number; DOI and URL are optional.
import { classify, normaliseLabel, splitLabel, textItems } from './bullets.js';
import { IMPORT_WARNINGS, MESSAGES } from './messages.js';
import type { ImportReport } from './report.js';
import type { Section } from './sections.js';

export interface PublicationInput {
  title: string;
  acronym: string;
  year: number;
  journal: string;
  citation: string;
  doi?: string;
  url?: string;
}

type Field = keyof PublicationInput;

const FIELDS: readonly { field: Field; re: RegExp; label: string }[] = [
  { field: 'title', re: /^(?:trial )?title$/, label: 'Title' },
  { field: 'acronym', re: /^(?:trial )?(?:acronym|short name|name)$/, label: 'Acronym' },
  { field: 'year', re: /^(?:publication )?year(?: published)?$/, label: 'Year' },
  { field: 'journal', re: /^journal(?: published in)?$|^published in$/, label: 'Journal published in' },
  { field: 'citation', re: /^(?:full )?citation$|^reference$/, label: 'Citation' },
  { field: 'doi', re: /^doi$/, label: 'DOI' },
  { field: 'url', re: /^(?:url|link|web(?:site)?)$/, label: 'URL' },
];
const REQUIRED: readonly Field[] = ['title', 'acronym', 'year', 'journal', 'citation'];

/** "doi:10.1001/jama.2025.1234." inside a citation, without the sentence's full stop. */
const DOI_IN_TEXT = /\b(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)(10\.\d{4,9}\/\S+?)(?=[.,;]?(?:\s|$))/i;

export function parsePublication(section: Section | undefined, report: ImportReport): PublicationInput | undefined {
  if (!section) {
    report.error(MESSAGES.noPublication(), { line: 1 });
    return undefined;
  }
  const found: Partial<Record<Field, string>> = {};
  let yearLine = section.line;
  for (const { text, line } of textItems(classify(section.lines))) {
    const kv = splitLabel(text);
    const spec = kv && FIELDS.find((f) => f.re.test(normaliseLabel(kv.label)));
    if (!kv || !spec) {
      report.warn(IMPORT_WARNINGS.UNKNOWN_FIELD, MESSAGES.unknownField(kv?.label ?? text, 'Publication'), { line });
      continue;
    }
    if (kv.rest === '') continue;
    found[spec.field] = kv.rest;
    if (spec.field === 'year') yearLine = line;
    if (spec.field === 'url' && !/^https?:\/\/\S+$/i.test(kv.rest)) {
      report.warn(IMPORT_WARNINGS.URL_INVALID, MESSAGES.urlInvalid(kv.rest), { line, path: 'publication.url' });
      delete found.url;
    }
  }

  let ok = true;
  for (const field of REQUIRED) {
    if (found[field] === undefined) {
      const label = FIELDS.find((f) => f.field === field)?.label ?? field;
      report.error(MESSAGES.publicationField(label), { line: section.line, path: `publication.${field}` });
      ok = false;
    }
  }
  const year = /\b(1[89]\d\d|20\d\d|2100)\b/.exec(found.year ?? '');
  if (found.year !== undefined && !year) {
    report.error(MESSAGES.badYear(found.year), { line: yearLine, path: 'publication.year' });
    ok = false;
  }
  if (!ok || !year) return undefined;

  const doi = found.doi?.replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, '') ?? DOI_IN_TEXT.exec(found.citation ?? '')?.[1];
  return {
    title: found.title ?? '',
    acronym: found.acronym ?? '',
    year: Number(year[1]),
    journal: found.journal ?? '',
    citation: found.citation ?? '',
    ...(doi ? { doi } : {}),
    ...(found.url ? { url: found.url } : {}),
  };
}
