// The Markdown pipe table of Key Results. Columns are found by their header
// names: Outcome first, then one column per arm up to Effect, then the
// "p value / 95% CI" and Notes columns. `\|` is a literal pipe inside a cell.
import { MESSAGES } from './messages.js';
import type { ImportReport } from './report.js';

export interface TableRow {
  line: number;
  outcome: string;
  /** One cell per arm, in header order. */
  arms: string[];
  effect: string;
  ci: string;
  notes: string;
}

export interface ResultsTable {
  /** Arm headers as written, e.g. ["Levosimendan", "Placebo"]. */
  armLabels: string[];
  rows: TableRow[];
  headerLine: number;
  /** The Effect column's header, which may name the pair: "HR (ticagrelor 60 mg vs placebo)". */
  effectHeader: string;
}

/** Split one table line into cells, honouring `\|` escapes. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && line[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  const t = line.trim();
  // A leading pipe leaves an empty first piece; a closing pipe an empty last one.
  if (t.startsWith('|')) cells.shift();
  if (t.endsWith('|') && !t.endsWith('\\|')) cells.pop();
  return cells.map((c) => c.trim());
}

const isDivider = (cells: readonly string[]): boolean => cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c.replace(/\s/g, '')));

/**
 * Read the table lines. Problems (bad header, wrong cell counts) are reported
 * with their line numbers; undefined means the table cannot be used at all.
 */
export function parseResultsTable(lines: readonly { text: string; line: number }[], report: ImportReport): ResultsTable | undefined {
  const [head, ...body] = lines;
  if (!head) return undefined;
  const header = splitRow(head.text);
  const effectAt = header.findIndex((h) => /^(?:effect|estimate|treatment effect)/i.test(h));
  const ciAt = header.findIndex((h) => /\bp\b|p[- ]?value|\bci\b|confidence/i.test(h));
  const notesAt = header.findIndex((h) => /^(?:notes?|comments?|remarks?)$/i.test(h));
  const armEnd = [effectAt, ciAt, notesAt].filter((i) => i > 0).reduce((a, b) => Math.min(a, b), header.length);
  if (!/^outcomes?\b/i.test(header[0] ?? '') || armEnd - 1 < 2) {
    report.error(MESSAGES.tableHeader(head.text), { line: head.line });
    return undefined;
  }
  const armLabels = header.slice(1, armEnd);
  const cell = (cells: readonly string[], at: number): string => (at > 0 ? (cells[at] ?? '') : '');

  const rows: TableRow[] = [];
  let bad = false;
  for (const { text, line } of body) {
    const cells = splitRow(text);
    if (isDivider(cells)) continue;
    if (cells.length !== header.length) {
      report.error(MESSAGES.cellCount(cells.length, header), { line });
      bad = true;
      continue;
    }
    const outcome = cells[0] ?? '';
    if (outcome === '') {
      report.error(MESSAGES.emptyOutcome(), { line });
      bad = true;
      continue;
    }
    rows.push({
      line,
      outcome,
      arms: cells.slice(1, armEnd),
      effect: cell(cells, effectAt),
      ci: cell(cells, ciAt),
      notes: cell(cells, notesAt),
    });
  }
  if (rows.length === 0 && !bad) {
    report.error(MESSAGES.noRows(), { line: head.line });
    return undefined;
  }
  return bad ? undefined : { armLabels, rows, headerLine: head.line, effectHeader: effectAt > 0 ? (header[effectAt] ?? '') : '' };
}
