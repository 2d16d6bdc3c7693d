// The context meta-analysis: this trial beside the related trials in
// `context.trials`, pooled per outcome and measure.
//
//   context.trials[i] ──► excluded? (presenter's reason, no numbers, no such
//                          outcome here, another measure, no events at all)
//                    └──► log ratio + variance (estimate & CI, or counts)
//   grouped by (this trial's outcome, measure) ──► + this trial's own number
//   ──► random effects without this trial, and with it
//
// Only the same measure of the same outcome is pooled: an sHR and an HR, or
// an OR and an RR, estimate different things even for the same event.
import type { ContextMeasure, ContextTrial } from '../trial/context-schema.js';
import { COUNT_MEASURES, isContextMeasure } from '../trial/context-schema.js';
import { findOutcome } from '../trial/context-files.js';
import type { Outcome, Trial } from '../trial/schema.js';
import { countsAreValid } from './counts.js';
import type { ContextAnalysis, ContextEvidence, ContextExclusion, ContextStudy, ExclusionReason, PooledEstimate } from './context-types.js';
import { metaAnalysis, type MetaOptions, type MetaResult } from './meta-analysis.js';
import { zForLevel } from './normal.js';
import { oddsRatio } from './odds-ratio.js';
import { riskRatio } from './risk-ratio.js';
import type { ArmCounts } from './types.js';

type Numbers = Pick<ContextStudy, 'measure' | 'estimate' | 'lower' | 'upper' | 'level' | 'yi' | 'vi' | 'from'>;

/** yi/vi from a ratio and its CI: SE = (ln U − ln L) / (2·z), z for the CI's own level. */
export function fromInterval(measure: ContextMeasure, estimate: number | undefined, lower: number, upper: number, level: number): Numbers {
  const se = (Math.log(upper) - Math.log(lower)) / (2 * zForLevel(level));
  const yi = estimate !== undefined ? Math.log(estimate) : (Math.log(lower) + Math.log(upper)) / 2;
  return { measure, estimate: Math.exp(yi), lower, upper, level, yi, vi: se * se, from: estimate !== undefined ? 'estimate' : 'midpoint' };
}

/** yi/vi from per-arm counts (Katz RR or Woolf OR, 0.5 added to every cell when one is zero). */
export function fromCounts(measure: ContextMeasure, exp: ArmCounts, comp: ArmCounts): Numbers {
  const r = measure === 'OR' ? oddsRatio(exp, comp) : riskRatio(exp, comp);
  return { measure, estimate: r.estimate, lower: r.lower, upper: r.upper, level: r.level, yi: Math.log(r.estimate), vi: r.logSe ** 2, from: 'counts' };
}

const MEASURE_ARTICLE: Record<ContextMeasure, string> = { RR: 'an RR', OR: 'an OR', HR: 'an HR', sHR: 'an sHR' };

/** This trial's number for `measure` on `outcome`: a reported effect with a CI, else counts (RR, OR). */
function thisTrialNumbers(outcome: Outcome, measure: ContextMeasure, armIds: readonly [string, string]): Numbers | null {
  for (const e of [outcome.effect, ...outcome.otherEffects]) {
    if (e?.reported && e.measure === measure && e.ci && e.ci.lower > 0 && e.ci.upper > e.ci.lower && (e.estimate === undefined || e.estimate > 0)) {
      return fromInterval(measure, e.estimate, e.ci.lower, e.ci.upper, e.ci.level);
    }
  }
  const e = outcome.arms[armIds[0]];
  const c = outcome.arms[armIds[1]];
  if (COUNT_MEASURES.includes(measure) && e?.kind === 'events' && c?.kind === 'events') {
    const exp = { events: e.events, total: e.total };
    const comp = { events: c.events, total: c.total };
    if (countsAreValid(exp) && countsAreValid(comp) && exp.events + comp.events > 0) return fromCounts(measure, exp, comp);
  }
  return null;
}

/** What this trial gives for an outcome, for the "why left out" sentence: "reports an sHR (counts give an RR or an OR)". */
function measuresPhrase(acronym: string, outcome: Outcome, armIds: readonly [string, string]): string {
  const reported = [...new Set([outcome.effect, ...outcome.otherEffects].flatMap((e) => (e?.reported && isContextMeasure(e.measure) && e.ci ? [e.measure] : [])))];
  const e = outcome.arms[armIds[0]];
  const c = outcome.arms[armIds[1]];
  const counts = e?.kind === 'events' && c?.kind === 'events';
  const list = (ms: readonly ContextMeasure[]): string => ms.map((m) => MEASURE_ARTICLE[m]).join(' or ');
  if (reported.length === 0) return counts ? `${acronym} gives only counts (an RR or an OR) for this outcome` : `${acronym} gives no ratio with a CI for this outcome`;
  return `${acronym} reports ${list(reported)} for this outcome${counts ? ' (its counts give an RR or an OR)' : ''}`;
}

function entryNumbers(t: ContextTrial): Numbers | null {
  if (!t.measure) return null;
  if (t.ci) return fromInterval(t.measure, t.estimate, t.ci.lower, t.ci.upper, t.ci.level);
  if (t.counts && COUNT_MEASURES.includes(t.measure)) return fromCounts(t.measure, t.counts.experimental, t.counts.control);
  return null;
}

export function pooled(result: MetaResult): PooledEstimate {
  return {
    ...result,
    ratio: Math.exp(result.estimate),
    ratioLower: Math.exp(result.lower),
    ratioUpper: Math.exp(result.upper),
    ratioPrediction: result.prediction ? { lower: Math.exp(result.prediction.lower), upper: Math.exp(result.prediction.upper) } : null,
  };
}

function thisTrialSize(trial: Trial): number | null {
  if (trial.arms.every((a) => a.randomised !== undefined)) return trial.arms.reduce((s, a) => s + (a.randomised ?? 0), 0);
  return trial.enrolment.enrolled ?? null;
}

export interface ContextOptions extends MetaOptions {
  /** Arm ids of this trial's experimental and comparator arms; default the first two arms. */
  arms?: readonly [string, string];
}

/** Null when the trial lists no context trials. */
export function deriveContext(trial: Trial, options: ContextOptions = {}): ContextEvidence | null {
  const entries = trial.context.trials;
  if (entries.length === 0) return null;
  const acronym = trial.publication.acronym;
  const armIds = options.arms ?? ([trial.arms[0]?.id ?? '', trial.arms[1]?.id ?? ''] as const);
  const excluded: ContextExclusion[] = [];
  const groups = new Map<string, { outcomeIndex: number; measure: ContextMeasure; studies: ContextStudy[] }>();

  for (const [i, t] of entries.entries()) {
    const exclude = (reason: ExclusionReason, text: string): void => {
      excluded.push({
        entry: i, name: t.name ?? t.file ?? `context trial ${i + 1}`, year: t.year ?? null, design: t.design ?? null, n: t.n ?? null,
        outcome: t.outcome, measure: t.measure ?? null, reason, text, ref: t.ref ?? null,
      });
    };
    if (t.exclude) {
      exclude('presenter', t.exclude);
      continue;
    }
    const nums = entryNumbers(t);
    if (!nums || !t.name || t.year === undefined) {
      exclude('no-numbers', t.file ? `no numbers: ${t.file} was not read (build and check read it)` : 'no estimate with a CI, and no counts');
      continue;
    }
    if (t.counts && t.counts.experimental.events + t.counts.control.events === 0) {
      exclude('no-events', 'no events in either arm: it carries no information on a ratio');
      continue;
    }
    const found = findOutcome(trial, t.outcome);
    if (!found) {
      exclude('no-outcome', `${acronym} reports no outcome named "${t.outcome}"`);
      continue;
    }
    const own = thisTrialNumbers(found.outcome, nums.measure, armIds);
    if (!own) {
      exclude('other-measure', `reports ${MEASURE_ARTICLE[nums.measure]}; ${measuresPhrase(acronym, found.outcome, armIds)}`);
      continue;
    }
    const key = `${found.index}|${nums.measure}`;
    let group = groups.get(key);
    if (!group) {
      group = { outcomeIndex: found.index, measure: nums.measure, studies: [] };
      groups.set(key, group);
      group.studies.push({
        kind: 'this-trial', entry: null, name: acronym, year: trial.publication.year,
        design: trial.design.studyType ?? null, n: thisTrialSize(trial), population: null, definition: null,
        ref: null, file: null, ...own, weight: 0,
      });
    }
    group.studies.push({
      kind: 'context', entry: i, name: t.name, year: t.year, design: t.design ?? null, n: t.n ?? null,
      population: t.population ?? null, definition: t.definition ?? null, ref: t.ref ?? null, file: t.file ?? null,
      ...nums, weight: 0,
    });
  }

  const meta: MetaOptions = { method: options.method, ci: options.ci, level: options.level };
  const analyses: ContextAnalysis[] = [...groups.values()].map((g) => {
    const studies = [...g.studies].sort((a, b) => a.year - b.year || (a.kind === 'this-trial' ? 1 : 0) - (b.kind === 'this-trial' ? 1 : 0) || a.name.localeCompare(b.name));
    const all = pooled(metaAnalysis(studies, meta));
    const others = studies.filter((s) => s.kind === 'context');
    studies.forEach((s, j) => (s.weight = all.weights[j] ?? 0));
    const outcome = trial.results[g.outcomeIndex]!;
    return {
      outcomeIndex: g.outcomeIndex, outcome: outcome.name, measure: g.measure, benefit: outcome.benefit ?? null,
      studies, without: others.length > 0 ? pooled(metaAnalysis(others, meta)) : null, with: all,
    };
  });
  analyses.sort((a, b) => a.outcomeIndex - b.outcomeIndex || a.measure.localeCompare(b.measure));

  return { method: meta.method ?? 'REML', ciMethod: meta.ci ?? 'z', level: meta.level ?? 0.95, analyses, headline: headlineIndex(trial, analyses), excluded };
}

function headlineIndex(trial: Trial, analyses: readonly ContextAnalysis[]): number | null {
  if (analyses.length === 0) return null;
  // Primary outcome first, then the most trials; on a tie, the outcome of the first-listed context trial.
  const firstEntry = (a: ContextAnalysis): number => Math.min(...a.studies.map((s) => s.entry ?? Infinity));
  const better = (a: ContextAnalysis, b: ContextAnalysis): boolean => {
    const pa = trial.results[a.outcomeIndex]?.role === 'primary';
    const pb = trial.results[b.outcomeIndex]?.role === 'primary';
    if (pa !== pb) return pa;
    if (a.studies.length !== b.studies.length) return a.studies.length > b.studies.length;
    return firstEntry(a) < firstEntry(b);
  };
  let best = 0;
  analyses.forEach((a, i) => {
    if (better(a, analyses[best]!)) best = i;
  });
  return best;
}
