// Text blocks → paragraphs, and their heights at a given body size, so the
// slide writer can choose one size for the whole slide before drawing.
import type { Block, Item } from '../deck/slides.js';
import type { PptxLook } from './pptx-look.js';
import { itemParas } from './text-box.js';
import { parasHeight, type Para } from './text-fit.js';

export type TextBlock = Extract<Block, { type: 'bullets' | 'paragraph' | 'stats' | 'columns' }>;

export const COLUMN_GAP = 40;
export const STAT_GAP = 24;
/** Padding inside a callout or stat box, in px. */
export const PAD = 12;

export function isTextBlock(b: Block): b is TextBlock {
  return b.type === 'bullets' || b.type === 'paragraph' || b.type === 'stats' || b.type === 'columns';
}

export function bulletParas(items: readonly Item[]): Para[] {
  return items.flatMap(itemParas);
}

export function paragraphParas(b: Extract<Block, { type: 'paragraph' }>, look: PptxLook): Para[] {
  const color = b.tone === 'muted' ? look.muted : undefined;
  const bold = b.tone === 'strong';
  const runs = b.lead ? [{ text: b.lead, bold: true, color }, { text: ` ${b.text}`, bold, color }] : [{ text: b.text, bold, color }];
  return [{ runs }];
}

export function statParas(item: { label: string; big: string; small?: string }, look: PptxLook): Para[] {
  return [
    { runs: [{ text: item.label, bold: true, color: look.muted }], scale: 0.8 },
    { runs: [{ text: item.big, bold: true, color: look.accent }], scale: 1.9 },
    ...(item.small ? [{ runs: [{ text: item.small, color: look.fg }], scale: 0.8 }] : []),
  ];
}

export function columnParas(col: { heading: string; items: Item[] }, look: PptxLook): Para[] {
  return [{ runs: [{ text: col.heading, bold: true, color: look.accent }], scale: 1.1 }, ...bulletParas(col.items)];
}

/** Side-by-side widths for `n` boxes across `width` with `gap` between them. */
export function split(width: number, n: number, gap: number): number {
  return (width - gap * (n - 1)) / Math.max(1, n);
}

/** Height in px of a text block set `width` px wide at body size `size`. */
export function blockHeight(b: TextBlock, look: PptxLook, width: number, size: number): number {
  switch (b.type) {
    case 'bullets':
      return parasHeight(bulletParas(b.items), width, size, look.fontScale);
    case 'paragraph':
      return parasHeight(paragraphParas(b, look), width - (b.tone === 'callout' ? 2 * PAD + 8 : 0), size, look.fontScale) + (b.tone === 'callout' ? 2 * PAD : 0);
    case 'stats': {
      const w = split(width, b.items.length, STAT_GAP);
      return Math.max(...b.items.map((i) => parasHeight(statParas(i, look), w - 2 * PAD, size, look.fontScale))) + 2 * PAD;
    }
    case 'columns': {
      const w = split(width, b.columns.length, COLUMN_GAP);
      return Math.max(...b.columns.map((c) => parasHeight(columnParas(c, look), w, size, look.fontScale)));
    }
  }
}
