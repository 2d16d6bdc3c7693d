// Split the summary into its sections by the known headings. Order does not
// matter, sections may be missing or empty, and a heading may carry Markdown
// decoration ("## Key Results", "**Summary**") or a trailing colon.
import { normaliseLabel } from './bullets.js';
import { IMPORT_WARNINGS, MESSAGES } from './messages.js';
import type { ImportReport } from './report.js';
import type { SourceLine } from './types.js';

export const SECTION_KEYS = [
  'publication',
  'context',
  'design',
  'results',
  'internalValidity',
  'externalValidity',
  'strengthsLimitations',
  'interpretation',
  'controversies',
  'summary',
  'takeaway',
  'overallSummary',
  'bibliography',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** Accepted spellings of each heading, compared after {@link normaliseLabel}. */
const HEADINGS: Record<SectionKey, readonly string[]> = {
  publication: ['publication', 'publication details'],
  context: ['context and rationale', 'context', 'rationale', 'background and rationale'],
  design: ['design and methods', 'methods', 'design', 'study design'],
  results: ['key results', 'results'],
  internalValidity: ['internal validity'],
  externalValidity: ['external validity'],
  strengthsLimitations: ['strengths and limitations'],
  interpretation: ['interpretation and why it matters', 'interpretation'],
  controversies: ['controversies and subsequent evidence', 'controversies', 'subsequent evidence'],
  summary: ['summary'],
  takeaway: ['overall takeaway', 'takeaway'],
  overallSummary: ['overall summary'],
  bibliography: ['bibliography', 'references'],
};

const BY_HEADING = new Map<string, SectionKey>(
  SECTION_KEYS.flatMap((key) => HEADINGS[key].map((h) => [h, key] as const)),
);

export interface Section {
  key: SectionKey;
  /** The heading as written. */
  heading: string;
  /** Line number of the heading. */
  line: number;
  lines: SourceLine[];
}

export type Sections = Partial<Record<SectionKey, Section>>;

/** The section a line opens, if it is a heading. Bullets and table rows never are. */
export function headingKey(text: string): SectionKey | undefined {
  const t = text.trim().replace(/^\*\*(.*)\*\*(:?)$/, '$1$2');
  if (t === '' || /^[-*•|]/.test(t)) return undefined;
  return BY_HEADING.get(normaliseLabel(t.replace(/^#+\s*/, '').replace(/:\s*$/, '')));
}

export function toLines(text: string): SourceLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ text: t, line: i + 1 }));
}

export function splitSections(lines: readonly SourceLine[], report: ImportReport): Sections {
  const sections: Sections = {};
  let current: Section | undefined;
  for (const src of lines) {
    const key = headingKey(src.text);
    if (key) {
      const seen = sections[key];
      if (seen) {
        report.warn(IMPORT_WARNINGS.DUPLICATE_SECTION, MESSAGES.duplicateSection(src.text.trim(), seen.line), { line: src.line });
        current = seen;
      } else {
        current = { key, heading: src.text.trim(), line: src.line, lines: [] };
        sections[key] = current;
      }
    } else if (current) {
      current.lines.push(src);
    } else if (src.text.trim() !== '') {
      report.warn(IMPORT_WARNINGS.IGNORED_TEXT, MESSAGES.ignoredText(), { line: src.line });
    }
  }
  return sections;
}
