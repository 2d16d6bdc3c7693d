// Text measurement for vega in Node. Without a canvas vega guesses 0.8 em per
// character, which over-sizes label columns and truncates labels; we measure
// with the real Liberation Sans / Arial advance widths instead.
import { advanceEm } from './font-metrics.js';

/** Width in px of one line of text. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += advanceEm(ch.codePointAt(0) ?? 0, bold);
  return em * fontSize;
}

export function isBoldWeight(weight: unknown): boolean {
  if (weight === 'bold' || weight === 'bolder') return true;
  const n = Number(weight);
  return Number.isFinite(n) && n >= 600;
}

/** The subset of a vega scenegraph text item that measurement needs. */
export interface TextItemLike {
  fontSize?: number | string;
  fontWeight?: string | number;
}

/**
 * Drop-in for `vega.textMetrics.width(item, text)`. vega calls it per line and
 * for truncation; we never set a limit, so the line is measured as given.
 */
export function vegaTextWidth(item: TextItemLike, text: unknown): number {
  // vega's own default size is 11 px when a mark sets none.
  const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
  const line = text == null ? '' : String(text).trim();
  return size <= 0 || line === '' ? 0 : textWidth(line, size, isBoldWeight(item.fontWeight));
}

export interface WrapOptions {
  maxWidth: number;
  fontSize: number;
  bold?: boolean;
  maxLines?: number;
}

function greedy(words: readonly string[], width: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (line && measure(next) > width) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Breaks text at spaces into at most `maxLines` lines no wider than
 * `maxWidth`. When that is impossible the lines are balanced at the smallest
 * width that still fits in `maxLines`: the caller widens its column to the
 * widest line rather than ever truncating.
 */
export function wrapText(text: string, opts: WrapOptions): string[] {
  const { maxWidth, fontSize, bold = false, maxLines = 2 } = opts;
  const measure = (s: string): number => textWidth(s, fontSize, bold);
  const clean = text.replace(/\s+/g, ' ').trim();
  if (measure(clean) <= maxWidth) return [clean];
  const words = clean.split(' ');
  const fitted = greedy(words, maxWidth, measure);
  if (fitted.length <= maxLines) return fitted;
  // Binary search the narrowest width at which greedy filling needs ≤ maxLines.
  let lo = maxWidth;
  let hi = measure(clean);
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    if (greedy(words, mid, measure).length <= maxLines) hi = mid;
    else lo = mid;
  }
  return greedy(words, hi, measure);
}

/** Widest line of a label, in px. */
export function linesWidth(lines: readonly string[], fontSize: number, bold = false): number {
  return lines.reduce((m, l) => Math.max(m, textWidth(l, fontSize, bold)), 0);
}
