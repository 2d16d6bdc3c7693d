// Every user-facing text the importer produces, in one place, so wording
// stays consistent and tests can match on it.
import { formatProblem, type Problem } from '../errors.js';

export const IMPORT_WARNINGS = {
  IGNORED_TEXT: 'SUMMARY_IGNORED_TEXT',
  DUPLICATE_SECTION: 'SUMMARY_DUPLICATE_SECTION',
  UNKNOWN_FIELD: 'SUMMARY_UNKNOWN_FIELD',
  NUMBER_UNREADABLE: 'SUMMARY_NUMBER_UNREADABLE',
  EMPTY_CELL: 'SUMMARY_EMPTY_CELL',
  EFFECT_UNREADABLE: 'SUMMARY_EFFECT_UNREADABLE',
  EFFECT_INCONSISTENT: 'SUMMARY_EFFECT_INCONSISTENT',
  BENEFIT_UNKNOWN: 'SUMMARY_BENEFIT_UNKNOWN',
  PRIMARY_ASSUMED: 'SUMMARY_PRIMARY_ASSUMED',
  CITATION_AMBIGUOUS: 'SUMMARY_CITATION_AMBIGUOUS',
  CITATION_UNMATCHED: 'SUMMARY_CITATION_UNMATCHED',
  CITATION_DROPPED: 'SUMMARY_CITATION_DROPPED',
  BIBLIOGRAPHY_NUMBER: 'SUMMARY_BIBLIOGRAPHY_NUMBER',
  URL_INVALID: 'SUMMARY_URL_INVALID',
  CONTROL_UNKNOWN: 'SUMMARY_CONTROL_UNKNOWN',
  COMPARISON_UNKNOWN: 'SUMMARY_COMPARISON_UNKNOWN',
  DESIGN_INCOMPLETE: 'SUMMARY_DESIGN_INCOMPLETE',
} as const;
export type ImportWarningCode = (typeof IMPORT_WARNINGS)[keyof typeof IMPORT_WARNINGS];

const PUBLICATION_EXAMPLE =
  '"Publication" followed by "- Title: …", "- Acronym: …", "- Year: …", "- Journal published in: …" and "- Citation: …"';
const list = (xs: readonly (string | number)[]): string => xs.join(', ');

export const MESSAGES = {
  summaryInvalid: (file: string | undefined, problems: readonly Problem[]): string => {
    const first = problems[0];
    const head = `cannot import the trial summary${file ? ` ${file}` : ''}`;
    if (!first) return head;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    return `${head}: ${formatProblem({ ...first, file: undefined })}${more}`;
  },
  noPublication: (): string => `expected a ${PUBLICATION_EXAMPLE}; no "Publication" section was found`,
  publicationField: (label: string): string => `expected "- ${label}: …" in the Publication section`,
  badYear: (value: string): string => `expected a four-digit year after "Year:", found "${value}"`,
  noResults: (): string =>
    'expected a "Key Results" section with a results table ("| Outcome | <arm> | <arm> | Effect | p value / 95% CI | Notes |")',
  noTable: (): string =>
    'expected a results table starting with a header row such as "| Outcome | <arm> | <arm> | Effect | p value / 95% CI | Notes |"',
  tableHeader: (found: string): string =>
    `expected the results table header to start with "Outcome" and name at least two arm columns before "Effect", found "${found}"`,
  cellCount: (actual: number, header: readonly string[]): string =>
    `results row has ${actual} cell${actual === 1 ? '' : 's'}, expected ${header.length} (${header.join(' | ')}); escape a literal pipe inside a cell as \\|`,
  emptyOutcome: (): string => 'results row has an empty Outcome cell',
  noRows: (): string => 'the results table has a header but no outcome rows',
  ignoredText: (heading?: string): string =>
    heading ? `text under "${heading}" was not recognised and is not imported` : 'text before the first section heading is not imported',
  duplicateSection: (heading: string, firstLine: number): string =>
    `section "${heading}" appears again (first at line ${firstLine}); its lines are added to the first one`,
  unknownSubheading: (heading: string, into: string): string =>
    `sub-heading "${heading}" is not one the importer knows; its bullets are added to ${into}`,
  noAspect: (text: string): string =>
    `expected "Aspect: text" but found "${text}…"; filed under aspect "General"`,
  unknownField: (label: string, section: string): string =>
    `"${label}:" is not a field the importer knows in ${section}; it is not imported`,
  numberUnreadable: (cell: string, reason?: string): string =>
    `could not read a number from "${cell}"${reason ? ` (${reason})` : ''}; the cell is kept as text`,
  emptyCell: (arm: string): string => `the "${arm}" cell is empty; that arm has no value for this outcome`,
  effectUnreadable: (cell: string, what: string): string => `could not read ${what} from "${cell}"; kept as text`,
  ciReversed: (lower: number, upper: number): string =>
    `the confidence interval's lower bound ${lower} is above its upper bound ${upper}`,
  estimateOutsideCi: (estimate: number, lower: number, upper: number): string =>
    `the estimate ${estimate} lies outside its confidence interval ${lower} to ${upper}`,
  benefitUnknown: (name: string, index: number): string =>
    `cannot tell whether higher or lower is better for "${name}"; set results[${index}].benefit to "higher" or "lower"`,
  primaryAssumed: (name: string): string =>
    `no outcome name says "primary"; assuming the first row ("${name}") is the primary outcome; set results[0].role to confirm`,
  citationAmbiguous: (digits: string, options: readonly (readonly number[])[], chosen: readonly number[]): string =>
    `citation digits "${digits}" can be read as ${options.map((o) => `[${list(o)}]`).join(' or ')}; used [${list(chosen)}]; check against the bibliography`,
  citationUnmatched: (digits: string, size: number): string =>
    `digits "${digits}" glued to the text look like a citation but do not fit the ${size}-entry bibliography; left as written`,
  citationDropped: (refs: readonly number[]): string =>
    `this field holds plain text, so the citation marker [${list(refs)}] was removed; move it into a bullet if it matters`,
  bibliographyNumber: (text: string, n: number, expected: number): string =>
    `bibliography entry "${text.slice(0, 40)}…" is numbered ${n}, but ${expected} was expected next; kept ${n}`,
  urlInvalid: (value: string): string => `"${value}" is not an http(s) URL; it is not imported`,
  controlUnknown: (labels: readonly string[]): string =>
    `${labels.length} arms (${labels.join(', ')}) and none is named placebo, control or usual care; set design.controlArm so each arm is compared with it`,
  comparisonUnknown: (cell: string, path: string): string =>
    `cannot tell which arms "${cell}" compares; write "<arm> vs <arm>" in the Effect cell or set ${path}.comparison`,
  factorsUnknown: (): string =>
    'factorial design: the factors are not in the text; set design.factorial.factors ([{ name, levels }]) and each effect\'s comparison.factor',
  marginUnknown: (hypothesis: string): string =>
    `${hypothesis} design but no margin was found (e.g. "non-inferiority margin of 1.46" or "upper bound of the 95% CI below 1.46"); set the primary outcome's margin`,
} as const;
