// The pipeline's derive stage: Trial → Evidence.
//
//   trial.results[i] ──┬─ both arms events? ─► risks (Wilson), RD (Newcombe),
//                      │                       RR (Katz), OR (Woolf), Fisher,
//                      │                       NNT (Altman, needs `benefit`)
//                      ├─ ratio effect + CI? ─► Bayesian re-reading
//                      └─ primary, counts? ──► fragility / reverse fragility
//   whole trial ─────────────────────────────► audit (reported vs recomputed)
//
// Each outcome is read for every named pair (src/trial/comparisons.ts: the
// effects' `comparison`, else each arm vs the control), never for the first
// two arms by position. `binary`/`bayes` stay the headline pair's. Problems
// that only cost a figure (impossible counts, a missing benefit direction)
// become warnings.
import { TrialdeckError, type Diagnostic } from '../errors.js';
import { armLabel, controlArm, outcomeComparisons, outcomeHypothesis } from '../trial/comparisons.js';
import { isRatioMeasure, type Trial } from '../trial/schema.js';
import { auditTrial } from './audit.js';
import { compareArms, headlineComparison, pairCounts, type PairContext, type PairCounts } from './compare.js';
import { fragilityIndex, type FragilityOptions } from './fragility.js';
import { marginBoundary } from './margin.js';
import { marginFragility as fragilityAgainstMargin } from './margin-fragility.js';
import type { ArmRef, Evidence, OutcomeEvidence } from './types.js';

export interface DeriveOptions {
  /**
   * MCID as a ratio for the Bayesian re-reading of every ratio outcome. By
   * default the trial's planned target effect is used, for the primary
   * outcome only (it was powered for that one).
   */
  mcid?: number;
  /** Significance level of the fragility index; 0.05 by default. */
  alpha?: number;
  fragilityCap?: FragilityOptions['cap'];
}

function warning(code: string, path: string, message: string): Diagnostic {
  return { level: 'warning', code, path, message };
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

  let fragility: Evidence['fragility'] = null;
  let marginFragility: Evidence['marginFragility'] = null;
  const outcomes = trial.results.map((outcome, index): OutcomeEvidence => {
    const path = `results[${index}]`;
    const user = mcid ?? null;
    const ctx: PairContext = { trial, outcome, path, mcid: user ?? (index === primaryIndex ? design : null), mcidSource: user !== null ? 'user' : 'design', warnings };
    const pairs = outcomeComparisons(trial, outcome);
    if (pairs.length === 0) {
      warnings.push(warning('evidence/no-comparison', `${path}.effect.comparison`, 'no control arm and no comparison named: nothing recomputed for this outcome'));
    }
    const head = headlineComparison(trial, outcome, pairs);
    const comparisons = pairs.map((c) => compareArms(c, c === head, ctx));
    const headline = comparisons.find((c) => c.headline) ?? null;
    const hypothesis = outcomeHypothesis(trial, outcome);

    if (index === primaryIndex && head) {
      // Warnings for impossible counts were already given by compareArms.
      const counts: PairCounts | null = pairCounts(head, { ...ctx, warnings: [] });
      const boundary = marginBoundary(trial, outcome, outcome.effect);
      if (hypothesis !== 'superiority') {
        // Fisher's P < 0.05 is not what a non-inferiority or equivalence trial claims: the margin is the threshold.
        marginFragility = boundary
          ? fragilityAgainstMargin(counts?.exp ?? null, counts?.comp ?? null, boundary, index, outcome.effect?.ci?.level)
          : { outcomeIndex: index, value: null, measure: null, boundary: null, text: `Fragility is not computed: a ${hypothesis} result is judged against its margin, which is not given on the effect's scale.` };
      } else if (counts) {
        const labels = { experimental: armLabel(trial, head.arm), comparator: armLabel(trial, head.vs) };
        const f = fragilityIndex(counts.exp, counts.comp, { labels, alpha: options.alpha, cap: options.fragilityCap });
        fragility = { ...f, outcomeIndex: index };
      }
    }
    const binary = headline?.binary ?? null;
    const bayes = headline?.bayes ?? null;
    if (!outcome.benefit && comparisons.some((c) => c.binary || c.bayes)) {
      warnings.push(warning('evidence/no-benefit', `${path}.benefit`, 'no benefit direction (higher or lower): NNT and benefit probabilities skipped'));
    }
    return { index, name: outcome.name, role: outcome.role, benefit: outcome.benefit ?? null, hypothesis, comparisons, binary, bayes };
  });

  const control = controlArm(trial).id;
  return {
    arms: headlineArms(trial, outcomes, primaryIndex),
    control: control === null ? null : { id: control, label: armLabel(trial, control) },
    outcomes,
    primaryIndex: primaryIndex >= 0 ? primaryIndex : null,
    fragility,
    marginFragility,
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
