// Public API of the evidence engine (the pipeline's derive stage).
export { deriveEvidence, type DeriveOptions } from './derive.js';
export { wilson } from './wilson.js';
export { riskDifference } from './newcombe.js';
export { riskRatio } from './risk-ratio.js';
export { oddsRatio } from './odds-ratio.js';
export { numberNeededToTreat, nntValue, formatNntValue } from './nnt.js';
export { fisherExact, logFactorial, FISHER_RELATIVE_TOLERANCE } from './fisher.js';
export { fragilityIndex, DEFAULT_FRAGILITY_CAP, type FragilityOptions } from './fragility.js';
export {
  bayesianReanalysis,
  posteriorDensities,
  orientMcid,
  NEUTRAL_PRIOR_SD,
  type BayesOptions,
  type DensityOptions,
  type ReportedRatio,
} from './bayes.js';
export { auditTrial, auditOutcome, auditSummary, eventCounts, AUDIT_THRESHOLDS } from './audit.js';
export { erf, erfc, normalCdf, normalSf, normalPdf, normalQuantile, twoSidedP, zForLevel, Z95 } from './normal.js';
export { assertCounts, countsAreValid } from './counts.js';
export * from './types.js';
// Issue 12: absolute translation, power, one number per quantity, fragility scope, words vs numbers.
export { absoluteTranslation, translateRisk, type RatioWithCi } from './absolute-risk.js';
export { schoenfeldEvents, schoenfeldDetectableHr, twoProportionsPerArm, detectableProportion, powerCheck, type PowerOptions, type PowerCheckInput } from './power.js';
export { chooseQuantity, signedPoints, type ChosenQuantity, type QuantityKind } from './quantity.js';
export { fragilityEntries, fragilityNotApplicable, reportedSignificant } from './fragility-scope.js';
export { findClaims, MAX_FLAGS, type ClaimContext } from './claims.js';
export { SPIN_CATEGORIES, isSpinCategory, type SpinCategory } from './claim-patterns.js';
export { outcomeNoun, oppositeWording, outcomeKeywords } from './outcome-words.js';
