// "What should we believe?": posterior densities of the primary (or first)
// reported ratio under each prior, benefit side shaded. The numbers come from
// the evidence engine (src/evidence/bayes.ts); this only lays them out.
import { posteriorDensities } from '../evidence/bayes.js';
import type { Evidence, OutcomeEvidence } from '../evidence/types.js';
import type { Trial } from '../trial/schema.js';
import { categoryColors, type ChartTheme } from './chart-theme.js';
import { CANVAS_WIDTH, commonParams, fmtRatio, legendLayout, withoutRoleRemark } from './chart-data.js';
import type { ChartSpecInput } from './spec-files.js';

const PRIOR_LABELS = { flat: 'Flat (data only)', neutral: 'Neutral', sceptical: 'Sceptical', enthusiastic: 'Enthusiastic' } as const;
const HEIGHT = 300;
const PRIOR_ORDER = ['flat', 'neutral', 'sceptical', 'enthusiastic'] as const;

/** Log-spaced ticks that cover [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const candidates = [0.1, 0.2, 0.25, 0.33, 0.5, 0.67, 1, 1.5, 2, 3, 4, 5, 10];
  const inside = candidates.filter((t) => t >= lo && t <= hi);
  return inside.length >= 3 ? inside : [lo, 1, hi];
}

export function buildBayesChart(trial: Trial, theme: ChartTheme, evidence: Evidence | undefined): ChartSpecInput | null {
  if (!evidence) return null;
  const primary = evidence.primaryIndex === null ? undefined : evidence.outcomes[evidence.primaryIndex];
  const outcome: OutcomeEvidence | undefined = primary?.bayes ? primary : evidence.outcomes.find((o) => o.bayes);
  const bayes = outcome?.bayes;
  if (!outcome || !bayes || bayes.benefit === null) return null;

  // The grid spans every posterior ±4 SD (and no effect); the axis is clamped to sensible ratios.
  const grid = posteriorDensities(bayes, { points: 121 });
  const lo = Math.max(0.1, Math.min(...grid.map((g) => g.ratio)));
  const hi = Math.min(10, Math.max(...grid.map((g) => g.ratio)));
  const benefitAbove1 = bayes.benefit === 'higher';
  const label = (prior: keyof typeof PRIOR_LABELS): string => {
    const p = bayes.posteriors.find((x) => x.prior === prior)?.pBenefit;
    return `${PRIOR_LABELS[prior]}: P(benefit) ${p === null || p === undefined ? '—' : `${(p * 100).toFixed(1)}%`}`;
  };
  const priors = bayes.posteriors.map((p) => p.prior);
  const labels = priors.map(label);
  const curves = grid
    .filter((g) => g.ratio >= lo && g.ratio <= hi)
    .map((g) => ({
      ratio: Number(g.ratio.toPrecision(6)),
      density: Number(g.density.toPrecision(6)),
      prior: label(g.prior),
      benefitSide: benefitAbove1 ? g.ratio >= 1 : g.ratio <= 1,
    }));
  const rules = [{ ratio: 1, label: 'No effect', dashed: false }];
  if (bayes.mcid !== null && bayes.mcid >= lo && bayes.mcid <= hi) rules.push({ ratio: bayes.mcid, label: `MCID ${fmtRatio(bayes.mcid)}`, dashed: true });
  // The effect the trial was powered for sets the priors; it is marked as what it is, never as an MCID.
  else if (bayes.designEffect !== null && bayes.designEffect >= lo && bayes.designEffect <= hi) rules.push({ ratio: bayes.designEffect, label: `Design effect ${fmtRatio(bayes.designEffect)}`, dashed: true });

  const [first, second] = evidence.arms ? [evidence.arms.experimental.label, evidence.arms.comparator.label] : ['', ''];
  const legend = legendLayout(labels, theme);
  // Flat is the data alone (grey); the others get distinct, colour-blind-safe hues that are not arm colours.
  const palette = [theme.mutedColor, theme.armColors[0] ?? theme.accent, categoryColors(theme)[2] ?? '#CC79A7', theme.accent];
  const name = withoutRoleRemark(outcome.name);
  const alt =
    `Posterior densities of the ${bayes.measure} for ${name} (${first} vs ${second}) under ${priors.length} priors, on a log scale; ` +
    `the shaded side is benefit. ` +
    bayes.posteriors.map((p) => `${PRIOR_LABELS[p.prior]} prior: median ${fmtRatio(p.median)}, P(benefit) ${p.pBenefit === null ? 'unknown' : `${(p.pBenefit * 100).toFixed(1)}%`}`).join('; ') +
    '.';
  return {
    id: 'bayes',
    title: 'What should we believe?',
    alt,
    datasets: { curves, rules },
    params: {
      ...commonParams(trial, theme),
      priors: labels,
      priorColors: priors.map((p) => palette[PRIOR_ORDER.indexOf(p)] ?? theme.accent),
      xDomain: [lo, hi],
      xTicks: ticks(lo, hi),
      axisTitle: `${bayes.measure}, ${first} vs ${second} (log scale)`,
      legendColumns: legend.columns,
      legendSpace: legend.height + 12,
    },
    width: CANVAS_WIDTH,
    height: HEIGHT + legend.height,
  };
}
