// Cross-field checks of what a trial compares: arm ids named by
// `design.controlArm` and `effect.comparison` must exist (a typo would make
// the deck compare the wrong pair, so it is an error); a margin must be a
// usable boundary on its effect's scale; what cannot be inferred (the control
// of a three-arm trial, the pair an effect compares) is a warning.
import type { Diagnostic } from '../errors.js';
import { controlArm, outcomeHypothesis } from './comparisons.js';
import { isRatioMeasure, type Effect, type Outcome, type Trial } from './schema.js';

type Found = Omit<Diagnostic, 'file'>;

export function checkDesign(trial: Trial): Found[] {
  const out: Found[] = [];
  const ids = trial.arms.map((a) => a.id);
  const expectArm = (id: string, path: string): void => {
    if (!ids.includes(id)) out.push(err('UNKNOWN_ARM', path, `expected an arm id (${ids.join(', ')}), got "${id}"`));
  };
  const { controlArm: given, factorial } = trial.design;
  if (given !== undefined) expectArm(given, 'design.controlArm');
  else if (trial.arms.length > 2 && controlArm(trial).id === null && !everyEffectNamesItsPair(trial)) {
    out.push(warn('CONTROL_UNKNOWN', 'design.controlArm', `${trial.arms.length} arms and none is clearly the control: set design.controlArm or give each effect a comparison`));
  }
  const factors = new Set(factorial?.factors.map((f) => f.name) ?? []);
  factorial?.factors.forEach((f, i) => {
    for (const [level, armIds] of Object.entries(f.arms ?? {})) {
      const path = `design.factorial.factors[${i}].arms.${level}`;
      if (!f.levels.includes(level)) out.push(err('UNKNOWN_LEVEL', path, `expected a level of ${f.name} (${f.levels.join(', ')}), got "${level}"`));
      armIds.forEach((id, j) => expectArm(id, `${path}[${j}]`));
    }
  });

  trial.results.forEach((outcome, i) => {
    const base = `results[${i}]`;
    const effects: [Effect | undefined, string][] = [[outcome.effect, `${base}.effect`], ...outcome.otherEffects.map((e, j): [Effect, string] => [e, `${base}.otherEffects[${j}]`])];
    for (const [effect, where] of effects) {
      if (!effect) continue;
      const c = effect.comparison;
      if (c) {
        const factor = c.factor === undefined ? undefined : factorial?.factors.find((f) => f.name === c.factor);
        if (factor) {
          // A factor's comparison may name its levels (the pooled arms) as well as arms.
          for (const [key, id] of [['arm', c.arm], ['vs', c.vs]] as const) {
            if (!ids.includes(id) && !factor.levels.includes(id)) {
              out.push(err('UNKNOWN_ARM', `${where}.comparison.${key}`, `expected an arm id (${ids.join(', ')}) or a level of ${factor.name} (${factor.levels.join(', ')}), got "${id}"`));
            }
          }
        } else {
          expectArm(c.arm, `${where}.comparison.arm`);
          expectArm(c.vs, `${where}.comparison.vs`);
        }
        if (c.arm === c.vs) out.push(err('SELF_COMPARISON', `${where}.comparison`, `compares arm "${c.arm}" with itself`));
        if (c.factor !== undefined && !factors.has(c.factor)) {
          out.push(warn('UNKNOWN_FACTOR', `${where}.comparison.factor`, `expected a factor of design.factorial (${[...factors].join(', ') || 'none given'}), got "${c.factor}"`));
        }
      } else if (trial.arms.length > 2 && effect.reported && effect.estimate !== undefined) {
        out.push(warn('COMPARISON_MISSING', `${where}.comparison`, `${trial.arms.length} arms: say which arms this effect compares ({ arm, vs }), or it is shown without a comparison`));
      }
    }
    checkMargin(trial, outcome, base, out);
  });
  return out;
}

/** A factorial trial's arms are factor levels (two "placebo" arms): no control needed when each effect says what it compares. */
function everyEffectNamesItsPair(trial: Trial): boolean {
  const effects = trial.results.flatMap((o) => [o.effect, ...o.otherEffects]).filter((e): e is Effect => !!e && e.reported && e.estimate !== undefined);
  return effects.length > 0 && effects.every((e) => e.comparison !== undefined);
}

function checkMargin(trial: Trial, outcome: Outcome, base: string, out: Found[]): void {
  const hypothesis = outcomeHypothesis(trial, outcome);
  const { margin } = outcome;
  if (!margin) {
    if (hypothesis !== 'superiority' && outcome.role === 'primary') {
      out.push(warn('MARGIN_MISSING', `${base}.margin`, `a ${hypothesis} outcome needs its margin ({ value }) for a verdict`));
    }
    return;
  }
  const path = `${base}.margin.value`;
  const measure = margin.measure ?? outcome.effect?.measure;
  const ratio = measure !== undefined && isRatioMeasure(measure);
  if (ratio && margin.value <= 0) out.push(err('MARGIN_INVALID', path, `a ${measure} margin must be above 0, got ${margin.value}`));
  else if (ratio && margin.value === 1) out.push(err('MARGIN_INVALID', path, `a ${measure} margin of 1 is no margin: expected e.g. 1.46`));
  else if (!ratio && margin.value === 0) out.push(err('MARGIN_INVALID', path, 'a margin of 0 is no margin'));
  const effect = outcome.effect?.measure;
  if (margin.measure !== undefined && effect !== undefined && effect !== 'other' && isRatioMeasure(margin.measure) !== isRatioMeasure(effect)) {
    out.push(err('MARGIN_SCALE', `${base}.margin.measure`, `the margin is a ${margin.measure} but the effect is a ${effect}: give the margin on the effect's scale`));
  }
  if (hypothesis === 'superiority') {
    out.push(warn('MARGIN_UNUSED', `${base}.margin`, 'a margin is given but the hypothesis is superiority: set hypothesis (non-inferiority or equivalence)'));
  }
}

function err(code: string, path: string, message: string): Found {
  return { level: 'error', code, path, message };
}
function warn(code: string, path: string, message: string): Found {
  return { level: 'warning', code, path, message };
}
