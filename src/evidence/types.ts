// Shared types of the evidence engine (the pipeline's derive stage). Every
// value here is plain JSON: no Infinity, no NaN, no class instances, so an
// `Evidence` can be cached, snapshotted and handed to templates as is.
import type { Diagnostic } from '../errors.js';
import type { BenefitDirection, EffectMeasure, Hypothesis, OutcomeRole } from '../trial/schema.js';
import type { ContinuousView } from './continuous.js';
import type { Verdict } from './verdict.js';

/** One arm of a two-arm binary outcome. */
export interface ArmCounts {
  readonly events: number;
  readonly total: number;
}

export interface Interval {
  lower: number;
  upper: number;
  /** Confidence level, 0.95 for a 95% CI. */
  level: number;
}

export interface RiskEstimate extends Interval {
  events: number;
  total: number;
  risk: number;
  method: 'wilson';
}

/** Experimental minus comparator, as a proportion (0.092 = 9.2 percentage points). */
export interface DifferenceEstimate extends Interval {
  estimate: number;
  method: 'newcombe-hybrid-score';
}

export interface RatioEstimate extends Interval {
  estimate: number;
  /** Standard error of the log ratio. */
  logSe: number;
  /** True when 0.5 was added to every cell because one cell was zero. */
  corrected: boolean;
  method: 'katz-log' | 'woolf-logit';
}

export interface FisherResult {
  /** Two-sided p: sum of table probabilities no larger than the observed one. */
  p: number;
  /** Hypergeometric probability of the observed table. */
  pTable: number;
}

// ── NNT (Altman, BMJ 1998) ───────────────────────────────────────────────────

export type NntKind = 'NNTB' | 'NNTH';

/** One end of an NNT. `kind: null, value: null` is ∞ (no difference), kept out of JSON as a number. */
export interface NntValue {
  kind: NntKind | null;
  value: number | null;
  /** Whole number shown on slides: NNTs are rounded up (10.9 → 11). */
  display: number | null;
}

export interface NntResult {
  benefit: BenefitDirection;
  /** Absolute difference on the benefit scale: positive means the experimental arm does better. */
  benefitDifference: { estimate: number; lower: number; upper: number };
  estimate: NntValue;
  /** True when the CI of the difference includes 0, so the NNT interval runs through ∞. */
  throughInfinity: boolean;
  /** In display order: "NNTB a to b", or "NNTB a to ∞ to NNTH b". */
  limits: [NntValue, NntValue];
  level: number;
  estimateText: string;
  ciText: string;
  /** e.g. "NNTH 11 (95% CI NNTB 520 to ∞ to NNTH 6)". */
  text: string;
}

// ── Fragility ────────────────────────────────────────────────────────────────

export type ArmRole = 'experimental' | 'comparator';

export interface FragilityResult {
  /** `fragility` for a significant result (Walsh 2014); `reverse` for a non-significant one. */
  kind: 'fragility' | 'reverse';
  label: 'Fragility index' | 'Reverse fragility index';
  /** Number of event flips; null when significance did not change within the cap or the arm's size. */
  value: number | null;
  reached: boolean;
  arm: ArmRole | null;
  direction: 'add-events' | 'remove-events' | null;
  alpha: number;
  /** Fisher's exact p before and after the flips. */
  pInitial: number;
  pFinal: number | null;
  finalCounts: { experimental: ArmCounts; comparator: ArmCounts } | null;
  /** Most flips tried per direction. */
  cap: number;
  text: string;
}

// ── Bayesian re-reading ─────────────────────────────────────────────────────

export const PRIOR_NAMES = ['flat', 'neutral', 'sceptical', 'enthusiastic'] as const;
export type PriorName = (typeof PRIOR_NAMES)[number];
export function isPriorName(v: unknown): v is PriorName {
  return typeof v === 'string' && (PRIOR_NAMES as readonly string[]).includes(v);
}

export interface PosteriorSummary {
  prior: PriorName;
  /** Prior on the log ratio; null for the flat prior. */
  priorMean: number | null;
  priorSd: number | null;
  /** Posterior on the log ratio. */
  mean: number;
  sd: number;
  /** Posterior median ratio and 95% credible interval, on the ratio scale. */
  median: number;
  lower: number;
  upper: number;
  pRatioBelow1: number;
  pRatioAbove1: number;
  /** Null when the outcome's benefit direction is unknown. */
  pBenefit: number | null;
  pHarm: number | null;
  /** Null when no MCID is known. */
  pBenefitBeyondMcid: number | null;
}

export interface BayesResult {
  measure: EffectMeasure;
  benefit: BenefitDirection | null;
  /** Normal likelihood on the log scale, from the reported estimate and CI. */
  likelihood: { mean: number; sd: number; fromMidpoint: boolean };
  /** MCID as a ratio on the benefit side of 1 (e.g. 1.75, or 1/1.75 when lower is better). */
  mcid: number | null;
  mcidSource: 'user' | 'design' | null;
  posteriors: PosteriorSummary[];
}

export interface DensityPoint {
  ratio: number;
  logRatio: number;
  prior: PriorName;
  curve: 'posterior' | 'prior';
  /** Density with respect to the log ratio, so curves compare on a log axis. */
  density: number;
}

// ── Audit ────────────────────────────────────────────────────────────────────

export const SEVERITIES = ['ok', 'minor', 'material'] as const;
export type Severity = (typeof SEVERITIES)[number];
export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

export type AuditCheck = 'percent' | 'risk-ratio' | 'odds-ratio' | 'risk-difference' | 'ci-vs-p';

export interface AuditValues {
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  p: number | null;
}

export interface AuditFinding {
  outcomeIndex: number;
  outcomeName: string;
  check: AuditCheck;
  /** What was compared, in words. */
  compared: string;
  /** JSON path of the reported value in the trial. */
  path: string;
  reported: AuditValues;
  recomputed: AuditValues;
  reportedText: string;
  recomputedText: string;
  severity: Severity;
  /** Neutral wording: a discrepancy most likely means another method, never "an error". */
  message: string;
}

// ── The derive stage's output ───────────────────────────────────────────────

export interface BinaryEvidence {
  experimental: RiskEstimate;
  comparator: RiskEstimate;
  riskDifference: DifferenceEstimate;
  riskRatio: RatioEstimate;
  oddsRatio: RatioEstimate;
  fisher: FisherResult;
  /** Null when the outcome has no benefit direction. */
  nnt: NntResult | null;
}

export interface ArmRef {
  id: string;
  label: string;
}

/** Posterior probabilities against a non-inferiority or equivalence margin (ratio effects). */
export interface MarginProbabilities {
  hypothesis: 'non-inferiority' | 'equivalence';
  /** The boundary on the ratio scale, on the harm side of 1 (equivalence: the upper one; the lower is 1/it). */
  boundary: number;
  posteriors: {
    prior: PriorName;
    /** Non-inferiority: P(ratio on the benefit side of the boundary); equivalence: P(inside both boundaries). */
    pWithinMargin: number;
    pBeyondMargin: number;
  }[];
  /** e.g. "P(HR < 1.46) = 99.9% (flat prior)". */
  text: string;
}

/** One named pair of arms of one outcome: `arm` vs `vs`. */
export interface ComparisonEvidence {
  arm: ArmRef;
  vs: ArmRef;
  /** "Ticagrelor 60 mg vs Placebo". */
  label: string;
  /** Factorial trials: the factor the comparison belongs to. */
  factor: string | null;
  /** True for the outcome's headline comparison (the one `binary` and `bayes` describe). */
  headline: boolean;
  /** JSON paths of the reported effects for this pair: `results[2].effect`, `results[2].otherEffects[0]`. */
  effects: string[];
  binary: BinaryEvidence | null;
  bayes: BayesResult | null;
  margin: MarginProbabilities | null;
  /** Verdict of the pair's first reported effect (superiority, non-inferiority or equivalence); null without one. */
  verdict: Verdict | null;
  /** Difference effects (continuous outcomes): the primary-slide sentence; null for ratios. */
  continuous: ContinuousView | null;
}

export interface OutcomeEvidence {
  /** Index into `trial.results`; `evidence.outcomes[i].index === i`. */
  index: number;
  name: string;
  role: OutcomeRole;
  benefit: BenefitDirection | null;
  hypothesis: Hypothesis;
  /** One entry per pair the outcome is read for, never an arbitrary first two arms. */
  comparisons: ComparisonEvidence[];
  /** The headline comparison's, kept so code written for two arms works. */
  binary: BinaryEvidence | null;
  bayes: BayesResult | null;
}

/** Fragility against a non-inferiority margin, or why it is not computed. */
export interface MarginFragility {
  outcomeIndex: number;
  /** Patients whose outcome must change for the CI bound to cross the margin; null when not computed. */
  value: number | null;
  measure: 'RR' | 'RD' | null;
  /** The margin on the harm side (RD as a proportion); null when no usable margin is given. */
  boundary: number | null;
  text: string;
}

export interface Evidence {
  /** The headline comparison: the primary outcome's (or the first outcome's) `arm` vs `vs`. */
  arms: { experimental: ArmRef; comparator: ArmRef };
  /** The control arm, when data or the arm labels name one. */
  control: ArmRef | null;
  /** One entry per `trial.results[i]`, in the same order. */
  outcomes: OutcomeEvidence[];
  primaryIndex: number | null;
  /** Fragility (or reverse fragility) of the primary outcome, when it has event counts. */
  fragility: (FragilityResult & { outcomeIndex: number }) | null;
  /** Non-inferiority primary: fragility against the margin, or why not. Null for superiority. */
  marginFragility: MarginFragility | null;
  audit: AuditFinding[];
  warnings: Diagnostic[];
}
