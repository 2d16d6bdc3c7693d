// Forest plot of every reported ratio (RR/OR/HR/sHR) with a confidence
// interval, grouped by comparison and by direction of benefit (forest-rows.ts).
// Each group opens with a heading line ("Lower is better") whose plot part
// says which side favours which arm; each row names its measure and CI level;
// an outcome with a non-inferiority margin gets a margin line.
//
// Two drawings: `slide` (label | plot | estimate columns, the full chart-slide
// body) and `beside` (the estimate under the label, for the ~55% column beside
// a table). Positions are computed here in px (y counts px from the top of
// the rows), so rows can have the height their wrapped labels need.
import type { Trial } from '../trial/schema.js';
import { comparisonLabel } from '../trial/comparisons.js';
import { MIN_FONT_SIZE, smallFontSize, type ChartTheme } from './chart-theme.js';
import { BESIDE_WIDTH, CANVAS_WIDTH, commonParams, fmtRatio, isPrimary, lineHeight, MAX_CANVAS_HEIGHT } from './chart-data.js';
import { forestGroups, forestRows, groupHeading, logDomain, marginLines, marginNote, rowLabel, sideLabels, type ForestGroup, type ForestRow } from './forest-rows.js';
import type { JsonObject } from './prepare-spec.js';
import { linesWidth, textWidth, wrapText } from './text-metrics.js';
import type { ChartDrawing, ChartSpecInput } from './spec-files.js';

export { logDomain, sideLabels } from './forest-rows.js';

const PAD_X = 24; // template padding left + right
const GAP = 24;
const levelText = (l: number): string => `${Math.round(l * 1000) / 10}% CI`;

interface Layout {
  width: number;
  /** Where the estimate text goes: its own column, under the label, or nowhere (beside a table that prints it). */
  estimates: 'column' | 'below' | 'none';
  rowPad: number;
  groupGap: number;
  /** A line under the source: what the drawing leaves out. */
  note?: string;
}

function estimateText(r: ForestRow, sameLevel: boolean): string {
  return `${r.measure} ${fmtRatio(r.estimate)} (${fmtRatio(r.lower)}\u2013${fmtRatio(r.upper)})${sameLevel ? '' : `, ${levelText(r.level)}`}`;
}

/** "sHR 1.02 (95% CI 0.74 to 1.39)" for the alt text. */
function spokenEstimate(r: ForestRow): string {
  return `${r.measure} ${fmtRatio(r.estimate)} (${levelText(r.level)} ${fmtRatio(r.lower)} to ${fmtRatio(r.upper)})`;
}

function draw(trial: Trial, theme: ChartTheme, groups: readonly ForestGroup[], layout: Layout): ChartDrawing {
  const rows = groups.flatMap((g) => g.rows);
  const f = theme.fontSize;
  const s = smallFontSize(theme);
  const lh = lineHeight(theme);
  const slh = Math.round(s * 1.15);
  const manyComparisons = namesComparisons(trial, groups);
  const sameLevel = new Set(rows.map((r) => r.level)).size === 1;
  const estimateHeader = sameLevel ? `Ratio (${levelText(rows[0]!.level)})` : 'Ratio (CI)';
  const estimates = rows.map((r) => estimateText(r, sameLevel));
  const sides = groups.map((g) => sideLabels(trial, g.comparison, g.benefit));

  // Columns: the plot wants room for the widest side label on each side of 1.
  const sideNeed = Math.max(...sides.flatMap((sd) => [sd.lower, sd.higher]).map((t) => textWidth(t, s))) + 12;
  const column = layout.estimates === 'column';
  const estimateWidth = !column ? 0 : Math.ceil(Math.max(...[estimateHeader, ...estimates].map((t) => textWidth(t, f, t === estimateHeader))));
  const fixedX = PAD_X + GAP + (column ? GAP + estimateWidth : 0);
  // …and at least the widest single word of a side label on each side (words are never broken).
  const sideWord = Math.max(...sides.flatMap((sd) => `${sd.lower} ${sd.higher}`.split(/\s+/)).map((w) => textWidth(w, s)));
  const plotWanted = Math.max(column ? 380 : 260, Math.min(2 * sideNeed, layout.width * 0.45), 2 * (sideWord + 24));
  const labelMax = Math.max(200, layout.width - fixedX - plotWanted);
  const maxLines = column ? 3 : 4;
  const wrap = (t: string, size: number, bold: boolean): string[] => wrapText(t, { maxWidth: labelMax, fontSize: size, bold, maxLines });
  const labelLines = rows.map((r) => wrap(rowLabel(r), f, isPrimary(r.outcome)));
  const belowLines = estimates.map((e) => wrap(e, s, false));
  const headings = groups.map((g) => wrap(groupHeading(trial, g, manyComparisons), f, true));
  const labelWidth = Math.ceil(Math.max(
    ...labelLines.map((l, i) => linesWidth(l, f, isPrimary(rows[i]!.outcome))),
    ...headings.map((h) => linesWidth(h, f, true)),
    ...(layout.estimates === 'below' ? belowLines.map((l) => linesWidth(l, s)) : []),
    textWidth('Outcome', f, true),
  ));
  const plotWidth = layout.width - fixedX - labelWidth;
  const sideMax = plotWidth / 2 - 12;
  const sideText = sides.map((sd) => [sd.lower, sd.higher].map((t) => wrapText(t, { maxWidth: sideMax, fontSize: s, maxLines: 8 })));

  // Rows, top to bottom, in px.
  const texts: JsonObject[] = [];
  const sideData: JsonObject[] = [];
  const marks: JsonObject[] = [];
  const margins: JsonObject[] = [];
  const marginNotes: JsonObject[] = [];
  const text = (column: string, top: number, height: number, lines: readonly string[], size: number, lineH: number, bold: boolean, color: string): void => {
    texts.push({ column, y: top + height / 2, dy: (-(lines.length - 1) * lineH) / 2, text: lines.join('\n'), size, bold, color });
  };
  let y = 0;
  text('label', y, lh + 6, ['Outcome'], f, lh, true, theme.mutedColor);
  if (column) text('estimate', y, lh + 6, [estimateHeader], f, lh, true, theme.mutedColor);
  y += lh + 6;
  const top = y;
  let index = 0;
  groups.forEach((g, gi) => {
    const [lower, higher] = sideText[gi] ?? [[], []];
    const headH = Math.max(headings[gi]!.length * lh, Math.max(lower!.length, higher!.length) * slh) + 8;
    text('label', y, headH, headings[gi]!, f, lh, true, theme.mutedColor);
    for (const [side, lines] of [['lower', lower!], ['higher', higher!]] as const) {
      sideData.push({ side, ratio: 1, y: y + headH / 2, dy: (-(lines.length - 1) * slh) / 2, text: lines.join('\n') });
    }
    y += headH;
    for (const r of g.rows) {
      const label = labelLines[index]!;
      const below = layout.estimates === 'below' ? belowLines[index]! : [];
      const h = label.length * lh + below.length * slh + layout.rowPad;
      const primary = isPrimary(r.outcome);
      if (below.length > 0) {
        text('label', y, label.length * lh + layout.rowPad / 2, label, f, lh, primary, theme.textColor);
        text('label', y + label.length * lh + layout.rowPad / 2, below.length * slh, below, s, slh, false, theme.mutedColor);
      } else {
        text('label', y, h, label, f, lh, primary, theme.textColor);
        if (column) text('estimate', y, h, [estimates[index]!], f, lh, false, theme.textColor);
      }
      marks.push({
        y: y + (below.length > 0 ? (label.length * lh + layout.rowPad / 2) / 2 : h / 2),
        estimate: r.estimate, lower: r.lower, upper: r.upper,
        color: primary ? theme.accent : theme.textColor, shape: primary ? 'diamond' : 'square', size: primary ? 360 : 170,
      });
      for (const m of marginLines(r)) margins.push({ ratio: m, y, y2: y + h });
      y += h;
      index++;
      // The note goes right under the last row of a run with the same margin, the line running into it.
      const next = g.rows[g.rows.indexOf(r) + 1];
      if (r.margin !== undefined && (next?.margin !== r.margin || next.equivalence !== r.equivalence)) {
        marginNotes.push({ ratio: r.margin, y: y + (slh + 6) / 2, text: marginNote(r) });
        for (const m of marginLines(r)) margins.push({ ratio: m, y, y2: y + 3 });
        y += slh + 6;
      }
    }
    y += layout.groupGap;
  });
  const yMax = y;

  const measures = [...new Set(rows.map((r) => r.measure))];
  const comparisonsText = manyComparisons ? '' : groups[0]?.comparison ? `, ${comparisonLabel(trial, groups[0].comparison)}` : '';
  const axisTitle = wrapText(`${measures.join(' / ')}${comparisonsText} (log scale)`, { maxWidth: plotWidth - 8, fontSize: f, maxLines: 3 });
  const lines = rows.flatMap(marginLines);
  const { domain, ticks } = logDomain([...rows.map((r) => r.lower), ...lines], [...rows.map((r) => r.upper), ...lines]);
  // Under the rows: tick labels, the axis title, the source line, paddings.
  const below = 12 + 5 + 2 + s + 10 + axisTitle.length * lh + 16 + Math.round(s * 1.2) * (layout.note ? 2 : 1) + 8 + 4;

  return {
    width: layout.width,
    height: Math.round(yMax + below),
    datasets: {
      marks,
      texts,
      sides: sideData,
      reference: [{ ratio: 1, y: top, y2: yMax - layout.groupGap }],
      margins,
      marginNotes,
    },
    params: {
      ...commonParams(trial, theme),
      ...(layout.note ? { sourceLine: [String(commonParams(trial, theme).sourceLine), layout.note] } : {}),
      smallLineHeight: slh,
      xDomain: domain,
      xTicks: ticks,
      yDomain: [0, yMax],
      axisTitle,
      labelX: -(labelWidth + GAP),
      estimateGap: GAP,
    },
  };
}

/** Group headings name the comparison when the trial has more than one (or more than two arms). */
function namesComparisons(trial: Trial, groups: readonly ForestGroup[]): boolean {
  return trial.arms.length > 2 || new Set(groups.map((g) => (g.comparison ? `${g.comparison.arm}/${g.comparison.vs}` : ''))).size > 1;
}

export function buildForestChart(trial: Trial, theme: ChartTheme): ChartSpecInput | null {
  const rows = forestRows(trial);
  if (rows.length === 0) return null;
  const groups = forestGroups(trial, rows);
  // The roomiest layout that fits the box: tighter rows first, then the
  // smallest legible label size, then (beside a table only) no estimate text.
  const fit = (width: number, estimates: readonly Layout['estimates'][], shown: readonly ForestGroup[], note?: string): ChartDrawing | undefined => {
    for (const e of estimates) {
      for (const t of [theme, { ...theme, fontSize: MIN_FONT_SIZE }]) {
        for (const [rowPad, groupGap] of [[12, 10], [8, 6], [4, 2]] as const) {
          const d = draw(trial, t, shown, { width, estimates: e, rowPad, groupGap, note });
          if (d.height <= MAX_CANVAS_HEIGHT) return d;
        }
      }
    }
    return undefined;
  };
  // The slide drawing shows every row (if it cannot fit, the legibility test says so).
  const slide = fit(CANVAS_WIDTH, ['column'], groups) ?? draw(trial, { ...theme, fontSize: MIN_FONT_SIZE }, groups, { width: CANVAS_WIDTH, estimates: 'column', rowPad: 4, groupGap: 2 });
  const beside = fitBeside(trial, groups, (shown, note) => fit(BESIDE_WIDTH, ['below', 'none'], shown, note));

  const ordered = groups.flatMap((g) => g.rows);
  const phrase = [...new Set(ordered.map((r) => (r.comparison ? comparisonLabel(trial, r.comparison) : 'comparison not stated')))].join('; ');
  const alt =
    `Forest plot of ${ordered.length} ratio estimate${ordered.length === 1 ? '' : 's'} (${phrase}) on a log scale, ` +
    `in ${groups.length} group${groups.length === 1 ? '' : 's'} by comparison and direction of benefit. ` +
    groups.map((g) => {
      const sd = sideLabels(trial, g.comparison, g.benefit);
      const lowSide = sd.lower.replace('\u2190 ', '');
      const head = `${groupHeading(trial, g, namesComparisons(trial, groups))} (ratios below 1: ${lowSide[0]!.toLowerCase()}${lowSide.slice(1)})`;
      return `${head}: ${g.rows.map((r) => `${rowLabel(r)}${isPrimary(r.outcome) && !/primary/i.test(r.outcome.name) ? ' (primary)' : ''}: ${spokenEstimate(r)}${r.margin ? `, ${r.equivalence ? 'equivalence' : 'non-inferiority'} margin ${fmtRatio(r.margin)}` : ''}`).join('; ')}.`;
    }).join(' ');

  return { id: 'forest', title: 'Ratio outcomes (forest plot)', alt, ...slide, ...(beside ? { beside } : {}) };
}

/**
 * Beside a table the column is too narrow for many rows at a legible size.
 * Keep the rows a reader needs most (the primary, then intervals that exclude
 * 1, then table order) and say under the chart how many are in the full plot.
 */
function fitBeside(
  trial: Trial,
  groups: readonly ForestGroup[],
  fit: (shown: readonly ForestGroup[], note?: string) => ChartDrawing | undefined,
): ChartDrawing | undefined {
  const all = groups.flatMap((g) => g.rows);
  const rank = (r: ForestRow): number => (isPrimary(r.outcome) ? 0 : r.lower > 1 || r.upper < 1 || r.margin !== undefined ? 1 : 2);
  const priority = [...all].sort((a, b) => rank(a) - rank(b) || all.indexOf(a) - all.indexOf(b));
  for (let keep = all.length; keep >= 1; keep--) {
    const kept = new Set(priority.slice(0, keep));
    const shown = groups.map((g) => ({ ...g, rows: g.rows.filter((r) => kept.has(r)) })).filter((g) => g.rows.length > 0);
    const left = all.length - keep;
    const d = fit(shown, left > 0 ? `${left} more ratio outcome${left === 1 ? '' : 's'}: see the full forest plot` : undefined);
    if (d) return d;
  }
  return undefined;
}
