// The pipeline's derive stage: Trial → Evidence.
//
//   trial.results[i] ──┬─ both arms events? ─► risks (Wilson), RD (Newcombe),
//                      │                       RR (Katz), OR (Woolf), Fisher,
//                      │                       NNT (Altman, needs `benefit`)
//                      ├─ ratio effect + CI? ─► Bayesian re-reading
//                      └─ primary, counts? ──► fragility / reverse fragility
//   whole trial ─────────────────────────────► audit (reported vs recomputed)
//
// The first arm is the experimental one, the second the comparator
// (`trial.arms[0|1].id` key into `outcome.arms`). Problems that only cost a
// figure (impossible counts, a missing benefit direction) become warnings.
import { TrialdeckError, type Diagnostic } from '../errors.js';
import { isRatioMeasure, type Effect, type Outcome, type Trial } from '../trial/schema.js';
import { auditTrial } from './audit.js';
import { bayesianReanalysis } from './bayes.js';
import { deriveContext } from './context.js';
import { countsAreValid } from './counts.js';
import { fisherExact } from './fisher.js';
import { fragilityIndex, type FragilityOptions } from './fragility.js';
import type { MetaOptions } from './meta-analysis.js';
import { riskDifference } from './newcombe.js';
import { numberNeededToTreat } from './nnt.js';
import { oddsRatio } from './odds-ratio.js';
import { riskRatio } from './risk-ratio.js';
import type { ArmCounts, BayesResult, BinaryEvidence, Evidence, OutcomeEvidence } from './types.js';
import { wilson } from './wilson.js';

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
  /** τ² estimator and CI of the context meta-analysis (default REML, normal CI). */
  meta?: MetaOptions;
}

function warning(code: string, path: string, message: string): Diagnostic {
  return { level: 'warning', code, path, message };
}

/** The outcome's first reported ratio effect with a usable CI: main effect first, then the others. */
function ratioEffect(outcome: Outcome): Effect | null {
  const all = [outcome.effect, ...outcome.otherEffects];
  for (const e of all) {
    if (e?.reported && isRatioMeasure(e.measure) && e.ci && e.ci.lower > 0 && e.ci.upper > e.ci.lower) {
      if (e.estimate === undefined || e.estimate > 0) return e;
    }
  }
  return null;
}

function binaryEvidence(exp: ArmCounts, comp: ArmCounts, outcome: Outcome): BinaryEvidence {
  const rd = riskDifference(exp, comp);
  return {
    experimental: wilson(exp),
    comparator: wilson(comp),
    riskDifference: rd,
    riskRatio: riskRatio(exp, comp),
    oddsRatio: oddsRatio(exp, comp),
    fisher: fisherExact(exp, comp),
    nnt: outcome.benefit ? numberNeededToTreat(rd, outcome.benefit) : null,
  };
}

function designMcid(trial: Trial): number | null {
  const t = trial.design.statistics.targetEffect;
  return t && isRatioMeasure(t.measure) && t.value > 0 && t.value !== 1 ? t.value : null;
}

export function deriveEvidence(trial: Trial, options: DeriveOptions = {}): Evidence {
  const [expArm, compArm] = trial.arms;
  if (!expArm || !compArm) throw new TrialdeckError('DATA_INVALID', 'expected at least two arms', [{ path: 'arms', message: 'expected at least two arms' }]);
  const { mcid } = options;
  if (mcid !== undefined && !(Number.isFinite(mcid) && mcid > 0 && mcid !== 1)) {
    throw new TrialdeckError('USAGE', `MCID must be a ratio greater than 0 and other than 1, got ${mcid}`);
  }
  const warnings: Diagnostic[] = [];
  if (trial.arms.length > 2) {
    warnings.push(warning('evidence/extra-arms', 'arms', `only the first two arms (${expArm.label} vs ${compArm.label}) are compared`));
  }
  const primaryIndex = trial.results.findIndex((o) => o.role === 'primary');
  const design = designMcid(trial);

  let fragility: Evidence['fragility'] = null;
  const outcomes = trial.results.map((outcome, index): OutcomeEvidence => {
    const path = `results[${index}]`;
    const e = outcome.arms[expArm.id];
    const c = outcome.arms[compArm.id];
    let binary: BinaryEvidence | null = null;
    if (e?.kind === 'events' && c?.kind === 'events') {
      const exp = { events: e.events, total: e.total };
      const comp = { events: c.events, total: c.total };
      if (!countsAreValid(exp) || !countsAreValid(comp)) {
        const bad = countsAreValid(exp) ? compArm.id : expArm.id;
        warnings.push(warning('evidence/impossible-counts', `${path}.arms.${bad}.events`, 'more events than patients: risks, NNT and fragility skipped'));
      } else {
        binary = binaryEvidence(exp, comp, outcome);
        if (index === primaryIndex) {
          const labels = { experimental: expArm.label, comparator: compArm.label };
          const f = fragilityIndex(exp, comp, { labels, alpha: options.alpha, cap: options.fragilityCap });
          fragility = { ...f, outcomeIndex: index };
        }
      }
    }

    let bayes: BayesResult | null = null;
    const ratio = ratioEffect(outcome);
    if (ratio?.ci) {
      const user = mcid ?? null;
      bayes = bayesianReanalysis(
        { measure: ratio.measure, estimate: ratio.estimate, lower: ratio.ci.lower, upper: ratio.ci.upper, level: ratio.ci.level },
        {
          benefit: outcome.benefit ?? null,
          mcid: user ?? (index === primaryIndex ? design : null),
          mcidSource: user !== null ? 'user' : 'design',
        },
      );
    }
    if (!outcome.benefit && (binary || bayes)) {
      warnings.push(warning('evidence/no-benefit', `${path}.benefit`, 'no benefit direction (higher or lower): NNT and benefit probabilities skipped'));
    }
    return { index, name: outcome.name, role: outcome.role, benefit: outcome.benefit ?? null, binary, bayes };
  });

  const context = deriveContext(trial, { ...options.meta, arms: [expArm.id, compArm.id] });
  return {
    arms: { experimental: { id: expArm.id, label: expArm.label }, comparator: { id: compArm.id, label: compArm.label } },
    outcomes,
    primaryIndex: primaryIndex >= 0 ? primaryIndex : null,
    fragility,
    audit: auditTrial(trial),
    ...(context ? { context } : {}),
    warnings,
  };
}
