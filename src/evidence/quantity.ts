// One number per quantity (issue 12). Slides show what the paper reports
// whenever it reports it; a recomputed value appears only where it is the
// only one, labelled with its method ("recomputed, Newcombe"). Both sit side
// by side only on the audit slide. So the same risk difference never appears
// with two different unlabelled CIs.
import type { Effect, Outcome } from '../trial/schema.js';
import { ciLabel, fixed, formatRatio } from './format.js';
import type { BinaryEvidence } from './types.js';

export type QuantityKind = 'RD' | 'RR' | 'OR';

export interface ChosenQuantity {
  quantity: QuantityKind;
  source: 'reported' | 'recomputed';
  /** Method of a recomputed value ('Newcombe', 'Katz', 'Woolf'); null when reported. */
  method: string | null;
  /** Risk differences as proportions (0.08 = 8 points), experimental − comparator; ratios as ratios. */
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  /** "(reported)" or "(recomputed, Newcombe)", plus a note when the paper's sign was mirrored. */
  label: string;
  /** "RD +8.0 points (95% CI +0.6 to +15.4; reported)". */
  text: string;
  /** JSON path of the reported effect; null when recomputed. */
  path: string | null;
}

const PERCENT_UNITS = new Set(['%', 'pp', 'percentage points', 'percentage point']);
const METHOD: Record<QuantityKind, string> = { RD: 'Newcombe', RR: 'Katz', OR: 'Woolf' };
const MINUS = '\u2212';

/** "+8.0", "−12.8", "0.0": percentage points with a sign. */
export function signedPoints(proportion: number): string {
  const s = fixed(proportion * 100, 1);
  return s.startsWith(MINUS) || /^0(\.0+)?$/.test(s) ? s : `+${s}`;
}

/** The reported effect of this measure with a usable CI, main effect first, and its path. */
function reportedEffect(outcome: Outcome, index: number, measure: QuantityKind): { effect: Effect; path: string } | null {
  const all: { effect: Effect | undefined; path: string }[] = [
    { effect: outcome.effect, path: `results[${index}].effect` },
    ...outcome.otherEffects.map((effect, i) => ({ effect, path: `results[${index}].otherEffects[${i}]` })),
  ];
  for (const { effect, path } of all) {
    if (effect && effect.reported && effect.measure === measure && effect.ci && effect.estimate !== undefined) return { effect, path };
  }
  return null;
}

function text(q: QuantityKind, estimate: number, lower: number, upper: number, level: number, label: string): string {
  if (q === 'RD') return `RD ${signedPoints(estimate)} points (${ciLabel(level)} ${signedPoints(lower)} to ${signedPoints(upper)}; ${label})`;
  return `${q} ${formatRatio(estimate)} (${ciLabel(level)} ${formatRatio(lower)} to ${formatRatio(upper)}; ${label})`;
}

/**
 * The risk difference, risk ratio or odds ratio a slide should show for one
 * outcome: the paper's when it reports one, else the recomputed one.
 */
export function chooseQuantity(outcome: Outcome, index: number, binary: BinaryEvidence | null, quantity: QuantityKind): ChosenQuantity | null {
  const reported = reportedEffect(outcome, index, quantity);
  if (reported?.effect.ci && reported.effect.estimate !== undefined) {
    const e = reported.effect;
    const ci = e.ci!;
    let [estimate, lower, upper] = [e.estimate!, ci.lower, ci.upper];
    let label = 'reported';
    if (quantity === 'RD') {
      const unit = (e.unit ?? '').trim();
      const scale = PERCENT_UNITS.has(unit) ? 100 : unit === '' && [estimate, lower, upper].every((v) => Math.abs(v) <= 1) ? 1 : null;
      if (scale === null) return recomputed(quantity, binary);
      [estimate, lower, upper] = [estimate / scale, lower / scale, upper / scale];
      // Some papers subtract comparator − experimental: keep one convention on every slide.
      const rd = binary?.riskDifference.estimate;
      if (rd !== undefined && Math.abs(rd) > 0.005 && Math.abs(estimate) > 0.005 && Math.sign(rd) !== Math.sign(estimate)) {
        [estimate, lower, upper] = [0 - estimate, 0 - upper, 0 - lower];
        label = 'reported, sign turned to experimental − comparator';
      }
    }
    return { quantity, source: 'reported', method: null, estimate, lower, upper, level: ci.level, label, text: text(quantity, estimate, lower, upper, ci.level, label), path: reported.path };
  }
  return recomputed(quantity, binary);
}

function recomputed(quantity: QuantityKind, binary: BinaryEvidence | null): ChosenQuantity | null {
  if (!binary) return null;
  const r = quantity === 'RD' ? binary.riskDifference : quantity === 'RR' ? binary.riskRatio : binary.oddsRatio;
  const label = `recomputed, ${METHOD[quantity]}`;
  return {
    quantity,
    source: 'recomputed',
    method: METHOD[quantity],
    estimate: r.estimate,
    lower: r.lower,
    upper: r.upper,
    level: r.level,
    label,
    text: text(quantity, r.estimate, r.lower, r.upper, r.level, label),
    path: null,
  };
}
