// Bayesian re-reading of a reported ratio (RR, OR, HR, sHR) from its estimate
// and 95% CI, the approach of Spiegelhalter, Freedman & Parmar (JRSS A 1994):
// a normal likelihood for the log ratio, normal priors, conjugate update.
//   likelihood   mean ln(estimate), SE = (ln U − ln L) / (2 z)
//   flat         posterior = likelihood
//   neutral      mean 0, 95% of the mass between ratios 0.5 and 2
//   sceptical    mean 0, only 5% probability of the MCID effect or better
//   enthusiastic mean at the MCID, only 5% probability of no benefit or harm
import { TrialdeckError } from '../errors.js';
import type { BenefitDirection, EffectMeasure } from '../trial/schema.js';
import { normalCdf, normalPdf, normalSf, Z95, zForLevel } from './normal.js';
import type { BayesResult, DensityPoint, PosteriorSummary, PriorName } from './types.js';

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
   * Minimal clinically important difference as a ratio. Only its size is used
   * (1.75 and 1/1.75 are the same MCID); it is placed on the benefit side of 1.
   */
  mcid?: number | null;
  mcidSource?: 'user' | 'design';
}

/** One-sided 95% quantile: 5% of a normal lies beyond mean + 1.645 sd. */
const Z_ONE_SIDED_95 = zForLevel(0.9);
/** Neutral prior: ±z·sd spans ln 0.5 to ln 2. */
export const NEUTRAL_PRIOR_SD = Math.LN2 / Z95;

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

export function bayesianReanalysis(ratio: ReportedRatio, options: BayesOptions = {}): BayesResult {
  const { lower, upper, estimate } = ratio;
  const level = ratio.level ?? 0.95;
  if (!(lower > 0 && upper > lower)) throw invalid(`expected a ratio CI with 0 < lower < upper, got ${lower} to ${upper}`);
  if (estimate !== undefined && !(estimate > 0)) throw invalid(`expected a ratio estimate > 0, got ${estimate}`);
  const benefit = options.benefit ?? null;
  const mcid = orientMcid(options.mcid, benefit);

  const sd = (Math.log(upper) - Math.log(lower)) / (2 * zForLevel(level));
  const fromMidpoint = estimate === undefined;
  const mean = fromMidpoint ? (Math.log(lower) + Math.log(upper)) / 2 : Math.log(estimate);

  const priors: { name: PriorName; mean: number; sd: number }[] = [{ name: 'neutral', mean: 0, sd: NEUTRAL_PRIOR_SD }];
  if (mcid !== null) {
    const logMcid = Math.log(mcid);
    const spread = Math.abs(logMcid) / Z_ONE_SIDED_95;
    priors.push({ name: 'sceptical', mean: 0, sd: spread }, { name: 'enthusiastic', mean: logMcid, sd: spread });
  }

  const posteriors: PosteriorSummary[] = [summarise('flat', null, null, mean, sd, benefit, mcid)];
  for (const p of priors) {
    const precision = 1 / p.sd ** 2 + 1 / sd ** 2;
    const postMean = (p.mean / p.sd ** 2 + mean / sd ** 2) / precision;
    posteriors.push(summarise(p.name, p.mean, p.sd, postMean, Math.sqrt(1 / precision), benefit, mcid));
  }

  return {
    measure: ratio.measure,
    benefit,
    likelihood: { mean, sd, fromMidpoint },
    mcid,
    mcidSource: mcid === null ? null : (options.mcidSource ?? 'user'),
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
