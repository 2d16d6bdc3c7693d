// Helpers shared by the chart builders: arms, numbers as the slides print
// them, outcome labels sized with real font metrics, the source line.
import type { Outcome, Quantity, Trial } from '../trial/schema.js';
import { armColor, smallFontSize, type ChartTheme } from './chart-theme.js';
import { DEFAULT_BOXES } from './placement.js';
import { linesWidth, textWidth, wrapText } from './text-metrics.js';

/**
 * Charts are drawn at the size the slide shows them (src/charts/placement.ts),
 * so text sizes in the SVG are sizes on the slide: the full chart-slide body,
 * taking the height their rows need up to the box's height.
 */
export const CANVAS_WIDTH = DEFAULT_BOXES.slide.width;
export const MAX_CANVAS_HEIGHT = DEFAULT_BOXES.slide.height;
/** The forest plot's second drawing, for the column beside a table. */
export const BESIDE_WIDTH = DEFAULT_BOXES.beside.width;
/** A chart drawn under other blocks of a content slide (the Bayesian chart under its table). */
export const UNDER_HEIGHT = DEFAULT_BOXES.under.height;

export interface ArmInfo {
  id: string;
  label: string;
  index: number;
  color: string;
}

export function armsOf(trial: Trial, theme: ChartTheme): ArmInfo[] {
  return trial.arms.map((a, index) => ({ id: a.id, label: a.label, index, color: armColor(theme, index) }));
}

/** "Levosimendan vs Placebo" (or "A vs B vs C"). */
export function armsPhrase(arms: readonly ArmInfo[]): string {
  return arms.map((a) => a.label).join(' vs ');
}

export function sourceLine(trial: Trial): string {
  const p = trial.publication;
  return `Source: ${p.acronym}, ${p.journal} ${p.year}`;
}

/** Typographic minus, as journals print negative numbers. */
export function fmtNumber(x: number, maxDecimals = 2): string {
  const s = Number(x.toFixed(maxDecimals)).toString();
  return s.startsWith('-') ? `\u2212${s.slice(1)}` : s;
}

/** Ratios with two decimals below 10 ("1.02", "0.74"), fewer above. */
export function fmtRatio(x: number): string {
  return x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2);
}

export function fmtPercent(p: number): string {
  return `${p.toFixed(1)}%`;
}

/** The percentage a binary quantity reports or implies, if any. */
export function percentOf(q: Quantity | undefined): number | undefined {
  if (!q) return undefined;
  if (q.kind === 'events') return q.percent ?? (q.events / q.total) * 100;
  if (q.kind === 'count' || q.kind === 'percent') return q.percent;
  return undefined;
}

/** "68.3% (69/101)" for events, else the percentage alone. */
export function percentLabel(q: Quantity, pct: number): string {
  return q.kind === 'events' ? `${fmtPercent(pct)} (${q.events}/${q.total})` : fmtPercent(pct);
}

export function isPrimary(o: Outcome): boolean {
  return o.role === 'primary';
}

/**
 * Drops a trailing "(primary…)" / "(competing…)" remark from an outcome name
 * where the chart shows the role another way (legend entries).
 */
export function withoutRoleRemark(name: string): string {
  const short = name.replace(/\s*\((?:primary|competing|secondary|safety)\b[^()]*\)\s*$/i, '').trim();
  return short.length > 0 ? short : name;
}

export interface LabelColumn {
  /** One entry per label: its lines joined with "\n" (templates set lineBreak "\n"). */
  texts: string[];
  /** Lines of the longest label. */
  maxLines: number;
  /** Width of the widest line in px: the column is at least this wide. */
  width: number;
}

/**
 * Wraps outcome names onto at most `lineLimit` (two) lines no wider than `maxWidth` where
 * possible; the column widens to the widest line instead of truncating.
 */
export function labelColumn(
  labels: readonly { text: string; bold: boolean }[],
  theme: ChartTheme,
  maxWidth: number,
  lineLimit = 2,
): LabelColumn {
  let width = 0;
  let maxLines = 1;
  const texts = labels.map(({ text, bold }) => {
    const lines = wrapText(text, { maxWidth, fontSize: theme.fontSize, bold, maxLines: lineLimit });
    width = Math.max(width, linesWidth(lines, theme.fontSize, bold));
    maxLines = Math.max(maxLines, lines.length);
    return lines.join('\n');
  });
  return { texts, maxLines, width: Math.ceil(width) };
}

/** Line height the templates use for multi-line labels. */
export function lineHeight(theme: ChartTheme): number {
  return Math.round(theme.fontSize * 1.12);
}

/** Params every template declares: fonts and the source line. */
export function commonParams(trial: Trial, theme: ChartTheme): Record<string, unknown> {
  return {
    sourceLine: sourceLine(trial),
    labelFontSize: theme.fontSize,
    smallFontSize: smallFontSize(theme),
    lineHeight: lineHeight(theme),
    ink: theme.textColor,
    muted: theme.mutedColor,
  };
}


export interface LegendLayout {
  columns: number;
  height: number;
  /** Each label as drawn: wrapped onto lines joined with "\n" when one line would not fit the canvas. */
  labels: string[];
}

const LEGEND_SYMBOL = 22;

/**
 * Legend entries in one row when they fit the canvas width, else in as many
 * equal columns as fit: vega does not wrap legends by itself, and a legend
 * running off the canvas would be cut off. A label wider than the canvas is
 * wrapped (templates split it at "\n" with `labelExpr`).
 */
export function legendLayout(labels: readonly string[], theme: ChartTheme, rowPadding = 6): LegendLayout {
  const available = CANVAS_WIDTH - 24;
  const wrapped = labels.map((l) => wrapText(l, { maxWidth: available - LEGEND_SYMBOL - 8, fontSize: theme.fontSize, maxLines: 4 }));
  const entries = wrapped.map((l) => LEGEND_SYMBOL + linesWidth(l, theme.fontSize));
  const gap = 28;
  const oneRow = entries.reduce((s, w) => s + w, 0) + gap * (entries.length - 1);
  const widest = Math.max(...entries);
  const columns = oneRow <= available ? entries.length : Math.max(1, Math.floor((available + gap) / (widest + gap)));
  const lineH = Math.max(16, theme.fontSize + 4);
  // Rows are as tall as their tallest entry.
  let height = 0;
  for (let r = 0; r * columns < wrapped.length; r++) {
    height += Math.max(...wrapped.slice(r * columns, (r + 1) * columns).map((l) => l.length)) * lineH + (r > 0 ? rowPadding : 0);
  }
  return { columns, height, labels: wrapped.map((l) => l.join('\n')) };
}
