// What the forest plot shows, before any layout: one row per reported ratio
// with its comparison, grouped so that every group reads one way.
//
// A ratio of arm A vs arm B below 1 means "lower with A". Whether lower is
// *better* depends on the outcome (fewer deaths is good, fewer successful
// weanings is bad), so rows are grouped by comparison and by the direction of
// benefit, and each group gets its own "Favours …" labels. Rows whose benefit
// is not given say "Lower with A / Higher with A", which is never wrong.
import { armLabel, comparisonLabel, effectComparison, outcomeHypothesis } from '../trial/comparisons.js';
import type { Comparison } from '../trial/design-schema.js';
import { fmtRatio } from './chart-data.js';
import { isRatioMeasure, type Effect, type Outcome, type Trial } from '../trial/schema.js';

export interface ForestRow {
  outcome: Outcome;
  measure: string;
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  comparison: Comparison | null;
  /** A non-inferiority/equivalence margin on this ratio's scale. */
  margin?: number;
  /** Equivalence margins are symmetrical: 1.25 also draws 0.80. */
  equivalence: boolean;
  /** The analysis population when the effect names one (ITT, per-protocol…). */
  population?: string;
}

export interface ForestGroup {
  comparison: Comparison | null;
  benefit: 'higher' | 'lower' | undefined;
  rows: ForestRow[];
}

export interface SideLabels {
  lower: string;
  higher: string;
  /** True when the sides name the arm each side favours. */
  favours: boolean;
}

function ratioRow(trial: Trial, o: Outcome, e: Effect | undefined): ForestRow | undefined {
  if (!e || !e.reported || e.estimate === undefined || !e.ci || !isRatioMeasure(e.measure)) return undefined;
  const { lower, upper, level } = e.ci;
  // A log axis cannot show zero or negative ratios; such a row is bad data, not a chart.
  if (!(e.estimate > 0 && lower > 0 && upper > 0)) return undefined;
  const m = o.margin;
  const margin = m && m.value > 0 && (m.measure === undefined || isRatioMeasure(m.measure)) ? m.value : undefined;
  const equivalence = margin !== undefined && outcomeHypothesis(trial, o) === 'equivalence';
  return { outcome: o, measure: e.measure, estimate: e.estimate, lower, upper, level, comparison: effectComparison(trial, e), margin, equivalence, population: e.population };
}

/** Every reported ratio with a CI: each outcome's effect, and further effects that make another comparison. */
export function forestRows(trial: Trial): ForestRow[] {
  return trial.results.flatMap((o) => {
    const main = ratioRow(trial, o, o.effect);
    const seen = main?.comparison ? [main.comparison] : [];
    const more = o.otherEffects.flatMap((e) => {
      const c = e.comparison;
      if (!c || seen.some((s) => s.arm === c.arm && s.vs === c.vs)) return [];
      const row = ratioRow(trial, o, e);
      if (row) seen.push(c);
      return row ? [row] : [];
    });
    return [...(main ? [main] : []), ...more];
  });
}

const key = (c: Comparison | null): string => (c ? `${c.arm}\u0000${c.vs}` : '');

/**
 * Groups by comparison (in arm order), then by direction of benefit in the
 * order the results list them (the primary's group first when it is listed
 * first); rows keep their table order.
 */
export function forestGroups(trial: Trial, rows: readonly ForestRow[]): ForestGroup[] {
  const armIndex = (id: string): number => trial.arms.findIndex((a) => a.id === id);
  const comparisons = [...new Map(rows.map((r) => [key(r.comparison), r.comparison])).values()].sort((a, b) => {
    if (!a || !b) return a ? -1 : b ? 1 : 0;
    return armIndex(a.arm) - armIndex(b.arm) || armIndex(a.vs) - armIndex(b.vs);
  });
  const groups: ForestGroup[] = [];
  for (const c of comparisons) {
    const mine = rows.filter((r) => key(r.comparison) === key(c));
    for (const benefit of [...new Set(mine.map((r) => r.outcome.benefit))]) {
      groups.push({ comparison: c, benefit, rows: mine.filter((r) => r.outcome.benefit === benefit) });
    }
  }
  return groups;
}

/** "← Favours Levosimendan" / "Favours Placebo →" for one group. */
export function sideLabels(trial: Pick<Trial, 'arms'>, comparison: Comparison | null, benefit: 'higher' | 'lower' | undefined): SideLabels {
  if (!comparison) return { lower: '\u2190 Ratio below 1', higher: 'Ratio above 1 \u2192', favours: false };
  const [a, b] = [armLabel(trial, comparison.arm), armLabel(trial, comparison.vs)];
  if (benefit === 'lower') return { lower: `\u2190 Favours ${a}`, higher: `Favours ${b} \u2192`, favours: true };
  if (benefit === 'higher') return { lower: `\u2190 Favours ${b}`, higher: `Favours ${a} \u2192`, favours: true };
  return { lower: `\u2190 Lower with ${a}`, higher: `Higher with ${a} \u2192`, favours: false };
}

const DIRECTION = { higher: 'Higher is better', lower: 'Lower is better' } as const;

/** The group's heading: its direction of benefit, and its comparison when the trial has several. */
export function groupHeading(trial: Pick<Trial, 'arms'>, g: Pick<ForestGroup, 'comparison' | 'benefit'>, withComparison: boolean): string {
  const direction = g.benefit ? DIRECTION[g.benefit] : 'Direction of benefit not given';
  if (!withComparison) return direction;
  const what = g.comparison ? comparisonLabel(trial, g.comparison) : 'Comparison not stated';
  return `${what}: ${direction.toLowerCase()}`;
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

/** The ratios a row's margin lines are drawn at. */
export function marginLines(r: Pick<ForestRow, 'margin' | 'equivalence'>): number[] {
  if (r.margin === undefined) return [];
  return r.equivalence ? [r.margin, 1 / r.margin] : [r.margin];
}

export function marginNote(r: Pick<ForestRow, 'margin' | 'equivalence'>): string {
  return `${r.equivalence ? 'Equivalence' : 'NI'} margin ${fmtRatio(r.margin ?? 1)}`;
}

const POPULATION_WORDS: Readonly<Record<string, RegExp>> = {
  ITT: /\b(?:ITT|intention[- ]to[- ]treat)\b/i,
  mITT: /\b(?:mITT|modified intention)/i,
  'per-protocol': /\bper[- ]protocol\b/i,
  'on-treatment': /\bon[- ]treatment\b/i,
  'as-treated': /\bas[- ]treated\b/i,
};

/** The row's label: the outcome's name, plus its analysis population when the name does not already say it. */
export function rowLabel(r: Pick<ForestRow, 'outcome' | 'population'>): string {
  const p = r.population;
  if (!p || (POPULATION_WORDS[p] ?? new RegExp(p, 'i')).test(r.outcome.name)) return r.outcome.name;
  return `${r.outcome.name} (${p})`;
}
