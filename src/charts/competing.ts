// How the primary endpoint window ended, by arm, when the trial reports
// competing events: 100% stacked bars of the primary event, each competing
// event, and the remainder (neither: other outcomes or censored). Drawn only
// when the categories partition the patients (they add up to ≤ 100%).
import type { Outcome, Trial } from '../trial/schema.js';
import { categoryColors, smallFontSize, type ChartTheme } from './chart-theme.js';
import {
  armsOf, CANVAS_WIDTH, commonParams, fmtPercent, legendLayout, percentOf, withoutRoleRemark, type ArmInfo,
} from './chart-data.js';
import { textWidth } from './text-metrics.js';
import type { ChartSpecInput } from './spec-files.js';

export const REMAINDER_LABEL = 'Other or censored';
/** Sums above 100% by more than rounding mean the categories overlap. */
const ROUNDING = 0.5;
export const MIN_LABELLED_PERCENT = 6;
const MAX_CATEGORIES = 8; // the template's colour range has eight slots

function allPercents(o: Outcome, arms: readonly ArmInfo[]): number[] | undefined {
  const p = arms.map((a) => percentOf(o.arms[a.id]));
  return p.every((x): x is number => x !== undefined) ? p : undefined;
}

/** Halfway between two #rrggbb colours. */
function mix(a: string, b: string): string {
  const parse = (h: string): number[] => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
  const [x, y] = [parse(a), parse(b)];
  if (a.length !== 7 || b.length !== 7 || [...x, ...y].some(Number.isNaN)) return b;
  return `#${x.map((v, i) => Math.round((v + (y[i] ?? v)) / 2).toString(16).padStart(2, '0')).join('')}`;
}

/** Relative luminance (WCAG) of a #rrggbb colour, to pick readable label ink. */
function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 0;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function buildCompetingChart(trial: Trial, theme: ChartTheme): ChartSpecInput | null {
  const arms = armsOf(trial, theme);
  const primary = trial.results.find((o) => o.role === 'primary' && allPercents(o, arms));
  const competing = trial.results.filter((o) => o.role === 'competing' && allPercents(o, arms));
  if (!primary || competing.length === 0) return null;
  const events = [primary, ...competing];
  if (events.length + 1 > MAX_CATEGORIES) return null;
  const percents = events.map((o) => allPercents(o, arms) ?? []);

  const sums = arms.map((_, i) => percents.reduce((s, p) => s + (p[i] ?? 0), 0));
  if (sums.some((s) => s > 100 + ROUNDING)) return null;
  const remainder = sums.map((s) => Math.max(0, 100 - s));
  const withRemainder = remainder.some((r) => r >= 0.05);

  const names = events.map((o) => withoutRoleRemark(o.name));
  const categories = withRemainder ? [...names, REMAINDER_LABEL] : names;
  const palette = categoryColors(theme);
  const colors = categories.map((_, i) =>
    // The remainder is neutral: a grey between the grid and the muted text colour.
    withRemainder && i === categories.length - 1 ? mix(theme.gridColor, theme.mutedColor) : (palette[i % palette.length] ?? theme.accent),
  );
  while (colors.length < MAX_CATEGORIES) colors.push(theme.mutedColor);

  const segments = arms.flatMap((arm, a) => {
    let start = 0;
    const values = [...percents.map((p) => p[a] ?? 0), ...(withRemainder ? [remainder[a] ?? 0] : [])];
    return values.map((percent, c) => {
      const seg = {
        armOrder: a, arm: arm.label, category: categories[c] ?? '', percent,
        start, end: start + percent, mid: start + percent / 2,
        text: fmtPercent(percent), showLabel: percent >= MIN_LABELLED_PERCENT,
        // On a light segment, dark ink even when the theme's text is light (dark slide themes).
        ink: luminance(colors[c] ?? '#000000') < 0.25 ? '#ffffff' : luminance(theme.textColor) < 0.25 ? theme.textColor : '#111111',
      };
      start += percent;
      return seg;
    });
  });

  const f = theme.fontSize;
  const armDetail = (arm: ArmInfo): string => {
    const q = primary.arms[arm.id];
    return q?.kind === 'events' ? `n = ${q.total}` : '';
  };
  const labelWidth = 22 + Math.ceil(Math.max(...arms.map((a) => Math.max(textWidth(a.label, f, true), textWidth(armDetail(a), smallFontSize(theme))))));
  const legend = legendLayout(categories, theme, 8);
  const height = Math.round(8 + legend.height + 16 + arms.length * 96 + 60 + 40);

  const alt =
    `Stacked bars of how patients ended the primary endpoint window, by arm (${categories.length} categories adding up to 100%). ` +
    arms.map((arm, a) => `${arm.label}: ${segments.filter((s) => s.armOrder === a).map((s) => `${s.category} ${s.text}`).join(', ')}`).join('. ') + '.';

  return {
    id: 'competing',
    title: 'Primary endpoint and competing events by arm',
    alt,
    width: CANVAS_WIDTH,
    height,
    datasets: {
      segments,
      arms: arms.map((arm, armOrder) => ({ armOrder, label: arm.label, color: arm.color, detail: armDetail(arm) })),
    },
    params: {
      ...commonParams(trial, theme),
      categories,
      legendLabels: legend.labels,
      categoryColors: colors,
      legendColumns: legend.columns,
      legendX: -(labelWidth + 24),
      legendY: -(legend.height + 16),
      // Fit autosize ignores free-floating legends: reserve their room as top padding.
      legendSpace: legend.height + 16,
      labelX: -(labelWidth + 24),
      axisTitle: 'Patients (%)',
    },
  };
}
