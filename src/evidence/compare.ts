// One outcome, one named pair of arms: what the derive stage computes per
// comparison. The pairs come from src/trial/comparisons.ts (the effects'
// `comparison`, else each non-control arm vs the control), never from the
// order of `trial.arms`.
//
//   pair ─┬─ both arms events? ─► risks, RD, RR, OR, Fisher, NNT
//         ├─ ratio effect + CI for this pair? ─► Bayesian re-reading
//         └─ margin (non-inferiority / equivalence)? ─► P(within the margin)
import type { Diagnostic } from '../errors.js';
import { armLabel, comparisonArms, comparisonLabel, effectComparison, sameComparison } from '../trial/comparisons.js';
import { isRatioMeasure, type Comparison, type Effect, type Outcome, type Trial } from '../trial/schema.js';
import { bayesianReanalysis } from './bayes.js';
import { countsAreValid } from './counts.js';
import { fisherExact } from './fisher.js';
import { continuousText } from './continuous.js';
import { marginBoundary, marginProbabilities } from './margin.js';
import { riskDifference } from './newcombe.js';
import { numberNeededToTreat } from './nnt.js';
import { oddsRatio } from './odds-ratio.js';
import { riskRatio } from './risk-ratio.js';
import { verdict } from './verdict.js';
import type { ArmCounts, BayesResult, BinaryEvidence, ComparisonEvidence } from './types.js';
import { wilson } from './wilson.js';

export interface PairContext {
  trial: Trial;
  outcome: Outcome;
  /** `results[i]`. */
  path: string;
  /** The presenter's MCID (ratio, `evidence.mcid`) for the Bayesian re-reading: only this one is called MCID. */
  mcid: number | null;
  /** The effect the trial was powered for (primary outcome only): it sets the sceptical and enthusiastic priors. */
  designEffect: number | null;
  warnings: Diagnostic[];
}

/** Counts of both arms of a pair, when both are valid event counts. */
export interface PairCounts {
  exp: ArmCounts;
  comp: ArmCounts;
}

export function binaryEvidence(exp: ArmCounts, comp: ArmCounts, outcome: Outcome): BinaryEvidence {
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

/** The first reported ratio effect with a usable CI among `effects`. */
export function ratioEffect(effects: readonly (Effect | undefined)[]): Effect | null {
  for (const e of effects) {
    if (e?.reported && isRatioMeasure(e.measure) && e.ci && e.ci.lower > 0 && e.ci.upper > e.ci.lower) {
      if (e.estimate === undefined || e.estimate > 0) return e;
    }
  }
  return null;
}

/** Event counts of the pair (summed over a factor level's arms), or null (with a warning for impossible counts). */
export function pairCounts(c: Comparison, ctx: PairContext): PairCounts | null {
  const sides = comparisonArms(ctx.trial, c);
  if (!sides) return null;
  const sum = (ids: string[]): ArmCounts | null => {
    let events = 0;
    let total = 0;
    for (const id of ids) {
      const q = ctx.outcome.arms[id];
      if (q?.kind !== 'events') return null;
      if (!countsAreValid(q)) {
        ctx.warnings.push({ level: 'warning', code: 'evidence/impossible-counts', path: `${ctx.path}.arms.${id}.events`, message: 'more events than patients: risks, NNT and fragility skipped' });
        return null;
      }
      events += q.events;
      total += q.total;
    }
    return { events, total };
  };
  const exp = sum(sides.arm);
  const comp = sum(sides.vs);
  return exp && comp ? { exp, comp } : null;
}

/** The effects (with their JSON paths) that report this pair. */
function pairEffects(ctx: PairContext, c: Comparison): { effect: Effect; path: string }[] {
  const { trial, outcome, path } = ctx;
  const all: { effect: Effect | undefined; path: string }[] = [
    { effect: outcome.effect, path: `${path}.effect` },
    ...outcome.otherEffects.map((effect, j) => ({ effect, path: `${path}.otherEffects[${j}]` })),
  ];
  return all.filter((x): x is { effect: Effect; path: string } => {
    const own = x.effect && effectComparison(trial, x.effect);
    return !!own && sameComparison(own, c);
  });
}

export function compareArms(c: Comparison, headline: boolean, ctx: PairContext): ComparisonEvidence {
  const { trial, outcome } = ctx;
  const counts = pairCounts(c, ctx);
  const effects = pairEffects(ctx, c);
  const ratio = ratioEffect(effects.map((x) => x.effect));
  let bayes: BayesResult | null = null;
  if (ratio?.ci) {
    bayes = bayesianReanalysis(
      { measure: ratio.measure, estimate: ratio.estimate, lower: ratio.ci.lower, upper: ratio.ci.upper, level: ratio.ci.level },
      { benefit: outcome.benefit ?? null, mcid: ctx.mcid, mcidSource: 'user', designEffect: ctx.designEffect, outcome: outcome.name },
    );
  }
  const boundary = bayes && ratio ? marginBoundary(trial, outcome, ratio) : null;
  const first = effects.find((x) => x.effect.reported)?.effect;
  return {
    arm: { id: c.arm, label: armLabel(trial, c.arm) },
    vs: { id: c.vs, label: armLabel(trial, c.vs) },
    label: comparisonLabel(trial, c),
    factor: c.factor ?? null,
    headline,
    effects: effects.map((x) => x.path),
    binary: counts ? binaryEvidence(counts.exp, counts.comp, outcome) : null,
    bayes,
    margin: bayes && boundary ? marginProbabilities(bayes, boundary) : null,
    verdict: first ? verdict(first, outcome, trial) : null,
    continuous: first ? continuousText(first, outcome, trial) : null,
  };
}

/** The headline pair of an outcome: the main effect's comparison, else the first pair. */
export function headlineComparison(trial: Trial, outcome: Outcome, pairs: readonly Comparison[]): Comparison | null {
  const main = outcome.effect && effectComparison(trial, outcome.effect);
  return pairs.find((p) => main && sameComparison(p, main)) ?? pairs[0] ?? null;
}
