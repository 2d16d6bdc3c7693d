// The verdict a primary slide states, computed from the CI and (for
// non-inferiority and equivalence) the margin, never from P alone:
//   superiority      CI bound on the benefit side beyond no effect → superior
//   non-inferiority  CI bound on the harm side inside the margin → non-inferior,
//                    plus whether superiority was shown too
//   equivalence      both bounds inside ±margin → equivalent
// A non-inferior result is never called "no difference": the superiority
// part says "not shown superior", which is what the CI shows.
import { effectComparison, outcomeHypothesis } from '../trial/comparisons.js';
import { isRatioMeasure, type AnalysisPopulation, type Effect, type Hypothesis, type Outcome, type Trial } from '../trial/schema.js';
import { ciLabel, fixed, printedDecimals } from './format.js';
import { marginBoundary, type MarginBoundary } from './margin.js';
import { memberOf } from '../member-of.js';

export const VERDICT_KINDS = [
  'superior',
  'not-shown-superior',
  'worse',
  'non-inferior',
  'not-shown-non-inferior',
  'inferior',
  'equivalent',
  'not-shown-equivalent',
  'not-equivalent',
  'unknown',
] as const;
export type VerdictKind = (typeof VERDICT_KINDS)[number];
export const isVerdictKind: (v: unknown) => v is VerdictKind = memberOf(VERDICT_KINDS);

export interface SuperiorityVerdict {
  kind: 'superior' | 'not-shown-superior' | 'worse' | 'unknown';
  text: string;
}

export interface Verdict {
  hypothesis: Hypothesis;
  kind: VerdictKind;
  /** One sentence for the primary slide: "Non-inferior: upper 95% CI bound 0.96 < margin 1.46; superior: upper 95% CI bound 0.96 < 1". */
  text: string;
  /** The superiority reading, also for non-inferiority outcomes; null without a CI. */
  superiority: SuperiorityVerdict | null;
  /** The margin as a boundary on the harm side, on the effect's scale; null for superiority. */
  margin: number | null;
  level: number;
  population: AnalysisPopulation | null;
}

type Bounds = { lower: number; upper: number; level: number };

export function verdict(effect: Effect | undefined, outcome: Outcome, trial: Pick<Trial, 'design' | 'arms'>): Verdict {
  const hypothesis = outcomeHypothesis(trial, outcome);
  const level = effect?.ci?.level ?? 0.95;
  const base = { hypothesis, level, population: effect?.population ?? null };
  const unknown = (text: string, superiority: SuperiorityVerdict | null = null): Verdict => ({ ...base, kind: 'unknown', text, superiority, margin: null });
  if (!effect?.reported || !effect.ci) return unknown('No verdict: the effect has no confidence interval');
  if (effect.measure === 'other') return unknown('No verdict: the effect measure is not known (ratio or difference)');
  if (trial.arms.length > 2 && !effectComparison(trial, effect)) return unknown('No verdict: the effect does not say which arms it compares');
  const ci: Bounds = { lower: effect.ci.lower, upper: effect.ci.upper, level };
  const show = (x: number): string => shown(x, effect);
  const m = marginBoundary(trial, outcome, effect);
  const harmAbove = m?.harmAbove ?? (outcome.benefit ? outcome.benefit === 'lower' : null);
  const superiority = superiorityVerdict(ci, isRatioMeasure(effect.measure) ? 1 : 0, harmAbove, show);
  if (hypothesis === 'superiority') return { ...base, kind: superiority.kind, text: superiority.text, superiority, margin: null };
  if (!m) return unknown(`No verdict: a ${hypothesis} outcome needs its margin on the ${effect.measure} scale`, superiority);
  const main = hypothesis === 'non-inferiority' ? nonInferiority(ci, m, show) : equivalence(ci, m, show);
  // Equivalence is its own answer; non-inferiority says whether superiority was shown too.
  const text = hypothesis === 'non-inferiority' ? `${main.text}; ${lowerFirst(superiority.text)}` : main.text;
  return { ...base, kind: main.kind, text, superiority, margin: m.boundary };
}

function superiorityVerdict(ci: Bounds, nul: number, harmAbove: boolean | null, show: (x: number) => string): SuperiorityVerdict {
  const label = ciLabel(ci.level);
  const includes = ci.lower <= nul && ci.upper >= nul;
  if (includes) return { kind: 'not-shown-superior', text: `Not shown superior: the ${label} ${show(ci.lower)} to ${show(ci.upper)} includes ${show(nul)}` };
  if (harmAbove === null) return { kind: 'unknown', text: `The ${label} ${show(ci.lower)} to ${show(ci.upper)} excludes ${show(nul)} (no benefit direction given)` };
  const below = ci.upper < nul;
  const good = below === harmAbove;
  const bound = below ? `upper ${label.replace(' CI', '')} CI bound ${show(ci.upper)} < ${show(nul)}` : `lower ${label.replace(' CI', '')} CI bound ${show(ci.lower)} > ${show(nul)}`;
  return good ? { kind: 'superior', text: `Superior: ${bound}` } : { kind: 'worse', text: `Worse: ${bound}` };
}

function nonInferiority(ci: Bounds, m: MarginBoundary, show: (x: number) => string): { kind: VerdictKind; text: string } {
  const pct = ciLabel(ci.level).replace(' CI', '');
  const b = show(m.boundary);
  if (m.harmAbove) {
    if (ci.upper < m.boundary) return { kind: 'non-inferior', text: `Non-inferior: upper ${pct} CI bound ${show(ci.upper)} < margin ${b}` };
    if (ci.lower > m.boundary) return { kind: 'inferior', text: `Inferior: lower ${pct} CI bound ${show(ci.lower)} > margin ${b}` };
    return { kind: 'not-shown-non-inferior', text: `Non-inferiority not shown: upper ${pct} CI bound ${show(ci.upper)} ≥ margin ${b}` };
  }
  if (ci.lower > m.boundary) return { kind: 'non-inferior', text: `Non-inferior: lower ${pct} CI bound ${show(ci.lower)} > margin ${b}` };
  if (ci.upper < m.boundary) return { kind: 'inferior', text: `Inferior: upper ${pct} CI bound ${show(ci.upper)} < margin ${b}` };
  return { kind: 'not-shown-non-inferior', text: `Non-inferiority not shown: lower ${pct} CI bound ${show(ci.lower)} ≤ margin ${b}` };
}

function equivalence(ci: Bounds, m: MarginBoundary, show: (x: number) => string): { kind: VerdictKind; text: string } {
  const lo = Math.min(m.boundary, m.benefitBoundary ?? m.boundary);
  const hi = Math.max(m.boundary, m.benefitBoundary ?? m.boundary);
  const label = ciLabel(ci.level);
  const range = `${show(ci.lower)} to ${show(ci.upper)}`;
  const margins = `the margins ${show(lo)} and ${show(hi)}`;
  if (ci.lower > lo && ci.upper < hi) return { kind: 'equivalent', text: `Equivalent: the ${label} ${range} lies within ${margins}` };
  if (ci.upper <= lo || ci.lower >= hi) return { kind: 'not-equivalent', text: `Not equivalent: the ${label} ${range} lies beyond ${margins}` };
  return { kind: 'not-shown-equivalent', text: `Equivalence not shown: the ${label} ${range} crosses ${margins}` };
}

/** As printed: the paper's decimals for its own numbers, the unit for differences ("−3.2%", "1.2 kg"). */
function shown(x: number, effect: Effect): string {
  // Computed boundaries (1/1.4 = 0.714285…) have no printed form: at most 3 decimals.
  const decimals = Math.min(printedDecimals(x, [effect.ciText, effect.text], 0), 3);
  const n = fixed(x, decimals);
  if (isRatioMeasure(effect.measure) || !effect.unit || x === 0) return n;
  return effect.unit === '%' ? `${n}%` : `${n} ${effect.unit}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
