// Types of the context meta-analysis ("Where this trial sits"). Plain JSON,
// like the rest of `Evidence`: `check --json` prints them as they are.
import type { ContextMeasure } from '../trial/context-schema.js';
import type { BenefitDirection } from '../trial/schema.js';
import type { MetaCiMethod, MetaResult, Tau2Method } from './meta-analysis.js';

/** One trial in a pooled analysis, this trial included. */
export interface ContextStudy {
  kind: 'this-trial' | 'context';
  /** Index into `context.trials`; null for this trial. */
  entry: number | null;
  name: string;
  year: number;
  design: string | null;
  n: number | null;
  population: string | null;
  /** The other trial's own wording of the outcome, when it differs. */
  definition: string | null;
  ref: number | null;
  file: string | null;
  measure: ContextMeasure;
  /** Ratio scale: as reported, or computed from counts. */
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  /** Log ratio and its variance: what is pooled. */
  yi: number;
  vi: number;
  /** Where yi/vi came from: reported estimate and CI, the CI's midpoint (no estimate given), or event counts. */
  from: 'estimate' | 'midpoint' | 'counts';
  /** Percent weight in the pooled estimate with this trial. */
  weight: number;
}

export const EXCLUSION_REASONS = ['presenter', 'no-numbers', 'no-outcome', 'other-measure', 'no-events'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** A context trial left out of every pool, and why (shown on the slide). */
export interface ContextExclusion {
  entry: number;
  name: string;
  year: number | null;
  design: string | null;
  n: number | null;
  outcome: string;
  measure: ContextMeasure | null;
  reason: ExclusionReason;
  /** One sentence for the slide, e.g. "reports an HR; LEVOECMO reports an sHR for this outcome". */
  text: string;
  ref: number | null;
}

/** A pooled estimate on the log scale (MetaResult) with the ratio-scale numbers the slides print. */
export interface PooledEstimate extends MetaResult {
  ratio: number;
  ratioLower: number;
  ratioUpper: number;
  ratioPrediction: { lower: number; upper: number } | null;
}

/** One outcome of this trial and one measure: the context trials with the same, pooled without and with this trial. */
export interface ContextAnalysis {
  /** Index into `trial.results`. */
  outcomeIndex: number;
  outcome: string;
  measure: ContextMeasure;
  benefit: BenefitDirection | null;
  /** Ordered by year; this trial among them. */
  studies: ContextStudy[];
  /** The context trials alone; null when there is none. */
  without: PooledEstimate | null;
  with: PooledEstimate;
}

export interface ContextEvidence {
  method: Tau2Method;
  ciMethod: MetaCiMethod;
  level: number;
  analyses: ContextAnalysis[];
  /** Index into `analyses` of the one the slides show: the primary outcome's, else the largest; null when nothing pooled. */
  headline: number | null;
  excluded: ContextExclusion[];
}
