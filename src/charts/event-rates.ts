// Event rates by arm: the percentage of patients with each binary outcome
// (events, counts with a percentage, or bare percentages), as grouped bars.
import type { Outcome, Quantity, Trial } from '../trial/schema.js';
import { smallFontSize, type ChartTheme } from './chart-theme.js';
import {
  armsOf, armsPhrase, CANVAS_WIDTH, commonParams, isPrimary, labelColumn, legendLayout, lineHeight,
  MAX_CANVAS_HEIGHT, percentLabel, percentOf, type ArmInfo,
} from './chart-data.js';
import { textWidth } from './text-metrics.js';
import type { ChartSpecInput } from './spec-files.js';

interface BinaryRow {
  outcome: Outcome;
  cells: { arm: ArmInfo; q: Quantity; percent: number }[];
}

function binaryRow(o: Outcome, arms: readonly ArmInfo[]): BinaryRow | undefined {
  const cells = arms.flatMap((arm) => {
    const q = o.arms[arm.id];
    const percent = percentOf(q);
    return q && percent !== undefined ? [{ arm, q, percent }] : [];
  });
  // Every arm must have a rate, or the bars would compare unlike things.
  return cells.length === arms.length ? { outcome: o, cells } : undefined;
}

/** Axis ticks every 5, 10 or 20 points, never past 100%. */
function percentTicks(max: number): number[] {
  const step = max > 50 ? 20 : max > 20 ? 10 : 5;
  const ticks: number[] = [];
  for (let t = 0; t <= Math.min(max, 100) + 1e-9; t += step) ticks.push(t);
  return ticks;
}

const LABEL_MAX_WIDTH = 380;
const GAP = 28;

export function buildEventRatesChart(trial: Trial, theme: ChartTheme): ChartSpecInput | null {
  const arms = armsOf(trial, theme);
  const rows = trial.results.map((o) => binaryRow(o, arms)).filter((r): r is BinaryRow => r !== undefined);
  if (rows.length === 0) return null;

  const labels = labelColumn(rows.map((r) => ({ text: r.outcome.name, bold: isPrimary(r.outcome) })), theme, LABEL_MAX_WIDTH);
  const lh = lineHeight(theme);
  const bars = rows.flatMap((r, order) =>
    r.cells.map((c) => ({ order, arm: c.arm.label, armIndex: c.arm.index, percent: c.percent, valueText: percentLabel(c.q, c.percent) })),
  );

  // Leave room right of the longest bar for its value label.
  const plotWidth = CANVAS_WIDTH - 24 - labels.width - GAP;
  const valueWidth = Math.max(...bars.map((b) => textWidth(b.valueText, smallFontSize(theme)))) + 12;
  const maxPct = Math.max(...bars.map((b) => b.percent), 1);
  const xMax = Math.ceil((maxPct * plotWidth) / Math.max(plotWidth - valueWidth, plotWidth / 2) / 5) * 5;

  const legend = legendLayout(arms.map((a) => a.label), theme);
  const fixed = 118 + legend.height;
  const minRow = Math.max(labels.maxLines * lh + 6, arms.length * 16);
  const rowHeight = Math.max(minRow, Math.min(56, (MAX_CANVAS_HEIGHT - fixed) / rows.length));
  const height = Math.round(fixed + rows.length * rowHeight);

  const alt =
    `Grouped bar chart of the percentage of patients with each of ${rows.length} binary outcome${rows.length === 1 ? '' : 's'}, ${armsPhrase(arms)}. ` +
    rows.map((r) => `${r.outcome.name}: ${r.cells.map((c) => `${c.arm.label} ${percentLabel(c.q, c.percent)}`).join(', ')}`).join('; ') + '.';

  return {
    id: 'event-rates',
    title: 'Event rates by arm',
    alt,
    width: CANVAS_WIDTH,
    height,
    datasets: {
      bars,
      labels: rows.map((r, order) => {
        const label = labels.texts[order] ?? r.outcome.name;
        return { order, label, primary: isPrimary(r.outcome), dy: (-(label.split('\n').length - 1) * lh) / 2 };
      }),
    },
    params: {
      ...commonParams(trial, theme),
      armLabels: arms.map((a) => a.label),
      xDomain: [0, xMax],
      xTicks: percentTicks(xMax),
      axisTitle: 'Patients with the outcome (%)',
      labelX: -(labels.width + GAP),
      legendColumns: legend.columns,
      legendX: -(labels.width + GAP),
      legendY: -(legend.height + 14),
      // Fit autosize ignores free-floating legends: reserve their room as top padding.
      legendSpace: legend.height + 14,
    },
  };
}
