// Which arms an effect compares, and which arm is the control. Pure model
// logic shared by the evidence engine, the charts and the slides, so all of
// them agree and none of them compares "the first two arms" by accident.
//
//   design.controlArm ─► else 2 arms: the second ─► else the one arm named
//                        placebo / control / usual care / standard ─► else none
//   effect.comparison ─► else 2 arms: non-control vs control ─► else none
import type { Comparison, Hypothesis } from './design-schema.js';
import type { Arm, Effect, Outcome, Trial } from './schema.js';

const CONTROL_WORDS = /\b(?:placebo|control|usual[- ]care|standard(?:[- ]of[- ]care)?|sham|no[- ]treatment|conventional|routine)\b/i;

/** How the control arm was found; `none` means effects must name their comparison. */
export type ControlSource = 'data' | 'two-arm' | 'named' | 'none';

export interface ControlArm {
  id: string | null;
  source: ControlSource;
}

export function controlArm(trial: Pick<Trial, 'arms' | 'design'>): ControlArm {
  const given = trial.design.controlArm;
  if (given !== undefined) return { id: given, source: 'data' };
  if (trial.arms.length === 2) return { id: trial.arms[1]?.id ?? null, source: 'two-arm' };
  const named = namedControl(trial.arms);
  return named !== null ? { id: named, source: 'named' } : { id: null, source: 'none' };
}

/** The one arm whose label or id says placebo / control / usual care / standard, else null. */
export function namedControl(arms: readonly Pick<Arm, 'id' | 'label'>[]): string | null {
  const named = arms.filter((a) => CONTROL_WORDS.test(a.label) || CONTROL_WORDS.test(a.id.replace(/-/g, ' ')));
  return named.length === 1 && named[0] ? named[0].id : null;
}

/** The comparison an effect makes: its own, or non-control vs control in a two-arm trial. */
export function effectComparison(trial: Pick<Trial, 'arms' | 'design'>, effect: Pick<Effect, 'comparison'> | undefined): Comparison | null {
  if (effect?.comparison) return effect.comparison;
  if (trial.arms.length !== 2) return null;
  const control = controlArm(trial).id;
  const other = trial.arms.find((a) => a.id !== control);
  return control && other ? { arm: other.id, vs: control } : null;
}

export function sameComparison(a: Comparison, b: Comparison): boolean {
  return a.arm === b.arm && a.vs === b.vs;
}

/**
 * Every pair an outcome should be read for: the comparisons its effects name,
 * in order, then (except in factorial trials) each other arm vs the control
 * (unless that pair, either way round, is already named). Empty when the control is unknown and no effect
 * says what it compares: nothing is compared by position.
 */
export function outcomeComparisons(trial: Pick<Trial, 'arms' | 'design' | 'results'>, outcome: Pick<Outcome, 'effect' | 'otherEffects'>): Comparison[] {
  const out: Comparison[] = [];
  const has = (c: Comparison): boolean => out.some((o) => sameComparison(o, c) || sameComparison(o, { arm: c.vs, vs: c.arm }));
  for (const e of [outcome.effect, ...outcome.otherEffects]) {
    const c = e?.comparison;
    if (c && !has(c)) out.push(c);
  }
  // A factorial trial's cells are read as the paper reads them (factors, both vs neither), not each cell vs
  // the control: an outcome that names no pair is read for the pairs the trial's other outcomes name.
  if (trial.design.type === 'factorial') {
    if (out.length > 0) return out;
    for (const e of trial.results.flatMap((o) => [o.effect, ...o.otherEffects])) {
      const c = e?.comparison;
      if (c && !has(c)) out.push(c);
    }
    if (out.length > 0) return out;
  }
  const control = controlArm(trial).id;
  if (control === null) return out;
  for (const a of trial.arms) {
    const c = { arm: a.id, vs: control };
    if (a.id !== control && !has(c)) out.push(c);
  }
  return out;
}

/** The effects of an outcome that make a given comparison (main effect first). */
export function effectsFor(trial: Pick<Trial, 'arms' | 'design'>, outcome: Pick<Outcome, 'effect' | 'otherEffects'>, comparison: Comparison): Effect[] {
  return [outcome.effect, ...outcome.otherEffects].filter((e): e is Effect => {
    const c = e && effectComparison(trial, e);
    return !!c && sameComparison(c, comparison);
  });
}

/**
 * The arm ids on each side of a comparison: the two arms, or for a factor's
 * levels the arms given that level (`design.factorial.factors[].arms`).
 * Null when a side names neither an arm nor a mapped level.
 */
export function comparisonArms(trial: Pick<Trial, 'arms' | 'design'>, c: Comparison): { arm: string[]; vs: string[] } | null {
  const ids = new Set(trial.arms.map((a) => a.id));
  const factor = c.factor === undefined ? undefined : trial.design.factorial?.factors.find((f) => f.name === c.factor);
  const side = (x: string): string[] | null => (ids.has(x) ? [x] : (factor?.arms?.[x] ?? null));
  const arm = side(c.arm);
  const vs = side(c.vs);
  return arm && vs ? { arm, vs } : null;
}

export function armLabel(trial: Pick<Trial, 'arms'>, id: string): string {
  return trial.arms.find((a: Arm) => a.id === id)?.label ?? id;
}

/** "Ticagrelor 60 mg vs Placebo". */
export function comparisonLabel(trial: Pick<Trial, 'arms'>, c: Comparison): string {
  return `${armLabel(trial, c.arm)} vs ${armLabel(trial, c.vs)}`;
}

/** The hypothesis an outcome is tested under: its own, else the trial's, else superiority. */
export function outcomeHypothesis(trial: Pick<Trial, 'design'>, outcome: Pick<Outcome, 'hypothesis'>): Hypothesis {
  return outcome.hypothesis ?? trial.design.hypothesis ?? 'superiority';
}
