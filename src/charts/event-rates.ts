// Event rates by arm: the percentage of patients with each binary outcome
// (events, counts with a percentage, or bare percentages), every arm.
//
// A dot plot, one line per outcome: one dot per arm (arm colour and shape,
// the same on every chart), a grey span from the lowest to the highest arm,
// and one value column per arm headed by its name and symbol (the legend).
// Grouped bars need a bar per arm per outcome, each with an 18 px value
// label: a trial with ten outcomes would not fit a slide at a legible size.
import type { Outcome, Quantity, Trial } from '../trial/schema.js';
import { MIN_FONT_SIZE, smallFontSize, type ChartTheme } from './chart-theme.js';
import {
  armsOf, armsPhrase, CANVAS_WIDTH, commonParams, isPrimary, lineHeight, MAX_CANVAS_HEIGHT, percentLabel, percentOf, type ArmInfo,
} from './chart-data.js';
import type { JsonObject } from './prepare-spec.js';
import type { ChartSpecInput } from './spec-files.js';
import { linesWidth, textWidth, wrapText } from './text-metrics.js';

interface BinaryRow {
  outcome: Outcome;
  cells: { arm: ArmInfo; q: Quantity; percent: number }[];
}

/** Arm symbols by arm index: shape as well as colour, for colour-vision deficiency and greyscale print. */
export const ARM_SHAPES = ['circle', 'square', 'triangle-up', 'diamond'] as const;
export const armShape = (index: number): string => ARM_SHAPES[index % ARM_SHAPES.length] ?? 'circle';

function binaryRow(o: Outcome, arms: readonly ArmInfo[]): BinaryRow | undefined {
  const cells = arms.flatMap((arm) => {
    const q = o.arms[arm.id];
    const percent = percentOf(q);
    return q && percent !== undefined ? [{ arm, q, percent }] : [];
  });
  // Every arm must have a rate, or the dots would compare unlike things.
  return cells.length === arms.length ? { outcome: o, cells } : undefined;
}

/** Axis ticks every 5, 10 or 20 points (1 or 2 below 10%), never past 100%. */
function percentTicks(max: number): number[] {
  const step = max > 50 ? 20 : max > 20 ? 10 : max > 10 ? 5 : max > 4 ? 2 : 1;
  const ticks: number[] = [];
  for (let t = 0; t <= Math.min(max, 100) + 1e-9; t += step) ticks.push(t);
  return ticks;
}

const GAP = 24;
const PAD_X = 24;
const SYMBOL = 26; // symbol + space before an arm's name in its column header

function draw(trial: Trial, theme: ChartTheme, rows: readonly BinaryRow[], rowPad: number): ChartSpecInput {
  const arms = armsOf(trial, theme);
  const f = theme.fontSize;
  const s = smallFontSize(theme);
  const lh = lineHeight(theme);

  // Value columns: as wide as the widest value or the arm's name (wrapped to two lines).
  const values = rows.map((r) => r.cells.map((c) => percentLabel(c.q, c.percent)));
  // An arm's name wraps to about the width of its values (at least 120 px), so many arms leave room for the plot.
  const valueWidth = (k: number): number => Math.max(...values.map((v) => textWidth(v[k] ?? '', s)));
  const headerLines = arms.map((a, k) => wrapText(a.label, { maxWidth: Math.max(120, valueWidth(k)) - SYMBOL, fontSize: f, bold: true, maxLines: 3 }));
  const colWidths = arms.map((a, k) => Math.ceil(Math.max(SYMBOL + linesWidth(headerLines[k]!, f, true), ...values.map((v) => textWidth(v[k] ?? '', s)))));
  const valuesWidth = colWidths.reduce((sum, w) => sum + w + GAP, 0);
  const plotWanted = 300;
  const labelMax = Math.max(220, CANVAS_WIDTH - PAD_X - GAP - valuesWidth - plotWanted);
  const labels = rows.map((r) => wrapText(r.outcome.name, { maxWidth: labelMax, fontSize: f, bold: isPrimary(r.outcome), maxLines: 3 }));
  const labelWidth = Math.ceil(Math.max(textWidth('Outcome', f, true), ...labels.map((l, i) => linesWidth(l, f, isPrimary(rows[i]!.outcome)))));

  const texts: JsonObject[] = [];
  const dots: JsonObject[] = [];
  const spans: JsonObject[] = [];
  const symbols: JsonObject[] = [];
  const text = (column: string, dx: number, top: number, height: number, lines: readonly string[], size: number, bold: boolean, color: string): void => {
    texts.push({ column, dx, y: top + height / 2, dy: (-(lines.length - 1) * lh) / 2, text: lines.join('\n'), size, bold, color });
  };
  const colX = colWidths.map((_, k) => GAP + colWidths.slice(0, k).reduce((sum, w) => sum + w + GAP, 0));

  const headH = Math.max(...headerLines.map((l) => l.length)) * lh + 8;
  text('label', 0, 0, headH, ['Outcome'], f, true, theme.mutedColor);
  arms.forEach((a, k) => {
    text('value', colX[k]! + SYMBOL, 0, headH, headerLines[k]!, f, true, theme.textColor);
    symbols.push({ dx: colX[k]! + 9, y: headH / 2, color: a.color, shape: armShape(a.index) });
  });
  let y = headH;
  rows.forEach((r, i) => {
    const h = labels[i]!.length * lh + rowPad;
    text('label', 0, y, h, labels[i]!, f, isPrimary(r.outcome), theme.textColor);
    r.cells.forEach((c, k) => {
      text('value', colX[k]!, y, h, [values[i]![k]!], s, false, theme.textColor);
      // Arms a few px apart vertically, so equal rates show both dots instead of one hiding the other.
      dots.push({ y: y + h / 2 + (k - (r.cells.length - 1) / 2) * 7, percent: c.percent, color: c.arm.color, shape: armShape(c.arm.index) });
    });
    const ps = r.cells.map((c) => c.percent);
    spans.push({ y: y + h / 2, lo: Math.min(...ps), hi: Math.max(...ps) });
    y += h;
  });

  const maxPct = Math.max(...rows.flatMap((r) => r.cells.map((c) => c.percent)), 1);
  const xMax = Math.min(100, Math.ceil((maxPct * 1.04) / 5) * 5);
  // Under the rows: tick labels, axis title, source line, paddings.
  const below = 8 + 5 + 2 + s + 10 + lh + 16 + Math.round(s * 1.2) + 8 + 4;
  const alt =
    `Dot plot of the percentage of patients with each of ${rows.length} binary outcome${rows.length === 1 ? '' : 's'}, one dot per arm (${armsPhrase(arms)}). ` +
    rows.map((r) => `${r.outcome.name}: ${r.cells.map((c) => `${c.arm.label} ${percentLabel(c.q, c.percent)}`).join(', ')}`).join('; ') + '.';

  return {
    id: 'event-rates',
    title: 'Event rates by arm',
    alt,
    width: CANVAS_WIDTH,
    height: Math.round(y + below),
    datasets: { dots, spans, texts, symbols },
    params: {
      ...commonParams(trial, theme),
      xDomain: [0, xMax],
      xTicks: percentTicks(xMax),
      yDomain: [0, y],
      axisTitle: 'Patients with the outcome (%)',
      labelX: -(labelWidth + GAP),
      gridColor: theme.gridColor,
    },
  };
}

export function buildEventRatesChart(trial: Trial, theme: ChartTheme): ChartSpecInput | null {
  const arms = armsOf(trial, theme);
  const rows = trial.results.map((o) => binaryRow(o, arms)).filter((r): r is BinaryRow => r !== undefined);
  if (rows.length === 0) return null;
  // The roomiest layout that fits the slide: tighter rows, then the smallest legible labels.
  let last: ChartSpecInput | undefined;
  for (const t of [theme, { ...theme, fontSize: MIN_FONT_SIZE }]) {
    for (const pad of [14, 10, 6]) {
      last = draw(trial, t, rows, pad);
      if (last.height <= MAX_CANVAS_HEIGHT) return last;
    }
  }
  return last!;
}
