// "What should we believe?": the posterior of the primary (or first) reported
// ratio under each prior, benefit side shaded. The numbers come from the
// evidence engine (src/evidence/bayes.ts); this only lays them out.
//
// Small multiples, one panel per prior on a shared log axis: posteriors under
// similar priors coincide, and overlaid curves would hide each other. Each
// panel repeats the data-only (flat) posterior as a dashed grey reference, so
// the pull of the prior is visible, and names its prior and P(benefit) on the
// left. All panels share one density scale, so a taller curve is a surer one.
// The whole chart is at most UNDER_HEIGHT tall: the deck shows it under the
// Bayesian table, and its text must stay 18 px there.
import { posteriorDensities } from '../evidence/bayes.js';
import type { Evidence, OutcomeEvidence } from '../evidence/types.js';
import { EFFECT_MEASURES, type Trial } from '../trial/schema.js';
import { MIN_FONT_SIZE, smallFontSize, type ChartTheme } from './chart-theme.js';
import { CANVAS_WIDTH, commonParams, fmtRatio, lineHeight, UNDER_HEIGHT, withoutRoleRemark } from './chart-data.js';
import type { JsonObject } from './prepare-spec.js';
import type { ChartSpecInput } from './spec-files.js';
import { linesWidth, wrapText } from './text-metrics.js';

const PRIOR_LABELS = { flat: 'Flat (data only)', neutral: 'Neutral', sceptical: 'Sceptical', enthusiastic: 'Enthusiastic' } as const;
const MAX_PANEL_PX = 86;
const GAP = 24;
/** A curve's peak fills this share of its panel, leaving room between panels. */
const PEAK = 0.82;

/** Round ratios inside [lo, hi], at least `minGap` px apart on a log axis `width` px wide; 1 is always kept. */
export function logTicks(lo: number, hi: number, width: number, minGap = 80): number[] {
  const candidates = [0.1, 0.2, 0.25, 0.33, 0.5, 0.6, 0.67, 0.7, 0.75, 0.8, 0.85, 0.9, 1, 1.1, 1.2, 1.25, 1.33, 1.5, 1.75, 2, 3, 4, 5, 10];
  const px = (t: number): number => (Math.log(t / lo) / Math.log(hi / lo)) * width;
  const inside = candidates.filter((t) => t >= lo && t <= hi);
  const kept: number[] = inside.includes(1) ? [1] : [];
  // Outwards from 1 (or from the lowest tick), so the ticks next to "no effect" win.
  const order = [...inside].sort((a, b) => Math.abs(Math.log(a)) - Math.abs(Math.log(b)));
  // A narrow axis (a very precise estimate) also gets its ends, rounded inwards to two decimals.
  const ends = [Math.ceil(lo * 100) / 100, Math.floor(hi * 100) / 100].filter((t) => t >= lo && t <= hi);
  for (const t of [...order, ...ends]) if (kept.every((k) => Math.abs(px(k) - px(t)) >= minGap)) kept.push(t);
  return kept.sort((a, b) => a - b);
}

/** Percent with one decimal; never a rounded 100.0% or 0.0% for a probability that is neither. */
const pct = (p: number | null | undefined): string =>
  p === null || p === undefined ? 'not known' : p > 0.999 ? '>99.9%' : p < 0.001 ? '<0.1%' : `${(p * 100).toFixed(1)}%`;

export function buildBayesChart(trial: Trial, theme: ChartTheme, evidence: Evidence | undefined): ChartSpecInput | null {
  const roomy = drawBayes(trial, theme, evidence);
  // A large theme size falls back to the smallest legible one rather than being shrunk under the table.
  return roomy && roomy.height > UNDER_HEIGHT && theme.fontSize > MIN_FONT_SIZE ? drawBayes(trial, { ...theme, fontSize: MIN_FONT_SIZE }, evidence) : roomy;
}

function drawBayes(trial: Trial, theme: ChartTheme, evidence: Evidence | undefined): ChartSpecInput | null {
  if (!evidence) return null;
  const primary = evidence.primaryIndex === null ? undefined : evidence.outcomes[evidence.primaryIndex];
  const outcome: OutcomeEvidence | undefined = primary?.bayes ? primary : evidence.outcomes.find((o) => o.bayes);
  const bayes = outcome?.bayes;
  if (!outcome || !bayes || bayes.benefit === null) return null;

  const f = theme.fontSize;
  const s = smallFontSize(theme);
  const lh = lineHeight(theme);
  // The grid spans every posterior ±4 SD (and no effect); the axis is clamped to sensible ratios.
  const grid = posteriorDensities(bayes, { points: 121 });
  const lo = Math.max(0.1, Math.min(...grid.map((g) => g.ratio)));
  const hi = Math.min(10, Math.max(...grid.map((g) => g.ratio)));
  const inside = grid.filter((g) => g.ratio >= lo && g.ratio <= hi);
  const peak = Math.max(...inside.map((g) => g.density));
  const benefitAbove1 = bayes.benefit === 'higher';
  const priors = bayes.posteriors.map((p) => p.prior);

  // Panel k spans y ∈ [k, k + 1] (row units, top to bottom); a curve rises from the panel's bottom.
  const curves: JsonObject[] = [];
  const reference: JsonObject[] = [];
  const flat = inside.filter((g) => g.prior === 'flat');
  priors.forEach((prior, k) => {
    const base = k + 1;
    const at = (density: number): number => Number((base - (PEAK * density) / peak).toPrecision(6));
    for (const g of inside.filter((x) => x.prior === prior)) {
      curves.push({ prior, ratio: Number(g.ratio.toPrecision(6)), top: at(g.density), base, benefitSide: benefitAbove1 ? g.ratio >= 1 : g.ratio <= 1 });
    }
    if (prior !== 'flat') for (const g of flat) reference.push({ prior, ratio: Number(g.ratio.toPrecision(6)), top: at(g.density) });
  });

  // One line per panel: the prior (bold), then P(benefit), in two columns.
  const details = bayes.posteriors.map((p) => `P(benefit) ${pct(p.pBenefit)}`);
  const nameWidth = Math.ceil(Math.max(...bayes.posteriors.map((p) => linesWidth([PRIOR_LABELS[p.prior]], f, true))));
  const labelWidth = nameWidth + 12 + Math.ceil(Math.max(...details.map((d) => linesWidth([d], s))));
  const panels = bayes.posteriors.map((p, k) => ({ y: k + 0.5, name: PRIOR_LABELS[p.prior], detail: details[k], base: k + 1 }));

  // "MCID" only for a difference the presenter named as clinically important; otherwise the design's target effect, named as such.
  const marked = bayes.mcid ?? bayes.designEffect;
  const threshold = marked !== null && marked >= lo && marked <= hi ? marked : null;
  const thresholdName = bayes.mcid !== null ? 'MCID' : 'Design effect';
  // A label near the right edge runs leftwards from its line instead of off the canvas.
  const anchor = (r: number): 'left' | 'right' => (Math.log(r / lo) / Math.log(hi / lo) > 0.7 ? 'right' : 'left');
  const rules = [{ ratio: 1, label: 'No effect', dashed: false, anchor: anchor(1) }];
  if (threshold !== null) rules.push({ ratio: threshold, label: `${thresholdName} ${fmtRatio(threshold)}`, dashed: true, anchor: anchor(threshold) });

  const [first, second] = evidence.arms ? [evidence.arms.experimental.label, evidence.arms.comparator.label] : ['', ''];
  const measureName = EFFECT_MEASURES[bayes.measure] ?? bayes.measure;
  const plotWidth = CANVAS_WIDTH - 24 - labelWidth - GAP;
  const axisTitle = wrapText(`${measureName}, ${first} vs ${second} (log scale)`, { maxWidth: plotWidth - 8, fontSize: f, maxLines: 3 });
  const headerPx = lh + 4;
  const below = 8 + 5 + 2 + s + 10 + axisTitle.length * lh + 16 + Math.round(s * 1.2) + 8;
  // Panels share what the height budget leaves, never less than a label line.
  const panelPx = Math.max(lh + 4, Math.min(MAX_PANEL_PX, Math.floor((UNDER_HEIGHT - 8 - headerPx - below) / priors.length)));
  const height = Math.round(8 + headerPx + priors.length * panelPx + below);

  const name = withoutRoleRemark(outcome.name);
  const side = benefitAbove1 ? 'above 1' : 'below 1';
  const alt =
    `Posterior distributions of the ${measureName} (${bayes.measure}) for ${name} (${first} vs ${second}), one panel per prior (${priors.length}), on a log scale; ` +
    `the shaded part of each curve is benefit (${bayes.measure} ${side}), and each panel repeats the data-only posterior as a dashed line. ` +
    bayes.posteriors.map((p) => `${PRIOR_LABELS[p.prior]} prior: median ${fmtRatio(p.median)} (95% credible interval ${fmtRatio(p.lower)} to ${fmtRatio(p.upper)}), P(benefit) ${pct(p.pBenefit)}`).join('; ') +
    (threshold !== null ? `. ${thresholdName} marked at ${fmtRatio(threshold)}.` : '.');

  return {
    id: 'bayes',
    title: 'What should we believe?',
    alt,
    datasets: { curves, reference, panels, rules },
    params: {
      ...commonParams(trial, theme),
      yDomain: [-(headerPx / panelPx), priors.length],
      xDomain: [lo, hi],
      xTicks: logTicks(lo, hi, plotWidth),
      axisTitle,
      labelX: -(labelWidth + GAP),
      detailX: -(labelWidth + GAP) + nameWidth + 12,
      curveColor: theme.textColor,
      shade: theme.accent,
      gridColor: theme.gridColor,
    },
    width: CANVAS_WIDTH,
    height,
  };
}
