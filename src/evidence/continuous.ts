// What the primary slide says about a difference (continuous outcome, or any
// difference effect): the difference with its CI, which direction is better
// and which arm the result favours, and where the CI lies against the MCID.
//   "MD −2.1 kg (95% CI −3.0 to −1.2)"
//   "Lower is better: favours Semaglutide 2.4 mg (the CI excludes 0)"
//   "MCID 5 kg (source): the CI excludes an important benefit"
import { armLabel, effectComparison } from '../trial/comparisons.js';
import { EFFECT_MEASURES, isRatioMeasure, type Effect, type Outcome, type Trial } from '../trial/schema.js';
import { ciLabel, fixed, printedDecimals } from './format.js';

export interface ContinuousView {
  /** "MD −2.1 kg (95% CI −3.0 to −1.2)". */
  difference: string;
  /** "Lower is better: favours Semaglutide (the CI excludes 0)"; null without a benefit direction. */
  direction: string | null;
  /** "MCID 5 kg (Jaeschke 1989): the CI excludes an important benefit"; null without an MCID or a CI. */
  mcid: string | null;
  /** Where the CI lies against the MCID, for styling. */
  mcidKind: 'important-benefit' | 'possible-benefit' | 'no-important-benefit' | 'no-direction' | null;
  /** The parts joined with "; " (no empty parts). */
  text: string;
}

const SHORT: Partial<Record<Effect['measure'], string>> = { MD: 'MD', MedD: 'Median difference', RMD: 'RMST difference', RD: 'RD' };

/** Null for ratio effects and effects without an estimate. */
export function continuousText(effect: Effect | undefined, outcome: Outcome, trial: Pick<Trial, 'arms' | 'design'>): ContinuousView | null {
  if (!effect?.reported || effect.estimate === undefined || isRatioMeasure(effect.measure)) return null;
  const unit = effect.unit ?? outcome.unit;
  const bare = (x: number): string => fixed(x, Math.min(printedDecimals(x, [effect.text, effect.ciText], 0), 3));
  const show = (x: number): string => withUnit(bare(x), unit);
  // As journals print: "−2.1 kg (95% CI −3.0 to −1.2)", but "−12.4% (95% CI −13.4% to −11.5%)".
  const bound = (x: number): string => (unit === '%' ? show(x) : bare(x));
  const name = effect.label ?? SHORT[effect.measure] ?? EFFECT_MEASURES[effect.measure];
  const ci = effect.ci;
  const difference = `${name} ${show(effect.estimate)}${ci ? ` (${ciLabel(ci.level)} ${bound(ci.lower)} to ${bound(ci.upper)})` : ''}`;

  let direction: string | null = null;
  const c = effectComparison(trial, effect);
  if (outcome.benefit) {
    const better = outcome.benefit === 'lower' ? 'Lower is better' : 'Higher is better';
    // The estimate is arm − vs: its sign on the benefit side favours `arm`.
    const favoursArm = outcome.benefit === 'lower' ? effect.estimate < 0 : effect.estimate > 0;
    const favoured = effect.estimate === 0 || !c ? null : armLabel(trial, favoursArm ? c.arm : c.vs);
    const excludes = ci ? ci.lower > 0 || ci.upper < 0 : null;
    if (!favoured) direction = better;
    else if (excludes === null) direction = `${better}: the estimate favours ${favoured}`;
    else direction = excludes ? `${better}: favours ${favoured} (the CI excludes 0)` : `${better}: the estimate favours ${favoured}, but the CI includes 0`;
  }

  const against = ci && outcome.mcid ? mcidReading(ci, outcome.mcid.value, outcome.benefit ?? null) : null;
  const mcid = against && outcome.mcid ? `MCID ${show(outcome.mcid.value)}${outcome.mcid.source ? ` (${outcome.mcid.source})` : ''}: ${against.text}` : null;
  const text = [difference, direction, mcid].filter((p): p is string => !!p).join('; ');
  return { difference, direction, mcid, mcidKind: against?.kind ?? null, text };
}

function mcidReading(ci: { lower: number; upper: number }, m: number, benefit: 'higher' | 'lower' | null): { kind: NonNullable<ContinuousView['mcidKind']>; text: string } {
  if (!benefit) {
    const beyond = ci.lower >= m || ci.upper <= -m;
    const reaches = ci.lower <= -m || ci.upper >= m;
    return { kind: 'no-direction', text: beyond ? 'the whole CI is larger than the MCID' : reaches ? 'the CI includes a difference as large as the MCID' : 'the CI excludes a difference as large as the MCID' };
  }
  // Distance on the benefit side: positive = better for `arm`.
  const [lo, hi] = benefit === 'higher' ? [ci.lower, ci.upper] : [-ci.upper, -ci.lower];
  const harm = lo <= -m ? ', and does not exclude an important harm' : '';
  if (lo >= m) return { kind: 'important-benefit', text: 'the whole CI lies beyond it: an important benefit' };
  if (hi >= m) return { kind: 'possible-benefit', text: `the CI includes an important benefit but also smaller effects${harm}` };
  return { kind: 'no-important-benefit', text: `the CI excludes an important benefit${harm}` };
}

function withUnit(n: string, unit: string | undefined): string {
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}
