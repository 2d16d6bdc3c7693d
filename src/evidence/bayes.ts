// Bayesian re-reading of a reported ratio (RR, OR, HR, sHR) from its estimate
// and 95% CI, the approach of Spiegelhalter, Freedman & Parmar (JRSS A 1994):
// a normal likelihood for the log ratio, normal priors, conjugate update.
//   likelihood   mean ln(estimate), SE = (ln U − ln L) / (2 z)
//   flat         posterior = likelihood
//   sceptical    mean 0, only 5% probability beyond the design effect
//   enthusiastic mean at the design effect, only 5% probability of no benefit
//   neutral      mean 0, 95% of the mass between ratios 0.5 and 2 (optional)
// Wijeysundera et al. (J Clin Epidemiol 2009) for the prior definitions. The
// design effect (what the trial was powered for) sets the priors; it is not
// an MCID: a threshold is called MCID only when the presenter sets one.
import { TrialdeckError } from '../errors.js';
import { EFFECT_MEASURES, type BenefitDirection, type EffectMeasure } from '../trial/schema.js';
import { normalCdf, normalPdf, normalSf, Z95, zForLevel } from './normal.js';
import { oppositeWording } from './outcome-words.js';
import type { BayesPriorNote, BayesResult, BayesThreshold, DensityPoint, PosteriorSummary, PriorName } from './types.js';

export interface ReportedRatio {
  measure: EffectMeasure;
  /** When absent, the geometric midpoint of the CI is used. */
  estimate?: number | undefined;
  lower: number;
  upper: number;
  level?: number | undefined;
}

export interface BayesOptions {
  benefit?: BenefitDirection | null;
  /**
   * The presenter's minimal clinically important difference as a ratio
   * (`evidence.mcid`). Only its size is used (1.3 and 1/1.3 are the same);
   * it is placed on the benefit side of 1. Called "MCID" only when set here.
   */
  mcid?: number | null;
  mcidSource?: 'user' | 'design';
  /**
   * The effect the trial was powered for (e.g. sHR 1.75). It sets the
   * sceptical and enthusiastic priors; it is not an MCID. Falls back to `mcid`.
   */
  designEffect?: number | null;
  /** Outcome name, to word the opposite direction ("fewer successful weanings"). */
  outcome?: string;
  /**
   * Include the neutral prior (95% between 0.5 and 2). 'auto' (default): only
   * when it would not duplicate the sceptical prior (SDs within 25%).
   */
  neutral?: boolean | 'auto';
}

/** One-sided 95% quantile: 5% of a normal lies beyond mean + 1.645 sd. */
const Z_ONE_SIDED_95 = zForLevel(0.9);
/** Neutral prior: ±z·sd spans ln 0.5 to ln 2. */
export const NEUTRAL_PRIOR_SD = Math.LN2 / Z95;
/** Default thresholds when no MCID is set: small (10%) and larger (25%) relative changes, named as the numbers they are. */
export const SMALL_EFFECT = { higher: 1.1, lower: 0.9 } as const;
export const LARGER_EFFECT = { higher: 1.25, lower: 0.8 } as const;

function invalid(message: string): TrialdeckError {
  return new TrialdeckError('DATA_INVALID', message);
}

/** The MCID as a ratio on the benefit side of 1, or null. */
export function orientMcid(mcid: number | null | undefined, benefit: BenefitDirection | null | undefined): number | null {
  if (mcid === null || mcid === undefined) return null;
  if (!(mcid > 0) || mcid === 1) throw invalid(`MCID must be a ratio > 0 and ≠ 1, got ${mcid}`);
  if (!benefit) return mcid;
  const size = Math.abs(Math.log(mcid));
  return Math.exp(benefit === 'higher' ? size : -size);
}

const num = (x: number): string => String(Number(x.toFixed(2)));
const r2 = (x: number): string => x.toFixed(2);

function thresholdsFor(measure: EffectMeasure, benefit: BenefitDirection | null, mcid: number | null, outcome: string | undefined): BayesThreshold[] {
  const t = (id: BayesThreshold['id'], ratio: number, side: 'above' | 'below', meaning: string): BayesThreshold => ({
    id,
    ratio,
    side,
    label: `P(${measure} ${side === 'above' ? '>' : '<'} ${num(ratio)})`,
    meaning,
  });
  if (!benefit) return [t('above-1', 1, 'above', `${measure} above 1`), t('below-1', 1, 'below', `${measure} below 1`)];
  const good = benefit === 'higher' ? 'above' : 'below';
  const bad = benefit === 'higher' ? 'below' : 'above';
  const opposite = outcome ? oppositeWording(outcome, benefit) : 'the opposite of benefit';
  const out = [t('benefit', 1, good, 'any benefit')];
  if (mcid !== null) out.push(t('benefit-mcid', mcid, good, `benefit beyond the MCID (${measure} ${num(mcid)})`));
  else {
    out.push(t('benefit-small', SMALL_EFFECT[benefit], good, `benefit beyond ${measure} ${num(SMALL_EFFECT[benefit])}`));
    out.push(t('benefit-larger', LARGER_EFFECT[benefit], good, `benefit beyond ${measure} ${num(LARGER_EFFECT[benefit])}`));
  }
  const against = benefit === 'higher' ? SMALL_EFFECT.lower : SMALL_EFFECT.higher;
  out.push(t('opposite', 1, bad, opposite));
  out.push(t('opposite-small', against, bad, `${opposite}, beyond ${measure} ${num(against)}`));
  return out;
}

export function bayesianReanalysis(ratio: ReportedRatio, options: BayesOptions = {}): BayesResult {
  const { lower, upper, estimate, measure } = ratio;
  const level = ratio.level ?? 0.95;
  if (!(lower > 0 && upper > lower)) throw invalid(`expected a ratio CI with 0 < lower < upper, got ${lower} to ${upper}`);
  if (estimate !== undefined && !(estimate > 0)) throw invalid(`expected a ratio estimate > 0, got ${estimate}`);
  const benefit = options.benefit ?? null;
  const mcid = orientMcid(options.mcid, benefit);
  const design = orientMcid(options.designEffect ?? options.mcid, benefit);

  const z = zForLevel(level);
  const sd = (Math.log(upper) - Math.log(lower)) / (2 * z);
  const fromMidpoint = estimate === undefined;
  const mean = fromMidpoint ? (Math.log(lower) + Math.log(upper)) / 2 : Math.log(estimate);

  const notes: BayesPriorNote[] = [{ prior: 'flat', text: 'no prior information: the posterior is the likelihood of the reported result' }];
  const omitted: BayesPriorNote[] = [];
  const priors: { name: PriorName; mean: number; sd: number }[] = [];
  const neutralText = `centred on ${measure} 1.00, 95% probability between 0.50 and 2.00 (SD ${NEUTRAL_PRIOR_SD.toFixed(3)} on the log scale)`;
  let spread: number | null = null;
  if (design !== null) {
    const logDesign = Math.log(design);
    spread = Math.abs(logDesign) / Z_ONE_SIDED_95;
    const what = options.designEffect ? 'the design effect' : 'the MCID';
    priors.push({ name: 'sceptical', mean: 0, sd: spread }, { name: 'enthusiastic', mean: logDesign, sd: spread });
    notes.push(
      { prior: 'sceptical', text: `centred on no effect (${measure} 1.00), 5% probability beyond ${what} ${measure} ${r2(design)} (SD ${spread.toFixed(3)} on the log scale)` },
      { prior: 'enthusiastic', text: `centred on ${what} ${measure} ${r2(design)}, 5% probability of no benefit (SD ${spread.toFixed(3)} on the log scale)` },
    );
  }
  const wantNeutral = options.neutral ?? 'auto';
  const duplicate = spread !== null && Math.abs(Math.log(NEUTRAL_PRIOR_SD / spread)) < Math.log(1.25);
  if (wantNeutral === true || (wantNeutral === 'auto' && !duplicate)) {
    priors.unshift({ name: 'neutral', mean: 0, sd: NEUTRAL_PRIOR_SD });
    notes.splice(1, 0, { prior: 'neutral', text: neutralText });
  } else if (duplicate) {
    omitted.push({ prior: 'neutral', text: `neutral prior (${neutralText}) left out: it is practically the sceptical prior here, so its row would repeat that one` });
  }

  const thresholds = thresholdsFor(measure, benefit, mcid, options.outcome);
  const posteriors: PosteriorSummary[] = [summarise('flat', null, null, mean, sd, benefit, mcid, thresholds)];
  for (const p of priors) {
    const precision = 1 / p.sd ** 2 + 1 / sd ** 2;
    const postMean = (p.mean / p.sd ** 2 + mean / sd ** 2) / precision;
    posteriors.push(summarise(p.name, p.mean, p.sd, postMean, Math.sqrt(1 / precision), benefit, mcid, thresholds));
  }
  const pct = `${Number((level * 100).toFixed(1))}%`;
  const centre = fromMidpoint ? `the CI's geometric midpoint ${r2(Math.exp(mean))}` : `ln ${num(estimate)}`;
  return {
    measure,
    measureName: EFFECT_MEASURES[measure],
    benefit,
    likelihood: { mean, sd, fromMidpoint },
    reported: { estimate: estimate ?? null, lower, upper, level },
    mcid,
    mcidSource: mcid === null ? null : (options.mcidSource ?? 'user'),
    designEffect: options.designEffect ? design : null,
    thresholds,
    priors: notes,
    omitted,
    approximation:
      `Normal approximation on the log scale: ln ${measure} ~ N(${centre}, ${sd.toFixed(3)}²), ` +
      `SE = (ln ${num(upper)} − ln ${num(lower)}) / (2 × ${z.toFixed(2)}) from the reported ${pct} CI; normal priors, conjugate update.`,
    posteriors,
  };
}

function summarise(
  prior: PriorName,
  priorMean: number | null,
  priorSd: number | null,
  mean: number,
  sd: number,
  benefit: BenefitDirection | null,
  mcid: number | null,
  thresholds: readonly BayesThreshold[],
): PosteriorSummary {
  // P(ratio < 1) = P(log ratio < 0); each tail from its own side for precision.
  const pRatioBelow1 = normalCdf(-mean / sd);
  const pRatioAbove1 = normalSf(-mean / sd);
  let pBenefit: number | null = null;
  let pHarm: number | null = null;
  let pBenefitBeyondMcid: number | null = null;
  if (benefit) {
    pBenefit = benefit === 'higher' ? pRatioAbove1 : pRatioBelow1;
    pHarm = benefit === 'higher' ? pRatioBelow1 : pRatioAbove1;
    if (mcid !== null) {
      const z = (Math.log(mcid) - mean) / sd;
      pBenefitBeyondMcid = benefit === 'higher' ? normalSf(z) : normalCdf(z);
    }
  }
  const probabilities = thresholds.map((t) => {
    const z = (Math.log(t.ratio) - mean) / sd;
    return t.side === 'above' ? normalSf(z) : normalCdf(z);
  });
  return {
    prior,
    priorMean,
    priorSd,
    mean,
    sd,
    median: Math.exp(mean),
    lower: Math.exp(mean - Z95 * sd),
    upper: Math.exp(mean + Z95 * sd),
    pRatioBelow1,
    pRatioAbove1,
    pBenefit,
    pHarm,
    pBenefitBeyondMcid,
    probabilities,
  };
}

// ── Density curves for a chart ─────────────────────────────────────────────
// Posterior (and optionally prior) densities on a log-spaced grid of ratios,
// as plain rows: one row per (grid point, prior, curve).

export interface DensityOptions {
  /** Grid points; 201 gives smooth curves at slide size. */
  points?: number;
  /** Ratio range of the grid; by default every curve's mean ± 4 sd, plus 1. */
  from?: number;
  to?: number;
  includePriors?: boolean;
}

export function posteriorDensities(result: BayesResult, options: DensityOptions = {}): DensityPoint[] {
  for (const bound of [options.from, options.to]) {
    if (bound !== undefined && !(bound > 0 && Number.isFinite(bound))) {
      throw new TrialdeckError('USAGE', `density grid bounds must be ratios > 0, got ${bound}`);
    }
  }
  const points = Math.max(2, Math.floor(options.points ?? 201));
  const includePriors = options.includePriors ?? false;
  const curves: { prior: DensityPoint['prior']; curve: DensityPoint['curve']; mean: number; sd: number }[] = [];
  for (const p of result.posteriors) {
    curves.push({ prior: p.prior, curve: 'posterior', mean: p.mean, sd: p.sd });
    if (includePriors && p.priorMean !== null && p.priorSd !== null) {
      curves.push({ prior: p.prior, curve: 'prior', mean: p.priorMean, sd: p.priorSd });
    }
  }
  let lo = options.from !== undefined ? Math.log(options.from) : Math.min(0, ...curves.map((c) => c.mean - 4 * c.sd));
  let hi = options.to !== undefined ? Math.log(options.to) : Math.max(0, ...curves.map((c) => c.mean + 4 * c.sd));
  if (!(hi > lo)) [lo, hi] = [lo - 1, lo + 1];

  const rows: DensityPoint[] = [];
  for (let i = 0; i < points; i++) {
    const logRatio = lo + ((hi - lo) * i) / (points - 1);
    const ratio = Math.exp(logRatio);
    for (const c of curves) {
      // Density of the log ratio: what a log-scaled x axis shows as area.
      const density = normalPdf((logRatio - c.mean) / c.sd) / c.sd;
      rows.push({ ratio, logRatio, prior: c.prior, curve: c.curve, density });
    }
  }
  return rows;
}
