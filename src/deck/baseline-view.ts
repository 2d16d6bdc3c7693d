// What the "Baseline characteristics" slide shows: a few rows that tell the
// audience who was enrolled (size, age, sex, markers of severity) on the
// story slide, and the registry's whole table in the backup section.
// Pure: plain strings, never shortened; the coordinator makes the slides.
import type { Baseline, Trial } from '../trial/schema.js';

export interface BaselineView {
  /** Header row: "Characteristic", one column per arm, "Total" when posted. */
  columns: string[];
  /** Rows for the story slide (at most KEY_ROWS), cells aligned with `columns`. */
  keyRows: { cells: string[] }[];
  /** Every row, for the backup slides. */
  allRows: { cells: string[] }[];
  note?: string;
}

export const KEY_ROWS = 8;

type Row = Baseline['rows'][number];

/** Rows worth a place on the main slide; demographics detail (race, region) stays in backup. */
const KEY = [
  /^participants \(n\)$/i,
  /\bage\b/i,
  /\b(sex|gender|female|male)\b/i,
  /\b(bmi|body mass|weight)\b/i,
  /\b(score|severity|stage|grade|class|index|scale|easi|iga|nyha|news|sofa|apache|fev1?|ejection|egfr|hba1c|duration|ordinal|ventilat|oxygen|titer|crp)\b/i,
];
const DETAIL = /\b(race|ethnic|region|country|enrol+ment|hispanic|white|black|asian|american indian|pacific)\b/i;

function rank(r: Row, continuousAge: boolean): number {
  const text = `${r.group ?? ''} ${r.name}`.trim();
  if (DETAIL.test(text)) return Number.POSITIVE_INFINITY;
  // Age bands repeat what a mean or median age says in one row.
  if (continuousAge && /^age\b.*categorical/i.test(text)) return Number.POSITIVE_INFINITY;
  const i = KEY.findIndex((re) => re.test(text));
  return i < 0 ? KEY.length : i;
}

export function buildBaselineView(trial: Trial): BaselineView | undefined {
  const b = trial.baseline;
  if (!b || b.rows.length === 0) return undefined;
  const hasTotal = b.rows.some((r) => r.total !== undefined);
  const columns = ['Characteristic', ...trial.arms.map((a) => a.label), ...(hasTotal ? ['Total'] : [])];
  const label = (r: Row): string => (r.group && r.group !== r.name ? `${r.group}: ${r.name}` : r.name);
  const cells = (r: Row): { cells: string[] } => ({
    cells: [label(r), ...trial.arms.map((a) => r.arms[a.id] ?? '—'), ...(hasTotal ? [r.total ?? '—'] : [])],
  });
  const continuousAge = b.rows.some((r) => /^age\b.*continuous/i.test(r.name));
  // Stable choice: best-ranked rows first by rank, shown in the table's own order.
  const chosen = b.rows
    .map((r, i) => ({ r, i, k: rank(r, continuousAge) }))
    .filter((x) => Number.isFinite(x.k))
    .sort((x, y) => x.k - y.k || x.i - y.i)
    .slice(0, KEY_ROWS)
    .sort((x, y) => x.i - y.i)
    .map((x) => cells(x.r));
  return { columns, keyRows: chosen, allRows: b.rows.map(cells), ...(b.note ? { note: b.note } : {}) };
}
