// Non-inferiority and equivalence margins as boundaries on an effect's scale.
//
// A margin is stored as the paper prints it ("HR 1.46", "−10 percentage
// points", "0.68" for 1/1.46); here it becomes a boundary on the HARM side of
// no effect, found from the outcome's benefit direction (lower is better:
// harm is above 1 / above 0). Without a benefit direction the margin's own
// side is trusted. Equivalence margins are symmetrical: ratio 1/M..M,
// difference −M..M.
import { outcomeHypothesis } from '../trial/comparisons.js';
import { isRatioMeasure, type Effect, type EffectMeasure, type Outcome, type Trial } from '../trial/schema.js';
import { formatRatio } from './format.js';
import { normalCdf } from './normal.js';
import type { BayesResult, MarginProbabilities } from './types.js';

export interface MarginBoundary {
  hypothesis: 'non-inferiority' | 'equivalence';
  measure: EffectMeasure;
  ratio: boolean;
  /** No effect: 1 for ratios, 0 for differences. */
  null: number;
  /** The boundary on the harm side (non-inferiority), or the outer boundary on the harm side (equivalence). */
  boundary: number;
  /** Equivalence only: the boundary on the benefit side. */
  benefitBoundary: number | null;
  /** True when larger effects are harm (ratio above 1 or difference above 0). */
  harmAbove: boolean;
  /** The value as given, for text. */
  value: number;
}

/**
 * The outcome's margin as a boundary for `effect`, or null when the outcome
 * is read for superiority, has no margin, or the margin is on another scale.
 */
export function marginBoundary(trial: Pick<Trial, 'design'>, outcome: Outcome, effect: Pick<Effect, 'measure'> | undefined): MarginBoundary | null {
  const hypothesis = outcomeHypothesis(trial, outcome);
  const margin = outcome.margin;
  if (hypothesis === 'superiority' || !margin) return null;
  const measure = margin.measure ?? effect?.measure ?? 'other';
  if (effect && effect.measure !== 'other' && measure !== 'other' && isRatioMeasure(effect.measure) !== isRatioMeasure(measure)) return null;
  const ratio = isRatioMeasure(measure);
  const v = margin.value;
  if (ratio ? !(v > 0) || v === 1 : v === 0) return null;
  const nul = ratio ? 1 : 0;
  const harmAbove = outcome.benefit ? outcome.benefit === 'lower' : v > nul;
  const size = ratio ? Math.max(v, 1 / v) : Math.abs(v);
  const boundary = ratio ? (harmAbove ? size : 1 / size) : harmAbove ? size : -size;
  const benefitBoundary = hypothesis === 'equivalence' ? (ratio ? 1 / boundary : -boundary) : null;
  return { hypothesis, measure, ratio, null: nul, boundary, benefitBoundary, harmAbove, value: v };
}

/**
 * Posterior probabilities against the margin for a Bayesian re-reading on the
 * log-ratio scale: P(ratio on the good side of the boundary) under each prior.
 */
export function marginProbabilities(bayes: BayesResult, m: MarginBoundary): MarginProbabilities | null {
  if (!m.ratio) return null;
  const lnB = Math.log(m.boundary);
  const posteriors = bayes.posteriors.map((p) => {
    const below = normalCdf((lnB - p.mean) / p.sd);
    let within = m.harmAbove ? below : 1 - below;
    if (m.hypothesis === 'equivalence' && m.benefitBoundary !== null) {
      const lo = Math.min(m.boundary, m.benefitBoundary);
      const hi = Math.max(m.boundary, m.benefitBoundary);
      within = normalCdf((Math.log(hi) - p.mean) / p.sd) - normalCdf((Math.log(lo) - p.mean) / p.sd);
    }
    return { prior: p.prior, pWithinMargin: within, pBeyondMargin: 1 - within };
  });
  const flat = posteriors.find((p) => p.prior === 'flat') ?? posteriors[0];
  const b = formatRatio(m.boundary);
  const event =
    m.hypothesis === 'equivalence'
      ? `${formatRatio(Math.min(m.boundary, m.benefitBoundary ?? m.boundary))} < ${bayes.measure} < ${formatRatio(Math.max(m.boundary, m.benefitBoundary ?? m.boundary))}`
      : `${bayes.measure} ${m.harmAbove ? '<' : '>'} ${b}`;
  const shown = flat ? percent(flat.pWithinMargin) : '';
  const text = flat ? `P(${event}) ${/^[<>]/.test(shown) ? shown : `= ${shown}`} (${flat.prior} prior)` : '';
  return { hypothesis: m.hypothesis, boundary: m.boundary, posteriors, text };
}

function percent(p: number): string {
  if (p > 0.999) return '> 99.9%';
  if (p < 0.001) return '< 0.1%';
  return `${(p * 100).toFixed(1)}%`;
}
