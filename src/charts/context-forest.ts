// "Where this trial sits": the headline context analysis as a forest plot.
// Trials by year (this trial marked), then the pooled diamonds without and
// with this trial, then the prediction interval. Numbers come from the
// evidence engine (src/evidence/context.ts); this only lays them out.
//
// The chart goes full-width on a 1280×720 slide, so every text is at least
// 18 px (tick labels and the source line included), larger than the main
// forest plot's 14–16 px. Favours labels follow the main forest plot. Under
// the plot it prints who was left out (and why, in a few words) and the
// caveat, so the slide needs nothing beside it.
import type { ContextAnalysis, ContextEvidence, PooledEstimate } from '../evidence/context-types.js';
import type { Evidence } from '../evidence/types.js';
import type { Trial } from '../trial/schema.js';
import { CONTEXT_CAVEAT, leftOutLine, methodLabel } from '../evidence/context-words.js';
import type { ChartTheme } from './chart-theme.js';
import { CANVAS_WIDTH, commonParams, fmtRatio, labelColumn, MAX_CANVAS_HEIGHT } from './chart-data.js';
import { logDomain, sideLabels } from './forest.js';
import type { ChartSpecInput } from './spec-files.js';
import { textWidth, wrapText } from './text-metrics.js';

/** Smallest text on this chart, in px at slide scale. */
export const CONTEXT_MIN_FONT = 18;
const LABEL_MAX_WIDTH = 420;
const PAD_X = 24;
const GAP = 24;
const RANDOMISED = /\brandomi[sz]|\bRCT\b/i;
/** Half the height of a pooled diamond, in row units. */
const DIAMOND_HALF = 0.32;

export function headlineAnalysis(context: ContextEvidence | undefined): ContextAnalysis | null {
  return context && context.headline !== null ? (context.analyses[context.headline] ?? null) : null;
}

const range = (lo: number, hi: number): string => `${fmtRatio(lo)}\u2013${fmtRatio(hi)}`;
const ciText = (est: number, lo: number, hi: number): string => `${fmtRatio(est)} (${range(lo, hi)})`;
const levelText = (level: number): string => `${Math.round(level * 1000) / 10}%`;

interface Row {
  y: number;
  kind: 'study' | 'this' | 'pooled' | 'prediction';
  label: string;
  bold: boolean;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  estimateText: string;
  weightText: string;
  color: string;
  size: number;
  description: string;
}

function pooledRow(y: number, label: string, p: PooledEstimate, color: string): Row {
  const text = ciText(p.ratio, p.ratioLower, p.ratioUpper);
  return {
    y, kind: 'pooled', label, bold: true, estimate: p.ratio, lower: p.ratioLower, upper: p.ratioUpper,
    estimateText: text, weightText: '', color, size: 0, description: `${label}: ${text}`,
  };
}

export function buildContextForestChart(trial: Trial, theme: ChartTheme, evidence: Evidence | undefined): ChartSpecInput | null {
  const a = headlineAnalysis(evidence?.context);
  if (!a || !evidence?.context) return null;
  const ctx = evidence.context;
  const f = Math.max(CONTEXT_MIN_FONT, theme.fontSize);
  const lh = Math.round(f * 1.15);
  const acronym = trial.publication.acronym;
  const others = a.studies.filter((s) => s.kind === 'context').length;
  const method = methodLabel(ctx);

  const rows: Row[] = a.studies.map((s, y) => {
    const mine = s.kind === 'this-trial';
    // Randomised or not is the first thing the room asks of a study pooled with a trial.
    const observational = !mine && s.design !== null && !RANDOMISED.test(s.design);
    const label = `${s.name}, ${s.year}${mine ? ' (this trial)' : observational ? ' (non-randomised)' : ''}`;
    const text = ciText(s.estimate, s.lower, s.upper);
    return {
      y, kind: mine ? 'this' : 'study', label, bold: mine, estimate: s.estimate, lower: s.lower, upper: s.upper,
      estimateText: text, weightText: `${Math.round(s.weight)}%`, color: mine ? theme.accent : theme.textColor,
      // Marker area grows with weight, as in RevMan, within readable bounds.
      size: Math.round(90 + 6 * s.weight), description: `${label}: ${a.measure} ${text}${s.from === 'counts' ? ' (from counts)' : ''}, weight ${Math.round(s.weight)}%`,
    };
  });
  let y = a.studies.length + 0.4;
  if (a.without && a.without.k >= 2) rows.push(pooledRow(y++, `Pooled without ${acronym} (${a.without.k} studies)`, a.without, theme.mutedColor));
  rows.push(pooledRow(y++, `Pooled with ${acronym} (${a.with.k} studies)`, a.with, theme.accent));
  const pi = a.with.ratioPrediction;
  const piLabel = `${levelText(a.with.level)} prediction interval`;
  rows.push({
    y: y++, kind: 'prediction', label: piLabel, bold: false, estimate: null, lower: pi?.lower ?? null, upper: pi?.upper ?? null,
    estimateText: pi ? range(pi.lower, pi.upper) : 'needs \u2265 3 studies', weightText: '', color: theme.mutedColor, size: 0,
    description: pi ? `${piLabel}: ${range(pi.lower, pi.upper)}` : `${piLabel}: not estimable with ${a.with.k} studies`,
  });

  const diamonds = rows.filter((r) => r.kind === 'pooled').flatMap((r) => [
    { id: r.label, x: r.lower, y: r.y, y2: r.y, color: r.color },
    { id: r.label, x: r.estimate, y: r.y - DIAMOND_HALF, y2: r.y + DIAMOND_HALF, color: r.color },
    { id: r.label, x: r.upper, y: r.y, y2: r.y, color: r.color },
  ]);

  const labels = labelColumn(rows.map((r) => ({ text: r.label, bold: r.bold })), { ...theme, fontSize: f }, LABEL_MAX_WIDTH);
  rows.forEach((r, i) => (r.label = labels.texts[i] ?? r.label));
  const estimateHeader = `${a.measure} (${levelText(ctx.level)} CI)`;
  const estimateWidth = Math.ceil(Math.max(...[estimateHeader, ...rows.map((r) => r.estimateText)].map((t) => textWidth(t, f, t === estimateHeader))));
  const weightHeader = 'Weight';
  const weightWidth = Math.ceil(textWidth(weightHeader, f, true));
  const plotWidth = CANVAS_WIDTH - PAD_X - labels.width - 3 * GAP - estimateWidth - weightWidth;

  // Pooled on this trial's headline pair, so its favours labels and axis title are that pair's.
  const pair = evidence.arms;
  const sides = sideLabels(trial, { arm: pair.experimental.id, vs: pair.comparator.id }, a.benefit ?? undefined);
  const sideMax = plotWidth / 2 - 12;
  const wrapSide = (t: string): string => wrapText(t, { maxWidth: sideMax, fontSize: f, maxLines: 3 }).join('\n');
  const sideLines = Math.max(...[sides.lower, sides.higher].map((t) => wrapText(t, { maxWidth: sideMax, fontSize: f, maxLines: 3 }).length));
  const axisTitle = wrapText(`${a.measure}, ${pair.experimental.label} vs ${pair.comparator.label} (log scale)`, { maxWidth: plotWidth - 8, fontSize: f, maxLines: 3 });
  const bounds = rows.filter((r) => r.lower !== null && r.upper !== null);
  const { domain, ticks } = logDomain(bounds.map((r) => r.lower!), bounds.map((r) => r.upper!));

  // Under the plot, in the source line's place: who was left out, the caveat, then the source. The
  // chart then says on its own what a slide must say, whatever renderer shows it.
  const footerWidth = CANVAS_WIDTH - PAD_X;
  const footer = [leftOutLine(ctx.excluded), CONTEXT_CAVEAT, `Random effects (${method}) on published estimates; sources in the bibliography`]
    .filter((t): t is string => t !== null)
    .flatMap((t) => wrapText(t, { maxWidth: footerWidth, fontSize: f }));

  const fixed = 40 + 90 + (sideLines + axisTitle.length + footer.length - 1) * lh;
  const units = y + 0.2;
  // Tight rows so about nine studies fit the 540 px slide box at 18 px; more make the chart taller than the box.
  const minRow = labels.maxLines * lh + 4;
  // 40 px rows at most: the slide also carries three short lines under the chart.
  const rowHeight = Math.max(minRow, Math.min(40, (MAX_CANVAS_HEIGHT - fixed) / units));
  const height = Math.round(fixed + units * rowHeight);

  const favours = sides.lower.replace('\u2190 ', '');
  const alt =
    `Forest plot of ${a.outcome}: ${others} other ${others === 1 ? 'study' : 'studies'} and ${acronym}, ${a.measure} on a log scale, ordered by year; ` +
    `ratios below 1 mean ${favours.charAt(0).toLowerCase()}${favours.slice(1)}. ` +
    rows.map((r) => r.description).join('; ') + `. Random effects (${method}).`;

  return {
    id: 'context-forest',
    title: 'Where this trial sits',
    alt,
    width: CANVAS_WIDTH,
    height,
    datasets: {
      rows: rows.map((r) => ({ ...r, dy: -((r.label.split('\n').length - 1) * lh) / 2 })),
      diamonds,
      reference: [{ ratio: 1 }],
      sides: [
        { side: 'lower', ratio: 1, text: wrapSide(sides.lower) },
        { side: 'higher', ratio: 1, text: wrapSide(sides.higher) },
      ],
      headers: [
        { column: 'label', text: 'Study' },
        { column: 'estimate', text: estimateHeader },
        { column: 'weight', text: weightHeader },
      ],
    },
    params: {
      ...commonParams(trial, theme),
      sourceLine: footer,
      labelFontSize: f,
      smallFontSize: f,
      lineHeight: lh,
      accent: theme.accent,
      xDomain: domain,
      xTicks: ticks,
      yDomain: [-0.6, y - 0.4],
      axisTitle,
      labelX: -(labels.width + GAP),
      estimateGap: GAP,
      weightX: GAP + estimateWidth + GAP,
      sidesY: 34,
      axisTitlePadding: 16 + sideLines * lh,
    },
  };
}
