// Shared types of the evidence engine (the pipeline's derive stage). Every
// value here is plain JSON: no Infinity, no NaN, no class instances, so an
// `Evidence` can be cached, snapshotted and handed to templates as is.
import type { Diagnostic } from '../errors.js';
import type { BenefitDirection, EffectMeasure, Hypothesis, OutcomeRole } from '../trial/schema.js';
import type { SpinCategory } from './claim-patterns.js';
import type { ContextEvidence } from './context-types.js';
import type { ContinuousView } from './continuous.js';
import type { Verdict } from './verdict.js';
import { memberOf } from '../member-of.js';

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
  /**
   * False when the CI of the difference includes 0: a point NNT then means
   * nothing ("NNTB 2101" for a null result), so slides show `slideText`.
   */
  showPoint: boolean;
  /** What a slide shows: `text` when `showPoint`, else "no clear difference (95% CI NNTB 8 to ∞ to NNTH 8)". */
  slideText: string;
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

/** Fragility for one outcome, or why it does not apply (issue 12). */
export interface FragilityEntry {
  outcomeIndex: number;
  outcome: string;
  role: OutcomeRole;
  /** False for time-to-event, competing-risks or adjusted analyses: crude 2×2 counts are not what was tested. */
  applies: boolean;
  /** Why it does not apply, or why no index was computed; a sentence for the slide. Null when `result` is set. */
  reason: string | null;
  result: FragilityResult | null;
  /** How to read it, with its source (Walsh 2014; Khan 2020 for the reverse index). */
  meaning: string;
}

// ── Bayesian re-reading ─────────────────────────────────────────────────────

export const PRIOR_NAMES = ['flat', 'neutral', 'sceptical', 'enthusiastic'] as const;
export type PriorName = (typeof PRIOR_NAMES)[number];
export const isPriorName: (v: unknown) => v is PriorName = memberOf(PRIOR_NAMES);

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
  /** P(the opposite of benefit): for a good outcome (weaning) fewer of them, not a safety harm. */
  pHarm: number | null;
  /** Null unless an MCID was set by the presenter (`evidence.mcid`). */
  pBenefitBeyondMcid: number | null;
  /** P(each of `BayesResult.thresholds`), in the same order. */
  probabilities: number[];
}

export type BayesThresholdId = 'benefit' | 'benefit-small' | 'benefit-larger' | 'benefit-mcid' | 'opposite' | 'opposite-small' | 'above-1' | 'below-1';

/** A posterior probability worth a column: P(ratio beyond `ratio` on `side`). */
export interface BayesThreshold {
  id: BayesThresholdId;
  ratio: number;
  side: 'above' | 'below';
  /** The number as it is: "P(sHR > 1.1)". */
  label: string;
  /** What it means for this outcome: "any benefit", "fewer successful VA-ECMO weanings". */
  meaning: string;
}

export interface BayesPriorNote {
  prior: PriorName;
  /** "centred on sHR 1.00, 5% probability beyond the design effect sHR 1.75 (SD 0.340 on the log scale)" */
  text: string;
}

export interface BayesResult {
  measure: EffectMeasure;
  /** "subdistribution hazard ratio". */
  measureName: string;
  benefit: BenefitDirection | null;
  /** Normal likelihood on the log scale, from the reported estimate and CI. */
  likelihood: { mean: number; sd: number; fromMidpoint: boolean };
  /** The reported ratio as given: the flat row quotes it rather than its symmetric approximation. */
  reported: { estimate: number | null; lower: number; upper: number; level: number };
  /** The presenter's MCID (`evidence.mcid`) as a ratio on the benefit side of 1; never the design effect. */
  mcid: number | null;
  mcidSource: 'user' | 'design' | null;
  /** The effect the trial was powered for, on the benefit side of 1: it sets the sceptical and enthusiastic priors. */
  designEffect: number | null;
  thresholds: BayesThreshold[];
  /** How each prior used here is defined, and why any was left out. */
  priors: BayesPriorNote[];
  omitted: BayesPriorNote[];
  /** "Normal approximation on the log scale: ln sHR ~ N(ln 1.02, 0.161²), SE = (ln 1.39 − ln 0.74)/(2 × 1.96)." */
  approximation: string;
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

// ── Absolute translation and power (issue 12) ─────────────────────────────

/** A ratio primary carried to absolute risks through the control arm's risk. */
export interface AbsoluteTranslation {
  measure: 'HR' | 'sHR' | 'RR' | 'OR';
  measureName: string;
  method: 'p1 = 1 − (1 − p0)^HR' | 'p1 = p0 × RR' | 'odds1 = odds0 × OR';
  control: { events: number; total: number; risk: number };
  ratio: { estimate: number; lower: number; upper: number; level: number };
  /** Experimental-arm risk at the estimate and at each CI limit (proportions). */
  risk: { estimate: number; lower: number; upper: number };
  /** Experimental minus control, at the estimate and each CI limit (proportions). */
  difference: { estimate: number; lower: number; upper: number };
  /** One sentence for the primary-outcome slide. */
  text: string;
}

/** The effect the trial was powered for against the effect it could detect. */
export interface PowerCheck {
  method: 'schoenfeld' | 'two-proportions';
  power: number;
  alpha: number;
  /** What the design assumed, as the paper states it. */
  assumed: { measure: EffectMeasure | null; value: number | null; text: string };
  /** Events (Schoenfeld) or patients per arm (two proportions) the result rests on. */
  events: number | null;
  perArm: number | null;
  controlRisk: number | null;
  /** Detectable ratio (Schoenfeld) or experimental-arm risk (two proportions) on the benefit side. */
  detectable: number;
  /** For two proportions: the detectable difference in risk (proportion); null for ratios. */
  detectableDifference: number | null;
  assumedText: string;
  detectableText: string;
}

// ── Words vs numbers (claims.ts) ────────────────────────────────────────

export interface ClaimFlag {
  /** One of SPIN_CATEGORIES (claim-patterns.ts), after Boutron et al. 2010. */
  category: SpinCategory;
  categoryLabel: string;
  /** The sentence exactly as the source has it: never rewritten, never cut. */
  sentence: string;
  /** The words that make the claim, e.g. "increased", "identical". */
  claim: string;
  /** JSON path of the field, e.g. `resultsSummary[2]`. */
  path: string;
  outcomeIndex: number | null;
  outcome: string | null;
  /** The numbers the claim is set against: "RR 2.06 (95% CI 0.97 to 4.37); RD +9.2 points (…; reported)". */
  ciText: string;
  message: string;
  /** 1-based line of the sentence in the input file, filled in by `trialdeck check` when it can be found. */
  line?: number;
}

// ── Audit ────────────────────────────────────────────────────────────────────

export const SEVERITIES = ['ok', 'minor', 'material'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const isSeverity: (v: unknown) => v is Severity = memberOf(SEVERITIES);

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
  /** Fragility (or reverse fragility) of the primary outcome, when it has event counts and the index applies. */
  fragility: (FragilityResult & { outcomeIndex: number }) | null;
  /** Non-inferiority primary: fragility against the margin, or why not. Null for superiority. */
  marginFragility: MarginFragility | null;
  /** The primary (applicable or not, with the reason) and every significant binary secondary or safety outcome. */
  fragilities: FragilityEntry[];
  /** The primary's ratio in absolute terms (p0 from the comparator arm); null without a ratio and counts. */
  absolute: AbsoluteTranslation | null;
  /** The design's assumed effect beside the effect the primary's data could detect. */
  power: PowerCheck | null;
  /** Claims in the trial's prose that its numbers do not carry (words vs numbers). */
  claims: ClaimFlag[];
  audit: AuditFinding[];
  /** "Where this trial sits": the context trials pooled with this one; absent when `context.trials` is empty. */
  context?: ContextEvidence;
  warnings: Diagnostic[];
}
