// Continuous outcomes by arm: median and IQR (or mean ± SD) per arm, one row
// per outcome. Outcomes in different units cannot share an axis, so each unit
// gets its own panel with its own axis; the template draws those axes from
// data (grid, ticks, axes) because one Vega-Lite view has only one x scale.
import type { Effect, Outcome, Quantity, Trial } from '../trial/schema.js';
import { MIN_FONT_SIZE, smallFontSize, type ChartTheme } from './chart-theme.js';
import {
  armsOf, armsPhrase, CANVAS_WIDTH, commonParams, fmtNumber, isPrimary, labelColumn, legendLayout, lineHeight,
  MAX_CANVAS_HEIGHT, type ArmInfo,
} from './chart-data.js';
import { linesWidth, textWidth } from './text-metrics.js';
import type { JsonObject } from './prepare-spec.js';
import type { ChartSpecInput } from './spec-files.js';

type Spread = Extract<Quantity, { kind: 'median' } | { kind: 'mean' }>;
interface Cell { arm: ArmInfo; q: Spread; center: number; lower: number; upper: number }
interface Row { outcome: Outcome; unit: string; cells: Cell[] }

const UNIT_WORDS = /\b(days?|hours?|minutes?|weeks?|months?|years?)\b/i;
/** A time word in a name, but not a time point ("at Week 16", "by day 30", "2 hour glucose"): that is when, not the unit. */
const NAME_UNIT = /(?<!\d[\s-]*)\b(days?|hours?|minutes?|weeks?|months?|years?)\b(?!\s*\d)/i;

/** The unit an outcome is measured in: given on the cells or effect, else a time word in its name. */
export function unitOf(o: Pick<Outcome, 'name' | 'effect' | 'unit'>, cells: readonly Spread[]): string {
  const given = o.unit ?? cells.find((q) => q.unit)?.unit ?? (o.effect?.unit && o.effect.unit !== '%' ? o.effect.unit : undefined);
  const raw = given ?? NAME_UNIT.exec(o.name)?.[1] ?? '';
  // Time words read as plurals ("Day" → "days"); other units keep their case (g/dL, mmHg).
  const lower = raw.toLowerCase();
  if (/^(day|hour|minute|week|month|year)$/.test(lower)) return `${lower}s`;
  return UNIT_WORDS.test(raw) && /^[a-z]+$/i.test(raw) ? lower : raw;
}

function cellOf(arm: ArmInfo, q: Quantity | undefined): Cell | undefined {
  if (q?.kind === 'median') {
    const [lo, hi] = q.iqr ?? [q.median, q.median];
    return { arm, q, center: q.median, lower: lo, upper: hi };
  }
  if (q?.kind === 'mean') {
    const sd = q.sd ?? 0;
    return { arm, q, center: q.mean, lower: q.mean - sd, upper: q.mean + sd };
  }
  return undefined;
}

function valueText(c: Cell): string {
  if (c.q.kind === 'median') return c.q.iqr ? `${fmtNumber(c.q.median)} (${fmtNumber(c.q.iqr[0])}\u2013${fmtNumber(c.q.iqr[1])})` : fmtNumber(c.q.median);
  return c.q.sd !== undefined ? `${fmtNumber(c.q.mean)} (SD ${fmtNumber(c.q.sd)})` : fmtNumber(c.q.mean);
}

function describeCell(c: Cell): string {
  if (c.q.kind === 'median') return `median ${fmtNumber(c.q.median)}${c.q.iqr ? ` (IQR ${fmtNumber(c.q.iqr[0])} to ${fmtNumber(c.q.iqr[1])})` : ''}`;
  return `mean ${fmtNumber(c.q.mean)}${c.q.sd !== undefined ? ` (SD ${fmtNumber(c.q.sd)})` : ''}`;
}

const DIFF_NAMES: Partial<Record<Effect['measure'], string>> = { MD: 'Mean', MedD: 'Median', RMD: 'Restricted mean' };

const levelText = (l: number): string => `${Math.round(l * 1000) / 10}% CI`;

/**
 * "Mean −7 (−12 to −2)" as its two natural lines, estimate then interval, so a
 * narrow column can stack them; the CI level is added when the rows do not
 * share one (a 90% CI stays 90%).
 */
function effectLines(e: Effect | undefined, sharedLevel: number | undefined): string[] | undefined {
  const name = e?.measure ? DIFF_NAMES[e.measure] : undefined;
  if (!e || !e.reported || !name || e.estimate === undefined) return undefined;
  const ci = e.ci ? `(${fmtNumber(e.ci.lower)} to ${fmtNumber(e.ci.upper)}${e.ci.level === sharedLevel ? '' : `, ${levelText(e.ci.level)}`})` : undefined;
  return [`${name} ${fmtNumber(e.estimate)}`, ...(ci ? [ci] : [])];
}

/** "median −1 (95% CI −2 to 1)" for the alt text. */
function spokenEffect(e: Effect | undefined): string {
  const name = (e?.measure ? DIFF_NAMES[e.measure] : undefined) ?? '';
  if (!e || e.estimate === undefined) return '';
  return `${name.toLowerCase()} ${fmtNumber(e.estimate)}${e.ci ? ` (${levelText(e.ci.level)} ${fmtNumber(e.ci.lower)} to ${fmtNumber(e.ci.upper)})` : ''}`;
}

/** About five round ticks (steps of 1, 2 or 5 × 10^k) covering [min, max]. */
export function niceTicks(min: number, max: number): number[] {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= Math.ceil(max / step) * step + step / 1e6; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

const LABEL_MAX_WIDTH = 360;
const GAP = 28;
/** Room under each panel's axis for tick labels and the unit title, in px. */
const AXIS_BLOCK = 64;
/** Narrowest value axis worth drawing: the intervals must still be comparable by eye. */
const MIN_PLOT_WIDTH = 260;
/** Left + right padding of the template. */
const PAD_X = 24;

/** A column's lines: on one line when the canvas has room, else stacked (never cut). */
interface Column { lines: string[][]; width: number; maxLines: number }

function column(texts: readonly (readonly string[])[], stacked: boolean, size: number, bold = false): Column {
  const lines = texts.map((t) => (stacked ? [...t] : [t.join(' ')]));
  const width = Math.ceil(lines.reduce((m, l) => Math.max(m, linesWidth(l, size, bold)), 0));
  return { lines, width, maxLines: lines.reduce((m, l) => Math.max(m, l.length), 1) };
}

/** The roomiest drawing of `rows` at `theme`'s sizes; its height says whether it fits the slide box. */
function draw(trial: Trial, theme: ChartTheme, rows: readonly Row[], note: string | undefined): ChartSpecInput {
  const arms = armsOf(trial, theme);
  const units = [...new Set(rows.map((r) => r.unit))];
  const ordered = units.flatMap((u) => rows.filter((r) => r.unit === u));

  const f = theme.fontSize;
  const small = smallFontSize(theme);
  const lh = lineHeight(theme);
  const allMedian = ordered.every((r) => r.cells.every((c) => c.q.kind === 'median'));
  const allMean = ordered.every((r) => r.cells.every((c) => c.q.kind === 'mean'));
  // Registry records often give means without an SD (LS means with SE): the header then says "Mean".
  const anySd = ordered.some((r) => r.cells.some((c) => c.q.kind === 'mean' && c.q.sd !== undefined));
  const valueHeader = allMedian ? 'Median (IQR)' : allMean ? (anySd ? 'Mean (SD)' : 'Mean') : 'Median (IQR) or mean (SD)';
  const levels = new Set(ordered.flatMap((r) => (r.outcome.effect?.ci ? [r.outcome.effect.ci.level] : [])));
  const sharedLevel = levels.size === 1 ? [...levels][0] : undefined;
  const effects = ordered.map((r) => effectLines(r.outcome.effect, sharedLevel));
  const hasEffects = effects.some((e) => e !== undefined);
  const effectHeader = sharedLevel === undefined ? ['Difference'] : ['Difference', `(${levelText(sharedLevel)})`];
  const valueHeaderLines = allMedian ? ['Median', '(IQR)'] : allMean ? (anySd ? ['Mean', '(SD)'] : ['Mean']) : ['Median (IQR)', 'or mean (SD)'];
  const valueWidth = Math.ceil(Math.max(...ordered.flatMap((r) => r.cells.map((c) => textWidth(valueText(c), small)))));

  // Columns right of the axis, measured: on one line while the outcome names
  // keep their 360 px column, else stacked so the names and the axis keep room.
  const right = (stacked: boolean): { value: Column; effect: Column; effectHead: Column; width: number } => {
    const value = column([stacked ? valueHeaderLines : [valueHeader]], stacked, f, true);
    const effectHead = column([effectHeader], stacked, f, true);
    const effect = column(effects.filter((e): e is string[] => e !== undefined), stacked, small);
    const valueCol = Math.max(value.width, valueWidth);
    const width = GAP + valueCol + (hasEffects ? GAP + Math.max(effect.width, effectHead.width) : 0);
    return { value: { ...value, width: valueCol }, effect, effectHead, width };
  };
  const room = (c: { width: number }): number => CANVAS_WIDTH - PAD_X - GAP - MIN_PLOT_WIDTH - c.width;
  const nameTexts = ordered.map((r) => ({ text: r.outcome.name, bold: isPrimary(r.outcome) }));
  let labels = labelColumn(nameTexts, theme, LABEL_MAX_WIDTH);
  const wide = right(false);
  const cols = room(wide) >= labels.width ? wide : right(true);
  // Names longer than two lines wrap onto as many as they need within the room left: never truncated, never past the canvas.
  if (labels.width > room(cols)) labels = labelColumn(nameTexts, theme, Math.max(120, room(cols)), 8);
  const effectIndex = new Map<number, string[]>();
  let k = 0;
  effects.forEach((e, i) => { if (e) effectIndex.set(i, cols.effect.lines[k++] ?? e); });
  const headLines = Math.max(cols.value.maxLines, hasEffects ? cols.effectHead.maxLines : 1);

  // Row height in px, then everything in row units (y) with x in 0..1 per panel.
  // Arms sit 0.44 of a row apart in all: their value texts must not touch.
  const armRow = arms.length === 1 ? 0 : Math.ceil(((arms.length - 1) * (small + 2)) / 0.44);
  const minRow = Math.max(labels.maxLines * lh + 8, cols.effect.maxLines * lh + 8, armRow, arms.length * 18 + 8);
  const legend = legendLayout(arms.map((a) => a.label), theme);
  const headerPx = 24 + (headLines - 1) * lh;
  const top = 8 + legend.height + 12 + headerPx; // padding, legend, gap, column headers
  const footer = 40 + (note ? lh : 0); // source line (and the note of rows left out)
  const fixedPx = top + footer + units.length * AXIS_BLOCK;
  const rowPx = Math.max(minRow, Math.min(64, (MAX_CANVAS_HEIGHT - fixedPx) / ordered.length));
  const axisUnits = AXIS_BLOCK / rowPx;

  const names = ['intervals', 'points', 'values', 'effects', 'labels', 'grid', 'ticks', 'axes', 'headers'] as const;
  const data = Object.fromEntries(names.map((n) => [n, [] as JsonObject[]])) as Record<(typeof names)[number], JsonObject[]>;
  // Multi-line headers sit on the header line with their last line (vega draws extra lines downwards).
  const header = (column: string, lines: readonly string[]): JsonObject => ({ column, y: 0, text: lines.join('\n'), dy: -(lines.length - 1) * lh });
  data.headers.push(header('label', ['Outcome']), header('value', cols.value.lines[0] ?? [valueHeader]));
  if (hasEffects) data.headers.push(header('effect', cols.effectHead.lines[0] ?? effectHeader));

  let cursor = 0;
  let index = 0;
  for (const unit of units) {
    const group = ordered.filter((r) => r.unit === unit);
    const values = group.flatMap((r) => r.cells.flatMap((c) => [c.lower, c.upper, c.center]));
    const min = Math.min(...values);
    const ticks = niceTicks(min >= 0 ? 0 : min, Math.max(...values));
    const [lo, hi] = [ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1];
    const nx = (v: number): number => (v - lo) / (hi - lo || 1);
    const first = cursor;
    group.forEach((r, i) => {
      const y0 = first + i;
      r.cells.forEach((c, a) => {
        const y = y0 + (arms.length === 1 ? 0.5 : 0.28 + (0.44 * a) / (arms.length - 1));
        data.intervals.push({ y, lower: nx(c.lower), upper: nx(c.upper), arm: c.arm.label });
        data.points.push({ y, x: nx(c.center), arm: c.arm.label });
        data.values.push({ y, text: valueText(c), arm: c.arm.label });
      });
      const label = labels.texts[index] ?? r.outcome.name;
      data.labels.push({ y: y0 + 0.5, label, primary: isPrimary(r.outcome), dy: (-(label.split('\n').length - 1) * lh) / 2 });
      const eff = effectIndex.get(index);
      if (eff) data.effects.push({ y: y0 + 0.5, text: eff.join('\n'), dy: (-(eff.length - 1) * lh) / 2 });
      index++;
    });
    const axisY = first + group.length;
    for (const t of ticks) {
      data.grid.push({ x: nx(t), y: first, y2: axisY });
      data.ticks.push({ x: nx(t), y: axisY, text: fmtNumber(t) });
    }
    data.axes.push({ x: 0, x2: 1, y: axisY });
    // "Days", but "g/dL" and "mmHg" as written.
    const title = !unit ? 'Value' : /^[a-z]+$/.test(unit) ? unit[0]!.toUpperCase() + unit.slice(1) : unit;
    data.headers.push({ column: 'axis', y: axisY, text: title });
    cursor = axisY + axisUnits;
  }
  const yMax = cursor - axisUnits;
  const height = Math.round(top + yMax * rowPx + AXIS_BLOCK + footer);
  const effectGap = GAP + cols.value.width + GAP;

  const alt =
    `${allMean ? (anySd ? 'Means (with SD)' : 'Means') : 'Medians with interquartile ranges'} by arm for ${ordered.length} continuous outcome${ordered.length === 1 ? '' : 's'}` +
    `${units.length > 1 ? `, grouped by unit (${units.map((u) => u || 'no unit').join(', ')})` : units[0] ? ` (${units[0]})` : ''}, ${armsPhrase(arms)}. ` +
    ordered
      .map((r, i) => `${r.outcome.name}: ${r.cells.map((c) => `${c.arm.label} ${describeCell(c)}`).join(', ')}${effects[i] ? `; difference ${spokenEffect(r.outcome.effect)}` : ''}`)
      .join('; ') + `.${note ? ` ${note}.` : ''}`;

  return {
    id: 'continuous',
    title: 'Continuous outcomes by arm',
    alt,
    width: CANVAS_WIDTH,
    height,
    datasets: data,
    params: {
      ...commonParams(trial, theme),
      noteLine: note ?? '',
      gridColor: theme.gridColor,
      armLabels: arms.map((a) => a.label),
      yDomain: [0, yMax],
      labelX: -(labels.width + GAP),
      valueGap: GAP,
      effectGap: hasEffects ? effectGap : GAP,
      legendColumns: legend.columns,
      legendX: -(labels.width + GAP),
      legendY: -(legend.height + 12 + headerPx),
      // Fit autosize ignores free-floating legends: reserve their room as top padding.
      legendSpace: legend.height + 12 + headerPx,
    },
  };
}

/** Rows a reader needs most when not all fit: primaries, then reported differences, then table order. */
function byPriority(rows: readonly Row[]): Row[] {
  const rank = (r: Row): number => (isPrimary(r.outcome) ? 0 : r.outcome.effect?.reported && r.outcome.effect.estimate !== undefined ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || rows.indexOf(a) - rows.indexOf(b));
}

export function buildContinuousChart(trial: Trial, theme: ChartTheme): ChartSpecInput | null {
  const arms = armsOf(trial, theme);
  const rows: Row[] = [];
  for (const o of trial.results) {
    const cells = arms.map((a) => cellOf(a, o.arms[a.id])).filter((c): c is Cell => c !== undefined);
    if (cells.length === arms.length) rows.push({ outcome: o, unit: unitOf(o, cells.map((c) => c.q)), cells });
  }
  if (rows.length === 0) return null;
  // The roomiest drawing that fits the slide box: the theme's sizes, then the smallest legible
  // ones; then the rows a reader needs most, saying under the chart how many are left out.
  const themes = [theme, { ...theme, fontSize: MIN_FONT_SIZE }];
  const priority = byPriority(rows);
  let last: ChartSpecInput | undefined;
  for (let keep = rows.length; keep >= 1; keep--) {
    const kept = new Set(priority.slice(0, keep));
    const shown = rows.filter((r) => kept.has(r));
    const left = rows.length - keep;
    const note = left > 0 ? `${left} more continuous outcome${left === 1 ? ' is' : 's are'} not drawn here: too many for one slide` : undefined;
    for (const t of themes) {
      last = draw(trial, t, shown, note);
      if (last.height <= MAX_CANVAS_HEIGHT) return last;
    }
  }
  return last!;
}
