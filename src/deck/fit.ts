// Fitting content to 1280×720 slides without cutting a word of it. A slide's
// blocks are measured at text steps 0–2 (body 24/22/20 px, tables 18/17/16 px);
// the smallest step that needs the fewest slides wins, and what still does not
// fit continues on "(cont.)" slides: lists split between items, tables between
// rows (repeating the header), and a single over-long item between sentences.
// Estimates are deliberately pessimistic; test/deck/overflow.test.ts checks
// them in a real browser for every theme.
import { lines } from './paginate.js';
import { BODY_PX, TABLE_PX, continuedTitle, type Block, type Item, type Slide, type TextStep } from './slides.js';

/** Content box of a slide under its title, in px: 1160 wide; 720 − padding − title. */
export const BOX = { width: 1160, height: 478, subtitle: 46 } as const;
/** Average glyph width as a fraction of the font size (Liberation Sans, bold leads, digits). */
const GLYPH = 0.48;
/** Line height: 1.35 in most themes, 1.4 in the accessible one; the larger keeps every theme inside. */
const LINE = 1.4;
const STEPS: readonly TextStep[] = [0, 1, 2];

const charsPerLine = (width: number, px: number): number => Math.max(8, Math.floor(width / (px * GLYPH)));

function itemText(i: Item): string {
  return i.lead ? `${i.lead} · ${i.text}` : i.text;
}

function itemHeight(i: Item, px: number, width: number): number {
  const indent = 1.1 * px;
  let h = lines(itemText(i), charsPerLine(width - indent, px)) * px * LINE + 0.4 * px;
  for (const s of i.sub ?? []) h += lines(s, charsPerLine(width - 2 * indent, px)) * px * LINE + 0.25 * px;
  return h;
}

function tableRowHeight(cells: readonly string[], widths: readonly number[], px: number, width: number): number {
  const most = Math.max(1, ...cells.map((c, k) => lines(c || ' ', charsPerLine((widths[k] ?? 1 / cells.length) * width - 18, px))));
  return most * px * LINE + 12;
}

/**
 * Column widths as fractions of the table: the given ones (the theme sets the
 * same widths for that slide: themes/clinical.css), else equal, as a
 * fixed-layout table shares them out.
 */
export function tableWidths(block: Extract<Block, { type: 'table' }>): number[] {
  if (block.widths && block.widths.length === block.columns.length) return block.widths;
  return block.columns.map(() => 1 / block.columns.length);
}

/** Estimated height in px of a whole block at a text step. */
export function blockHeight(block: Block, step: TextStep, width: number = BOX.width): number {
  const px = BODY_PX[step];
  switch (block.type) {
    case 'bullets':
      return block.items.reduce((h, i) => h + itemHeight(i, px, width), 0) + 0.3 * px;
    case 'paragraph': {
      const size = block.tone === 'strong' ? px + 4 : block.tone === 'callout' ? px + 2 : px;
      const pad = block.tone === 'callout' ? 36 : 0;
      return lines(block.lead ? `${block.lead} · ${block.text}` : block.text, charsPerLine(width - pad, size)) * size * LINE + 0.6 * px + pad;
    }
    case 'table': {
      const t = TABLE_PX[step];
      const widths = tableWidths(block);
      return tableRowHeight(block.columns, widths, t, width) + block.rows.reduce((h, r) => h + tableRowHeight(r.cells, widths, t, width), 0) + 8;
    }
    case 'stats':
      return 190;
    case 'chart':
      // Beside other blocks a chart is drawn 260 px tall (themes: section.content img); alone it fills the slide.
      return 270;
    case 'columns': {
      const col = (width - 40) / Math.max(1, block.columns.length);
      return Math.max(...block.columns.map((c) => 50 + c.items.reduce((h, i) => h + itemHeight(i, px, col), 0)));
    }
    case 'title':
      return BOX.height;
  }
}

/** What a fitted slide is built from; `fit` adds the title, id, text step and pages. */
export interface SlideSource extends Omit<Slide, 'textStep' | 'blocks'> {
  blocks: Block[];
  /** Notes of one page added to `notes` (e.g. the table rows it shows, in full, with their footnotes). */
  pageNotes?: (blocks: Block[], page: number) => string[];
}

/**
 * Lays out `source` on as few slides as possible at the smallest text step
 * that achieves that. Page n gets id `<id>-<n+1>` and a "(cont.)" title.
 */
export function fit(source: SlideSource): Slide[] {
  const budget = source.subtitle ? BOX.height - BOX.subtitle : BOX.height;
  let best: { step: TextStep; pages: Block[][] } | undefined;
  for (const step of STEPS) {
    const pages = paginateBlocks(source.blocks, step, budget);
    if (!best || pages.length < best.pages.length) best = { step, pages };
    if (pages.length === 1) break;
  }
  const { step } = best!;
  const pages = balance(source.blocks, step, budget, best!.pages);
  const { pageNotes, ...slide } = source;
  return pages.map((blocks, page) => ({
    ...slide,
    id: page === 0 ? source.id : `${source.id}-${page + 1}`,
    title: continuedTitle(source.title, page),
    blocks,
    notes: [...source.notes, ...(pageNotes?.(blocks, page) ?? [])],
    textStep: step,
  }));
}

/**
 * Pages filled greedily leave the last one nearly empty ("(cont.)" with one
 * line). Fill them evenly instead: the smallest budget that still needs no
 * more pages, found by bisection.
 */
function balance(blocks: readonly Block[], step: TextStep, budget: number, greedy: Block[][]): Block[][] {
  if (greedy.length < 2) return greedy;
  let lo = budget / greedy.length;
  let hi = budget;
  let best = greedy;
  for (let i = 0; i < 8; i++) {
    const mid = (lo + hi) / 2;
    const pages = paginateBlocks(blocks, step, mid);
    if (pages.length <= greedy.length) {
      best = pages;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}

/** Splits blocks over pages of `budget` px, breaking lists between items and tables between rows. */
export function paginateBlocks(blocks: readonly Block[], step: TextStep, budget: number): Block[][] {
  const pages: Block[][] = [[]];
  let used = 0;
  const page = (): Block[] => pages[pages.length - 1]!;
  const newPage = (): void => {
    if (page().length > 0) pages.push([]);
    used = 0;
  };
  const place = (block: Block): void => {
    const h = blockHeight(block, step);
    if (used > 0 && used + h > budget) newPage();
    page().push(block);
    used += h;
  };
  for (const block of unfoldTall(blocks, step, budget)) {
    const h = blockHeight(block, step);
    if (used + h <= budget || (block.type !== 'bullets' && block.type !== 'table')) {
      if (block.type === 'paragraph' && h > budget) {
        for (const text of splitText(block.text, step, budget)) place({ ...block, text });
        continue;
      }
      place(block);
      continue;
    }
    if (block.type === 'bullets') {
      let items: Item[] = [];
      const flush = (): void => {
        if (items.length > 0) page().push({ type: 'bullets', items });
        items = [];
      };
      for (const item of block.items.flatMap((i) => splitItem(i, step, budget))) {
        const ih = itemHeight(item, BODY_PX[step], BOX.width);
        if (used > 0 && used + ih > budget) {
          flush();
          newPage();
        }
        items.push(item);
        used += ih;
      }
      flush();
    } else if (block.type === 'table') {
      const widths = tableWidths(block);
      const t = TABLE_PX[step];
      const header = tableRowHeight(block.columns, widths, t, BOX.width) + 8;
      let rows: typeof block.rows = [];
      const flush = (): void => {
        if (rows.length > 0) page().push({ ...block, widths, rows });
        rows = [];
      };
      if (used > 0 && used + header + tableRowHeight(block.rows[0]?.cells ?? [], widths, t, BOX.width) > budget) newPage();
      used += header;
      for (const row of block.rows) {
        const rh = tableRowHeight(row.cells, widths, t, BOX.width);
        if (rows.length > 0 && used + rh > budget) {
          flush();
          newPage();
          used = header;
        }
        rows.push(row);
        used += rh;
      }
      flush();
    }
  }
  return pages.filter((p) => p.length > 0);
}

/**
 * Side-by-side columns cannot continue on the next slide; when they are taller
 * than a page they are laid out one after the other, each under its heading,
 * and continue from there like any list.
 */
function unfoldTall(blocks: readonly Block[], step: TextStep, budget: number): Block[] {
  return blocks.flatMap((b): Block[] =>
    b.type === 'columns' && blockHeight(b, step) > budget
      ? b.columns.flatMap((c): Block[] => [{ type: 'paragraph', text: c.heading, tone: 'strong' }, { type: 'bullets', items: c.items }])
      : [b],
  );
}

/** An item taller than a page continues over several: split between sentences, else between words. */
function splitItem(item: Item, step: TextStep, budget: number): Item[] {
  if (itemHeight(item, BODY_PX[step], BOX.width) <= budget) return [item];
  const parts = splitText(item.text, step, budget - BODY_PX[step] * 2);
  return parts.map((text, k) => (k === 0 ? { lead: item.lead, text } : { lead: item.lead ? `${item.lead} (cont.)` : undefined, text }));
}

/** Splits text into chunks that each fit `budget` px at the step's body size, never inside a word. */
export function splitText(text: string, step: TextStep, budget: number): string[] {
  const px = BODY_PX[step];
  const perLine = charsPerLine(BOX.width - 1.1 * px, px);
  const maxChars = Math.max(perLine, Math.floor(budget / (px * LINE)) * perLine * 0.9);
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > maxChars) {
    const window = rest.slice(0, maxChars);
    const sentence = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '));
    const space = window.lastIndexOf(' ');
    const cut = sentence > maxChars * 0.5 ? sentence + 1 : space > maxChars * 0.5 ? space : maxChars;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) out.push(rest);
  return out;
}

/**
 * Two short sections share one slide, each under its heading, when together
 * they fit on it; otherwise each gets its own slides. Keeps a one-line section
 * (e.g. "How fragile?" with nothing that applies) from leaving a slide empty.
 */
export function fitTogether(first: SlideSource, second: SlideSource, together: Pick<SlideSource, 'id' | 'title'>): Slide[] {
  const heading = (title: string): Block => ({ type: 'paragraph', text: title, tone: 'strong' });
  const shared = fit({
    ...first,
    ...together,
    blocks: [heading(first.title), ...first.blocks, heading(second.title), ...second.blocks],
    notes: [...first.notes, ...second.notes],
  });
  return shared.length === 1 ? shared : [...fit(first), ...fit(second)];
}
