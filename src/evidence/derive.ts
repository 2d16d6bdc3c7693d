// The pipeline's derive stage: Trial → Evidence.
//
//   trial.results[i] ──┬─ both arms events? ─► risks (Wilson), RD (Newcombe),
//                      │                       RR (Katz), OR (Woolf), Fisher,
//                      │                       NNT (Altman, needs `benefit`)
//                      ├─ ratio effect + CI? ─► Bayesian re-reading
//                      └─ primary or significant secondary, counts,
//                         analysed as proportions? ─► fragility / reverse fragility
//   whole trial ─────────────────────────────► audit (reported vs recomputed)
//
// Each outcome is read for every named pair (src/trial/comparisons.ts: the
// effects' `comparison`, else each arm vs the control), never for the first
// two arms by position. `binary`/`bayes` stay the headline pair's. Problems
// that only cost a figure (impossible counts, a missing benefit direction)
// become warnings.
import { TrialdeckError, type Diagnostic } from '../errors.js';
import { armLabel, controlArm, outcomeComparisons, outcomeHypothesis } from '../trial/comparisons.js';
import { isRatioMeasure, type Effect, type Outcome, type Trial } from '../trial/schema.js';
import { absoluteTranslation } from './absolute-risk.js';
import { auditTrial } from './audit.js';
import { findClaims } from './claims.js';
import { compareArms, headlineComparison, type PairContext } from './compare.js';
import type { FragilityOptions } from './fragility.js';
import { fragilityEntries } from './fragility-scope.js';
import { marginBoundary } from './margin.js';
import { marginFragility as fragilityAgainstMargin } from './margin-fragility.js';
import { powerCheck } from './power.js';
import type { ArmRef, Evidence, OutcomeEvidence } from './types.js';

export interface DeriveOptions {
  /**
   * The presenter's MCID as a ratio (`evidence.mcid`) for the Bayesian
   * re-reading of every ratio outcome. The trial's planned target effect is
   * not an MCID: it only sets the primary's sceptical and enthusiastic priors.
   */
  mcid?: number;
  /** Significance level of the fragility index; 0.05 by default. */
  alpha?: number;
  fragilityCap?: FragilityOptions['cap'];
}

function warning(code: string, path: string, message: string): Diagnostic {
  return { level: 'warning', code, path, message };
}

/** The outcome's first reported ratio effect with a usable CI: main effect first, then the others. */
function ratioEffect(outcome: Outcome): Effect | null {
  for (const e of [outcome.effect, ...outcome.otherEffects]) {
    if (e?.reported && isRatioMeasure(e.measure) && e.ci && e.ci.lower > 0 && e.ci.upper > e.ci.lower && (e.estimate === undefined || e.estimate > 0)) return e;
  }
  return null;
}

function designMcid(trial: Trial): number | null {
  const t = trial.design.statistics.targetEffect;
  return t && isRatioMeasure(t.measure) && t.value > 0 && t.value !== 1 ? t.value : null;
}

export function deriveEvidence(trial: Trial, options: DeriveOptions = {}): Evidence {
  if (trial.arms.length < 2) throw new TrialdeckError('DATA_INVALID', 'expected at least two arms', [{ path: 'arms', message: 'expected at least two arms' }]);
  const { mcid } = options;
  if (mcid !== undefined && !(Number.isFinite(mcid) && mcid > 0 && mcid !== 1)) {
    throw new TrialdeckError('USAGE', `MCID must be a ratio greater than 0 and other than 1, got ${mcid}`);
  }
  const warnings: Diagnostic[] = [];
  const primaryIndex = trial.results.findIndex((o) => o.role === 'primary');
  const design = designMcid(trial);

  let marginFragility: Evidence['marginFragility'] = null;
  const outcomes = trial.results.map((outcome, index): OutcomeEvidence => {
    const path = `results[${index}]`;
    // Only the presenter's value is an MCID; the design effect sets the priors (primary only: it was powered for that one).
    const ctx: PairContext = { trial, outcome, path, mcid: mcid ?? null, designEffect: index === primaryIndex ? design : null, warnings };
    const pairs = outcomeComparisons(trial, outcome);
    if (pairs.length === 0) {
      warnings.push(warning('evidence/no-comparison', `${path}.effect.comparison`, 'no control arm and no comparison named: nothing recomputed for this outcome'));
    }
    const head = headlineComparison(trial, outcome, pairs);
    const comparisons = pairs.map((c) => compareArms(c, c === head, ctx));
    const headline = comparisons.find((c) => c.headline) ?? null;
    const hypothesis = outcomeHypothesis(trial, outcome);
    const binary = headline?.binary ?? null;

    if (index === primaryIndex && head && hypothesis !== 'superiority') {
      // Fisher's P < 0.05 is not what a non-inferiority or equivalence trial claims: the margin is the threshold.
      const boundary = marginBoundary(trial, outcome, outcome.effect);
      const counts = binary ? { exp: { events: binary.experimental.events, total: binary.experimental.total }, comp: { events: binary.comparator.events, total: binary.comparator.total } } : null;
      marginFragility = boundary
        ? fragilityAgainstMargin(counts?.exp ?? null, counts?.comp ?? null, boundary, index, outcome.effect?.ci?.level)
        : { outcomeIndex: index, value: null, measure: null, boundary: null, text: `Fragility is not computed: a ${hypothesis} result is judged against its margin, which is not given on the effect's scale.` };
    }
    const bayes = headline?.bayes ?? null;
    if (!outcome.benefit && comparisons.some((c) => c.binary || c.bayes)) {
      warnings.push(warning('evidence/no-benefit', `${path}.benefit`, 'no benefit direction (higher or lower): NNT and benefit probabilities skipped'));
    }
    return { index, name: outcome.name, role: outcome.role, benefit: outcome.benefit ?? null, hypothesis, comparisons, binary, bayes };
  });

  const control = controlArm(trial).id;
  const arms = headlineArms(trial, outcomes, primaryIndex);
  const labels = { experimental: arms.experimental.label, comparator: arms.comparator.label };
  // Fragility only where its assumptions hold: the primary (or why not) and significant binary secondaries;
  // a non-inferiority primary is read against its margin instead (marginFragility).
  const primaryHypothesis = primaryIndex >= 0 ? outcomes[primaryIndex]?.hypothesis : undefined;
  const fragilities = fragilityEntries({
    trial,
    binary: outcomes.map((o) => o.binary),
    primaryIndex: primaryHypothesis === 'superiority' ? primaryIndex : -1,
    labels,
    options: { alpha: options.alpha, cap: options.fragilityCap },
  });
  const primaryFragility = fragilities.find((f) => f.outcomeIndex === primaryIndex)?.result;
  const fragility: Evidence['fragility'] = primaryFragility ? { ...primaryFragility, outcomeIndex: primaryIndex } : null;

  // The primary in absolute terms, and the power it was designed for against what its data could detect.
  const primary = primaryIndex >= 0 ? trial.results[primaryIndex] : undefined;
  const primaryBinary = primaryIndex >= 0 ? outcomes[primaryIndex]?.binary : null;
  let absolute: Evidence['absolute'] = null;
  let power: Evidence['power'] = null;
  if (primary && primaryBinary) {
    const counts = (r: { events: number; total: number }): { events: number; total: number } => ({ events: r.events, total: r.total });
    const ratio = ratioEffect(primary);
    if (ratio?.ci && ratio.estimate !== undefined && ratio.measure !== 'other') {
      absolute = absoluteTranslation(
        counts(primaryBinary.comparator),
        { measure: ratio.measure, estimate: ratio.estimate, lower: ratio.ci.lower, upper: ratio.ci.upper, level: ratio.ci.level },
        { ...labels, outcome: primary.name },
      );
    }
    power = powerCheck({
      measure: primary.effect?.measure ?? null,
      experimental: counts(primaryBinary.experimental),
      comparator: counts(primaryBinary.comparator),
      benefit: primary.benefit ?? null,
      statistics: trial.design.statistics,
    });
  }
  return {
    arms,
    control: control === null ? null : { id: control, label: armLabel(trial, control) },
    outcomes,
    primaryIndex: primaryIndex >= 0 ? primaryIndex : null,
    fragility,
    marginFragility,
    fragilities,
    absolute,
    power,
    claims: findClaims(trial, { binary: outcomes.map((o) => o.binary), power, primaryIndex: primaryIndex >= 0 ? primaryIndex : null }),
    audit: auditTrial(trial),
    warnings,
  };
}

/** The primary outcome's headline pair, else the first outcome's, else the first two arms (labels only: nothing is computed for them). */
function headlineArms(trial: Trial, outcomes: OutcomeEvidence[], primaryIndex: number): Evidence['arms'] {
  const ordered = primaryIndex >= 0 ? [outcomes[primaryIndex], ...outcomes] : outcomes;
  for (const o of ordered) {
    const h = o?.comparisons.find((c) => c.headline);
    if (h) return { experimental: h.arm, comparator: h.vs };
  }
  const [a, b] = trial.arms as [ArmRef, ArmRef];
  return { experimental: { id: a.id, label: a.label }, comparator: { id: b.id, label: b.label } };
}
