// One Slide of the view model → one PowerPoint slide (two or more only when a
// table is taller than its slide at the smallest table size: then the rows
// continue under a repeated header on "(cont.)" slides, with a warning).
//
//   title placeholder (first in reading order) ─► subtitle ─► blocks top to bottom;
//   one body size for the whole slide: the slide's text step, else the next
//   smaller step, else 18/16 px with a warning; charts take the height left.
import type { Pptx, PptxSlide } from './pptxgen-types.js';
import type { ChartSpecInput } from '../charts/spec-files.js';
import { BODY_PX, TABLE_PX, type Block, type Slide } from '../deck/slides.js';
import type { Diagnostic } from '../errors.js';
import { blockHeight, bulletParas, columnParas, COLUMN_GAP, isTextBlock, paragraphParas, split, STAT_GAP, statParas } from './blocks.js';
import { addChart } from './charts.js';
import { BLOCK_GAP, BODY, TITLE, TITLE_SIZES, type Box } from './geometry.js';
import { DECORATIVE, masterName } from './masters.js';
import type { PptxLook } from './pptx-look.js';
import { addTable, layoutTable, paginateRows, type TableLayout } from './table.js';
import { addParas, LANG } from './text-box.js';
import { fitParas, parasHeight, pt, type Para } from './text-fit.js';
import { addTitleSlide } from './title-slide.js';

export interface ChartSource {
  id: string;
  title: string;
  alt: string;
  svg: string;
  /** The builder's datasets (src/charts), for native charts and shapes. */
  input?: ChartSpecInput;
}

export interface WriteContext {
  pptx: Pptx;
  look: PptxLook;
  charts: ReadonlyMap<string, ChartSource>;
  warnings: Diagnostic[];
  /** Titles in use (the view model's, then continuations): continuation slides must not repeat one. */
  titles: Set<string>;
  /** Slide titles in the order written (tests compare them with the view model). */
  written: string[];
}

/** Extra sizes below the third text step, used only with a warning. */
const BODY_FALLBACK = [18, 16];
const TABLE_FALLBACK = [15, 14];
const MIN_CHART_H = 220;

function sizesFrom(step: number): { body: number[]; table: number[] } {
  const steps = [0, 1, 2] as const;
  return {
    body: [...steps.filter((s) => s >= step).map((s) => BODY_PX[s]), ...BODY_FALLBACK],
    table: [...steps.filter((s) => s >= step).map((s) => TABLE_PX[s]), ...TABLE_FALLBACK],
  };
}

function newSlide(ctx: WriteContext, s: Slide, title: string): PptxSlide {
  const slide = ctx.pptx.addSlide({ masterName: masterName(ctx.look, s.layout) });
  // The title placeholder first: screen readers and the outline read it before anything else.
  // Measured as shown: in capitals when the theme sets headings in capitals.
  const shown = ctx.look.headingCaps ? title.toUpperCase() : title;
  const sizes = [s.layout === 'divider' ? 56 : ctx.look.headingSize, ...TITLE_SIZES.filter((px) => px < ctx.look.headingSize)];
  const fit = fitParas([{ runs: [{ text: shown, bold: true }] }], TITLE.w, TITLE.h, s.layout === 'divider' ? [56, 48, 40, ...sizes.slice(1)] : sizes, ctx.look.headingScale);
  if (s.layout !== 'title') slide.addText(title, { placeholder: 'title', fontSize: pt(fit.size), lang: LANG });
  ctx.titles.add(title);
  ctx.written.push(title);
  const notes = s.notes.filter((n) => n.trim() !== '');
  slide.addNotes((notes.length > 0 ? notes : [title]).join('\n'));
  return slide;
}

interface Measured {
  block: Block;
  height: number;
  table?: TableLayout;
}

export async function writeSlide(ctx: WriteContext, s: Slide): Promise<void> {
  if (s.layout === 'title') {
    const slide = newSlide(ctx, s, s.title);
    addTitleSlide(slide, ctx.look, s);
    return;
  }
  const slide = newSlide(ctx, s, s.title);
  let top = BODY.y;
  if (s.subtitle && s.layout === 'divider') {
    // Under the divider's centred heading (the master's title box ends at 410 px).
    addParas(slide, [{ runs: [{ text: s.subtitle }] }], { x: BODY.x, y: 420, w: BODY.w, h: 60 }, { font: ctx.look.font, color: ctx.look.muted, size: 26 });
  } else if (s.subtitle) {
    const paras: Para[] = [{ runs: [{ text: s.subtitle }] }];
    const h = parasHeight(paras, BODY.w, 22, ctx.look.fontScale);
    addParas(slide, paras, { x: BODY.x, y: top, w: BODY.w, h }, { font: ctx.look.font, color: ctx.look.muted, size: 22 });
    top += h + BLOCK_GAP / 2;
  }
  if (s.layout === 'divider' || s.blocks.length === 0) return;
  const area: Box = { x: BODY.x, y: top, w: BODY.w, h: BODY.y + BODY.h - top };

  // One size for every block of the slide: the first at which they all fit.
  const sizes = sizesFrom(s.textStep);
  const charts = s.blocks.filter((b) => b.type === 'chart').length;
  let chosen: { size: number; tableSize: number; measured: Measured[]; fits: boolean } | undefined;
  for (const [i, size] of sizes.body.entries()) {
    const tableSize = sizes.table[i] ?? 14;
    const measured = s.blocks.map((block): Measured => {
      if (isTextBlock(block)) return { block, height: blockHeight(block, ctx.look, area.w, size) };
      if (block.type === 'table') {
        const table = layoutTable(block, area.w, tableSize, ctx.look.fontScale);
        return { block, height: table.height, table };
      }
      return { block, height: 0 };
    });
    const used = measured.reduce((a, m) => a + m.height, 0) + BLOCK_GAP * (s.blocks.length - 1) + charts * MIN_CHART_H;
    chosen = { size, tableSize, measured, fits: used <= area.h };
    if (chosen.fits) break;
  }
  if (!chosen) return;
  if (!chosen.fits || chosen.size < BODY_PX[2]) {
    ctx.warnings.push({ level: 'warning', code: 'PPTX_TEXT_SMALL', message: `pptx: slide "${s.title}" is set at ${chosen.size} px${chosen.fits ? ', below its text steps' : ' and still overflows'}` });
  }

  const fixed = chosen.measured.reduce((a, m) => a + m.height, 0) + BLOCK_GAP * (s.blocks.length - 1);
  const chartH = charts > 0 ? Math.max(MIN_CHART_H, (area.h - fixed) / charts) : 0;
  let y = area.y;
  for (const m of chosen.measured) {
    const b = m.block;
    const box: Box = { x: area.x, y, w: area.w, h: b.type === 'chart' ? chartH : m.height };
    if (b.type === 'table' && m.table) {
      const room = area.y + area.h - y;
      const pages = paginateRows(m.table, room);
      addTable(slide, ctx.look, b, pages[0] ?? [], box, chosen.tableSize, m.table);
      await continueTable(ctx, s, b, pages.slice(1), m.table, chosen.tableSize);
      box.h = Math.min(m.height, room);
    } else if (b.type === 'chart') {
      await addChart(ctx, slide, b.chart, box);
    } else if (b.type !== 'title') drawText(ctx, slide, b, box, chosen.size);
    y += box.h + BLOCK_GAP;
  }
}

function drawText(ctx: WriteContext, slide: PptxSlide, b: Block, box: Box, size: number): void {
  const { look } = ctx;
  const style = { font: look.font, color: look.fg, size };
  switch (b.type) {
    case 'bullets':
      addParas(slide, bulletParas(b.items), box, style);
      return;
    case 'paragraph':
      if (b.tone === 'callout') {
        slide.addShape(ctx.pptx.ShapeType.rect, { x: box.x / 96, y: box.y / 96, w: 8 / 96, h: box.h / 96, fill: { color: look.accent }, line: { color: look.accent, width: 0 }, objectName: `${DECORATIVE} callout bar` });
        addParas(slide, paragraphParas(b, look), { x: box.x + 8, y: box.y, w: box.w - 8, h: box.h }, { ...style, fill: look.accentSoft, valign: 'middle' });
      } else addParas(slide, paragraphParas(b, look), box, style);
      return;
    case 'stats': {
      const w = split(box.w, b.items.length, STAT_GAP);
      for (const [i, item] of b.items.entries()) {
        addParas(slide, statParas(item, look), { x: box.x + i * (w + STAT_GAP), y: box.y, w, h: box.h }, { ...style, align: 'center', valign: 'middle', fill: look.accentSoft, line: { color: look.accent, width: 1 }, name: `Stat ${item.label}` });
      }
      return;
    }
    case 'columns': {
      const w = split(box.w, b.columns.length, COLUMN_GAP);
      for (const [i, col] of b.columns.entries()) addParas(slide, columnParas(col, look), { x: box.x + i * (w + COLUMN_GAP), y: box.y, w, h: box.h }, style);
      return;
    }
    default:
  }
}

/** Rows that did not fit: continuation slides with the header repeated, the slide's notes and a unique "(cont.)" title. */
async function continueTable(ctx: WriteContext, s: Slide, t: Extract<Block, { type: 'table' }>, pages: readonly number[][], layout: TableLayout, size: number): Promise<void> {
  for (const rows of pages) {
    let title = `${s.title} (cont.)`;
    for (let n = 2; ctx.titles.has(title); n++) title = `${s.title} (cont. ${n})`;
    ctx.warnings.push({ level: 'warning', code: 'PPTX_TABLE_SPLIT', message: `pptx: the table on "${s.title}" does not fit one slide; it continues on "${title}"` });
    const slide = newSlide(ctx, s, title);
    addTable(slide, ctx.look, t, rows, { x: BODY.x, y: BODY.y, w: BODY.w, h: BODY.h }, size, layout);
  }
}
