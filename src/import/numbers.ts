// Number reading shared by quantities, effects and the design text. Papers
// print minus as U+2212, decimals as middle dots (Lancet style) and thousands
// with commas; everything funnels through here so the cell parsers stay small.

/** A signed decimal as printed: `−14.9`, `1,047`, `0·92`, `.04`. Use inside a capture group. */
export const NUM = String.raw`[-−+]?(?:\d{1,3}(?:,\d{3})+(?:[.·]\d+)?|\d+(?:[.·]\d+)?|[.·]\d+)`;
/** An unsigned whole number, thousands commas allowed. */
export const INT = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
/** What joins the two ends of a range: `4–7`, `0.74 to 1.39`, `0.74, 1.39`, `−2 - 1`. */
export const RANGE_SEP = String.raw`\s*(?:to|–|—|-|,)\s*`;

/** Units that may follow a number in a cell or an effect: `kg`, `days`, `mg/dL`, `mm Hg`, `%`. */
export const UNIT_WORDS = [
  'percentage points', 'percentage point', 'pp', 'points', 'point', '%',
  'days', 'day', 'hours', 'hour', 'h', 'weeks', 'week', 'months', 'month', 'years', 'year', 'min', 'minutes',
  'kg', 'g', 'mg', 'µg', 'μg', 'cm', 'mm', 'm', 'mmHg', 'mm Hg', 'mL', 'ml', 'L', 'bpm', 'steps', 'units',
] as const;
const UNIT_ALTERNATIVES = [...UNIT_WORDS]
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/ /g, String.raw`\s`));
/** A unit: a listed word, or a compound with a slash such as `mg/dL`, `mL/min/1.73 m²`. */
export const UNIT = String.raw`(?:[a-zA-Zµμ°]+(?:/[a-zA-Z0-9.²³µμ]+)+(?:\s?m²)?|(?:${UNIT_ALTERNATIVES.join('|')})(?![a-zA-Z]))`;

/** Parse one number matched by {@link NUM}. */
export function toNumber(printed: string): number {
  return Number(printed.replace(/−/g, '-').replace(/,/g, '').replace(/·/g, '.'));
}

/** Whole number with optional thousands commas: `4,744` → 4744. */
export function toInt(printed: string): number {
  return Number.parseInt(printed.replace(/,/g, ''), 10);
}

/**
 * Tidy a table cell before matching: collapse whitespace and read a leading
 * en/em dash as a minus (`–14.9%`), which word processors often substitute.
 * Dashes between numbers stay, because they are ranges (`4–7`).
 */
export function normaliseCell(cell: string): string {
  return cell
    .replace(/[\u00a0\u2009\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(^|\()\s*[–—](?=\d)/g, '$1−');
}

/** Unit as the importer stores it: "percentage points" is written `%`. */
export function normaliseUnit(unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  const u = unit.replace(/\s+/g, ' ').trim();
  if (u === '') return undefined;
  return /^(?:percentage points?|pp)$/i.test(u) ? '%' : u;
}

export function hasDigit(s: string): boolean {
  return /\d/.test(s);
}
