// A results table as a native PowerPoint table. Row heights are measured here
// (cell text wrapped in its column at the slide's table size) so a table that
// does not fit its slide is split by us, repeating the header row, and never
// by pptxgenjs' autoPage (invalid XML, untitled slides).
import type { PptxSlide, TableCell, TableCellProps } from './pptxgen-types.js';
import type { TableRow } from '../deck/slides.js';
import { at, type Box } from './geometry.js';
import type { PptxLook } from './pptx-look.js';
import { LANG } from './text-box.js';
import { LINE_HEIGHT, paraLines, pt } from './text-fit.js';

export interface TableBlock {
  columns: string[];
  rows: TableRow[];
  widths?: number[];
}

/** Cell insets: 0.1 in left/right, 0.05 in top/bottom (PowerPoint's defaults), in px. */
const CELL_X = 9.6;
const CELL_Y = 4.8;

/** Column widths in px: the block's relative widths, else the first column twice the others. */
export function columnWidths(t: TableBlock, width: number): number[] {
  const n = t.columns.length;
  const weights = t.widths && t.widths.length === n && t.widths.every((w) => w > 0) ? t.widths : t.columns.map((_, i) => (i === 0 && n > 2 ? 2 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (w / sum) * width);
}

/** Height in px of one row whose cells wrap in their columns at `size` px. */
export function rowHeight(cells: readonly string[], widths: readonly number[], size: number, bold: boolean, scale = 1): number {
  let lines = 1;
  for (const [i, c] of cells.entries()) {
    // paraLines counts text-box insets; a cell's insets are the same.
    lines = Math.max(lines, paraLines({ runs: [{ text: c, bold }] }, widths[i] ?? 100, size, scale));
  }
  return lines * size * LINE_HEIGHT + 2 * CELL_Y;
}

export interface TableLayout {
  widths: number[];
  header: number;
  rows: number[];
  height: number;
}

export function layoutTable(t: TableBlock, width: number, size: number, scale = 1): TableLayout {
  const widths = columnWidths(t, width);
  const header = rowHeight(t.columns, widths, size, true, scale);
  const rows = t.rows.map((r) => rowHeight(r.cells, widths, size, r.strong ?? false, scale));
  return { widths, header, rows, height: header + rows.reduce((a, b) => a + b, 0) };
}

/**
 * Splits rows into pages no taller than `height`, each under its own copy of
 * the header. A row taller than a whole page still gets a page of its own.
 */
export function paginateRows(layout: TableLayout, height: number): number[][] {
  const pages: number[][] = [];
  let page: number[] = [];
  let used = layout.header;
  for (const [i, h] of layout.rows.entries()) {
    if (page.length > 0 && used + h > height) {
      pages.push(page);
      page = [];
      used = layout.header;
    }
    page.push(i);
    used += h;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

export function addTable(slide: PptxSlide, look: PptxLook, t: TableBlock, rows: readonly number[], box: Box, size: number, layout: TableLayout): void {
  const cell = (text: string, opts: TableCellProps): TableCell => ({ text, options: { lang: LANG, ...opts } });
  const border = { type: 'solid' as const, pt: 0.75, color: look.rule };
  const head = t.columns.map((c) => cell(c, { bold: true, color: look.onAccent, fill: { color: look.accent }, border }));
  const body = rows.map((ri, k) => {
    const r = t.rows[ri];
    return (r?.cells ?? []).map((c) => cell(c, { bold: r?.strong ?? false, color: look.fg, fill: { color: k % 2 === 1 ? look.rowAlt : look.bg }, border }));
  });
  const heights = [layout.header, ...rows.map((ri) => layout.rows[ri] ?? 0)];
  slide.addTable([head, ...body], {
    ...at({ ...box, h: heights.reduce((a, b) => a + b, 0) }),
    colW: layout.widths.map((w) => Math.round((w / 96) * 10000) / 10000),
    rowH: heights.map((h) => Math.round((h / 96) * 10000) / 10000),
    fontFace: look.font,
    fontSize: pt(size),
    valign: 'top',
    margin: [pt(CELL_Y), pt(CELL_X), pt(CELL_Y), pt(CELL_X)],
    objectName: 'Table',
  });
}
