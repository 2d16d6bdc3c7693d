// Text sizes chosen here, not by the viewer. PowerPoint ignores `fit: shrink`
// until the text is edited, and LibreOffice shrinks text PowerPoint would let
// overflow, so a deck that relied on either would look different in each.
// We wrap every paragraph with the real Liberation Sans / Arial advance widths
// (src/charts/text-metrics.ts) and take the first size of the slide's text
// steps at which the whole text fits its box.
import { textWidth } from '../charts/text-metrics.js';

/** A run of one weight inside a paragraph. */
export interface Run {
  text: string;
  bold?: boolean;
  /** Hex colour without "#"; the box's colour when absent. */
  color?: string;
}

export interface Para {
  runs: Run[];
  /** 0: body, 1: sub-bullet (indented, 90% size). */
  level?: 0 | 1;
  bullet?: boolean;
  /** Size relative to the box's size (big numbers, small print); sub-bullets default to 0.9. */
  scale?: number;
}

/** Line height PowerPoint uses for single-spaced Arial/Liberation Sans (ascent + descent + gap). */
export const LINE_HEIGHT = 1.2;
/** Space before each paragraph after the first, in em. */
export const PARA_SPACE = 0.35;
/** Text-box insets PowerPoint applies by default (0.1 in left/right, 0.05 in top/bottom), in px. */
export const INSET_X = 9.6;
export const INSET_Y = 4.8;
/** Bullet indent per level, in em. */
export const BULLET_INDENT = 1.1;
/**
 * Widths are measured with Liberation Sans; renderers differ in kerning and
 * hinting by a percent or two. Wrapping at 96% of the box keeps a line that
 * barely fits here from wrapping (and overflowing) there.
 */
const WIDTH_SAFETY = 0.96;

export function paraSize(p: Para, size: number): number {
  const scale = p.scale ?? (p.level === 1 ? 0.9 : 1);
  return Math.round(size * scale * 10) / 10;
}

/**
 * Lines a paragraph takes in a box `width` px wide (insets included) at `size` px.
 * `scale` widens every word for fonts wider than Liberation Sans (see fontScale).
 */
export function paraLines(p: Para, width: number, size: number, scale = 1): number {
  const s = paraSize(p, size);
  const indent = p.bullet ? BULLET_INDENT * s * ((p.level ?? 0) + 1) : 0;
  const avail = (width - 2 * INSET_X - indent) * WIDTH_SAFETY;
  const space = textWidth(' ', s) * scale;
  let lines = 1;
  let x = 0;
  for (const run of p.runs) {
    for (const [i, word] of run.text.split(' ').entries()) {
      if (i > 0) x += space;
      if (word === '') continue;
      const w = textWidth(word, s, run.bold) * scale;
      if (x > 0 && x + w > avail) {
        lines += 1;
        x = 0;
      }
      // A word wider than the box breaks inside itself.
      if (w > avail) {
        lines += Math.floor(w / avail);
        x = w % avail;
      } else x += w;
    }
  }
  return lines;
}

/** Height in px of paragraphs set at `size` px in a box `width` px wide, insets included. */
export function parasHeight(paras: readonly Para[], width: number, size: number, scale = 1): number {
  let h = 2 * INSET_Y;
  for (const [i, p] of paras.entries()) {
    const s = paraSize(p, size);
    h += paraLines(p, width, size, scale) * s * LINE_HEIGHT + (i > 0 ? PARA_SPACE * s : 0);
  }
  return h;
}

/** The longest single word, so a size is never chosen at which a word cannot fit its line. */
function widestWord(paras: readonly Para[], size: number, scale: number): number {
  let max = 0;
  for (const p of paras) for (const r of p.runs) for (const w of r.text.split(' ')) max = Math.max(max, textWidth(w, paraSize(p, size), r.bold) * scale);
  return max;
}

export interface Fit {
  size: number;
  height: number;
  fits: boolean;
}

/** The first of `sizes` (largest first) at which the paragraphs fit `width` × `height`; else the last, marked as not fitting. */
export function fitParas(paras: readonly Para[], width: number, height: number, sizes: readonly number[], scale = 1): Fit {
  let last: Fit = { size: sizes[sizes.length - 1] ?? 16, height: Infinity, fits: false };
  for (const size of sizes) {
    const h = parasHeight(paras, width, size, scale);
    const wordFits = widestWord(paras, size, scale) <= (width - 2 * INSET_X) * WIDTH_SAFETY;
    last = { size, height: h, fits: h <= height && wordFits };
    if (last.fits) return last;
  }
  return last;
}

/**
 * How much wider a font sets text than Liberation Sans, whose advance widths
 * we measure with. Arial/Helvetica-compatible fonts match it; the Times
 * family is narrower (safe at 1); DejaVu and other sans fonts run wider.
 */
const SAME_OR_NARROWER = new Set(['liberation sans', 'arial', 'helvetica', 'arimo', 'nimbus sans', 'liberation serif', 'times new roman', 'times', 'tinos']);
export function fontScale(font: string): number {
  return SAME_OR_NARROWER.has(font.trim().toLowerCase()) ? 1 : 1.15;
}

/** px (CSS, 96 per inch) → points, as PowerPoint sizes fonts. Half points only. */
export function pt(px: number): number {
  return Math.round(px * 0.75 * 2) / 2;
}
