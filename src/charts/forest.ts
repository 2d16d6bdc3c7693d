// Forest plot of every outcome with a reported ratio effect (RR/OR/HR/sHR)
// and a confidence interval.
//
// Which side "favours" which arm: a ratio compares arm 1 with arm 2, so below
// 1 always means "lower with arm 1". Whether lower is *better* depends on the
// outcome (fewer deaths is good, less weaning is bad). Only when every row
// declares the same `benefit` do the sides say "Favours <arm>"; otherwise they
// say "Lower with <arm 1>" / "Higher with <arm 1>", which is never wrong.
import type { Outcome, Trial } from '../trial/schema.js';
import type { ChartTheme } from './chart-theme.js';
import {
  armsOf, armsPhrase, CANVAS_WIDTH, commonParams, fmtRatio, isPrimary, labelColumn,
  lineHeight, MAX_CANVAS_HEIGHT, type ArmInfo,
} from './chart-data.js';
import { textWidth, wrapText } from './text-metrics.js';
import type { ChartSpecInput } from './spec-files.js';

const RATIO_MEASURES = ['RR', 'OR', 'HR', 'sHR'] as const;
type RatioMeasure = (typeof RATIO_MEASURES)[number];

interface RatioRow {
  outcome: Outcome;
  measure: RatioMeasure;
  estimate: number;
  lower: number;
  upper: number;
  level: number;
}

function ratioRow(o: Outcome): RatioRow | undefined {
  const e = o.effect;
  if (!e || !e.reported || e.estimate === undefined || !e.ci) return undefined;
  if (!(RATIO_MEASURES as readonly string[]).includes(e.measure)) return undefined;
  const { lower, upper, level } = e.ci;
  // A log axis cannot show zero or negative ratios; such a row is bad data, not a chart.
  if (!(e.estimate > 0 && lower > 0 && upper > 0)) return undefined;
  return { outcome: o, measure: e.measure as RatioMeasure, estimate: e.estimate, lower, upper, level };
}

export interface SideLabels {
  lower: string;
  higher: string;
  /** True when the sides name the arm each side favours. */
  favours: boolean;
}

export function sideLabels(rows: readonly Pick<Outcome, 'benefit'>[], arms: readonly Pick<ArmInfo, 'label'>[]): SideLabels {
  const [a, b] = [arms[0]?.label ?? 'arm 1', arms[1]?.label ?? 'arm 2'];
  const benefits = new Set(rows.map((r) => r.benefit));
  const only = benefits.size === 1 ? [...benefits][0] : undefined;
  if (only === 'lower') return { lower: `\u2190 Favours ${a}`, higher: `Favours ${b} \u2192`, favours: true };
  if (only === 'higher') return { lower: `\u2190 Favours ${b}`, higher: `Favours ${a} \u2192`, favours: true };
  return { lower: `\u2190 Lower with ${a}`, higher: `Higher with ${a} \u2192`, favours: false };
}

/**
 * A log domain symmetric around 1 (so both side labels get half the plot)
 * that contains every interval, with readable ticks.
 */
export function logDomain(lows: readonly number[], highs: readonly number[]): { domain: [number, number]; ticks: number[] } {
  const need = Math.max(...highs, ...lows.map((l) => 1 / l), 1) * 1.05;
  // 1-2-5 steps up to 20, then whole powers of ten so ticks stay evenly spread.
  const edge = [2, 4, 5, 10, 20].find((e) => e >= need) ?? 10 ** Math.ceil(Math.log10(need));
  // Round numbers on both sides (0.75 rather than 1/1.5 = 0.667).
  const below: Record<number, number[]> = { 2: [0.5, 0.75], 4: [0.25, 0.5] };
  const above: Record<number, number[]> = { 2: [1.5, 2], 4: [2, 4] };
  const big: number[] = [];
  for (const t of edge <= 20 ? [2, 5, 10, 20] : [10, 100, 1000, 10000, 100000, 1000000]) if (t <= edge) big.push(t);
  const ticks = [...(below[edge] ?? big.map((t) => Number((1 / t).toPrecision(3))).reverse()), 1, ...(above[edge] ?? big)];
  return { domain: [1 / edge, edge], ticks };
}

const LABEL_MAX_WIDTH = 400;
const PAD_X = 24; // template padding left + right
const GAP = 28;

export function buildForestChart(trial: Trial, theme: ChartTheme): ChartSpecInput | null {
  const rows = trial.results.map(ratioRow).filter((r): r is RatioRow => r !== undefined);
  if (rows.length === 0) return null;
  const arms = armsOf(trial, theme);
  const f = theme.fontSize;

  const sameMeasure = new Set(rows.map((r) => r.measure)).size === 1;
  const sameLevel = new Set(rows.map((r) => r.level)).size === 1;
  const levelText = (l: number): string => `${Math.round(l * 1000) / 10}% CI`;
  const estimateText = (r: RatioRow): string =>
    `${sameMeasure ? '' : `${r.measure} `}${fmtRatio(r.estimate)} (${fmtRatio(r.lower)}\u2013${fmtRatio(r.upper)})${sameLevel ? '' : ` ${levelText(r.level)}`}`;
  const estimateHeader = `${sameMeasure ? rows[0]!.measure : 'Ratio'} (${sameLevel ? levelText(rows[0]!.level) : 'CI'})`;

  const labels = labelColumn(rows.map((r) => ({ text: r.outcome.name, bold: isPrimary(r.outcome) })), theme, LABEL_MAX_WIDTH);
  const estimateWidth = Math.ceil(Math.max(...[estimateHeader, ...rows.map(estimateText)].map((t) => textWidth(t, f, t === estimateHeader))));
  const plotWidth = CANVAS_WIDTH - PAD_X - labels.width - GAP - GAP - estimateWidth;

  // Side labels get half the plot each (the domain is symmetric around 1).
  const sides = sideLabels(rows.map((r) => r.outcome), arms);
  const sideMax = plotWidth / 2 - 14;
  const wrapSide = (t: string): string => wrapText(t, { maxWidth: sideMax, fontSize: f, maxLines: 2 }).join('\n');
  const sideLines = Math.max(...[sides.lower, sides.higher].map((t) => wrapText(t, { maxWidth: sideMax, fontSize: f }).length));

  const measures = [...new Set(rows.map((r) => r.measure))];
  const axisTitle = `${measures.join(' / ')}, ${armsPhrase(arms.slice(0, 2))} (log scale)`;
  const axisTitleLines = wrapText(axisTitle, { maxWidth: plotWidth - 8, fontSize: f, maxLines: 3 });
  const { domain, ticks } = logDomain(rows.map((r) => r.lower), rows.map((r) => r.upper));

  // Rows share what the canvas leaves after the header, axis, side labels and source line.
  const lh = lineHeight(theme);
  const fixed = 42 + 94 + (sideLines + axisTitleLines.length) * lh;
  const minRow = labels.maxLines * lh + 6;
  const rowHeight = Math.max(minRow, Math.min(48, (MAX_CANVAS_HEIGHT - fixed) / rows.length));
  const height = Math.round(fixed + rows.length * rowHeight);

  const rowData = rows.map((r, order) => {
    const primary = isPrimary(r.outcome);
    const est = `${r.measure} ${fmtRatio(r.estimate)} (${levelText(r.level)} ${fmtRatio(r.lower)} to ${fmtRatio(r.upper)})`;
    return {
      order, primary, label: labels.texts[order] ?? r.outcome.name,
      // Centres a wrapped label on its row (vega anchors the first line).
      dy: -((labels.texts[order] ?? '').split('\n').length - 1) * lh / 2,
      estimate: r.estimate, lower: r.lower, upper: r.upper,
      estimateText: estimateText(r),
      color: primary ? theme.accent : theme.textColor,
      shape: primary ? 'diamond' : 'square',
      size: primary ? 320 : 150,
      description: `${r.outcome.name}${primary && !/primary/i.test(r.outcome.name) ? ' (primary)' : ''}: ${est}`,
    };
  });

  const alt =
    `Forest plot of ${rows.length} ratio outcome${rows.length === 1 ? '' : 's'} for ${armsPhrase(arms.slice(0, 2))} on a log scale; ` +
    `ratios below 1 mean ${sides.lower.replace('\u2190 ', '').replace(/^L/, 'l').replace(/^F/, 'f')}. ` +
    rowData.map((r) => r.description).join('; ') + '.';

  return {
    id: 'forest',
    title: 'Ratio outcomes (forest plot)',
    alt,
    width: CANVAS_WIDTH,
    height,
    datasets: {
      rows: rowData,
      reference: [{ ratio: 1, description: 'Reference line at ratio 1 (no difference)' }],
      sides: [
        { side: 'lower', ratio: 1, text: wrapSide(sides.lower) },
        { side: 'higher', ratio: 1, text: wrapSide(sides.higher) },
      ],
      headers: [
        { column: 'label', text: 'Outcome' },
        { column: 'estimate', text: estimateHeader },
      ],
    },
    params: {
      ...commonParams(trial, theme),
      xDomain: domain,
      xTicks: ticks,
      // Centred under the plot: wrapped to its width rather than running off the canvas.
      axisTitle: axisTitleLines,
      labelX: -(labels.width + GAP),
      estimateGap: GAP,
      sidesY: 30,
      axisTitlePadding: 14 + sideLines * lh,
    },
  };
}
