// Power assumed vs power the trial had.
// - Time-to-event (HR, sHR): Schoenfeld (Biometrics 1983). With a share p of
//   patients in one arm, events needed D = (z₁₋α/₂ + z₁₋β)² / (p(1−p)(ln HR)²),
//   4(…)²/(ln HR)² for 1:1; turned round, the HR detectable from D events is
//   exp((z₁₋α/₂ + z₁₋β) / √(D p(1−p))), exp(2(…)/√D) for 1:1.
// - Binary: two proportions, pooled variance under H0 (Fleiss, no continuity
//   correction, as Stata's `power twoproportions`):
//   n = [z₁₋α/₂ √(2 p̄ q̄) + z₁₋β √(p0 q0 + p1 q1)]² / (p1 − p0)² per arm;
//   the detectable p1 for a given n is found by bisection.
import { TrialdeckError } from '../errors.js';
import { isRatioMeasure, type BenefitDirection, type EffectMeasure, type Trial } from '../trial/schema.js';
import { normalQuantile } from './normal.js';
import type { ArmCounts, PowerCheck } from './types.js';

export interface PowerOptions {
  /** Two-sided significance level; 0.05 by default. */
  alpha?: number;
  /** 0.8 by default. */
  power?: number;
}

function zs(o: PowerOptions): number {
  const alpha = o.alpha ?? 0.05;
  const power = o.power ?? 0.8;
  if (!(alpha > 0 && alpha < 1 && power > 0 && power < 1)) throw new TrialdeckError('DATA_INVALID', `expected 0 < alpha, power < 1, got ${alpha} and ${power}`);
  return normalQuantile(1 - alpha / 2) + normalQuantile(power);
}

export interface SchoenfeldOptions extends PowerOptions {
  /** Share of patients in one arm; 0.5 (1:1) by default. Unequal allocation needs more events. */
  allocation?: number;
}

function share(o: SchoenfeldOptions): number {
  const p = o.allocation ?? 0.5;
  if (!(p > 0 && p < 1)) throw new TrialdeckError('DATA_INVALID', `expected an allocation share between 0 and 1, got ${p}`);
  return p * (1 - p);
}

/** Events needed to detect `hr`: (z₁₋α/₂ + z₁₋β)² / (p(1 − p) (ln HR)²), 4(…)²/(ln HR)² for 1:1 (not rounded up). */
export function schoenfeldEvents(hr: number, o: SchoenfeldOptions = {}): number {
  if (!(hr > 0) || hr === 1) throw new TrialdeckError('DATA_INVALID', `expected a hazard ratio > 0 and ≠ 1, got ${hr}`);
  return zs(o) ** 2 / (share(o) * Math.log(hr) ** 2);
}

/** The hazard ratio above 1 detectable from `events` events (its inverse is the one below 1). */
export function schoenfeldDetectableHr(events: number, o: SchoenfeldOptions = {}): number {
  if (!(events > 0)) throw new TrialdeckError('DATA_INVALID', `expected a number of events > 0, got ${events}`);
  return Math.exp(zs(o) / Math.sqrt(events * share(o)));
}

/** "1:1", "2:1": the allocation as people write it, from the arm sizes. */
export function allocationText(a: number, b: number): string {
  const r = Math.max(a, b) / Math.min(a, b);
  if (r < 1.1) return '1:1';
  const whole = Math.round(r);
  return Math.abs(r - whole) < 0.1 ? `${whole}:1` : `${r.toFixed(1)}:1`;
}

/** Patients per arm to tell p0 from p1 (not rounded up). */
export function twoProportionsPerArm(p0: number, p1: number, o: PowerOptions = {}): number {
  if (!(p0 > 0 && p0 < 1 && p1 > 0 && p1 < 1) || p0 === p1) throw new TrialdeckError('DATA_INVALID', `expected two different risks strictly between 0 and 1, got ${p0} and ${p1}`);
  const alpha = o.alpha ?? 0.05;
  const za = normalQuantile(1 - alpha / 2);
  const zb = normalQuantile(o.power ?? 0.8);
  const bar = (p0 + p1) / 2;
  const num = za * Math.sqrt(2 * bar * (1 - bar)) + zb * Math.sqrt(p0 * (1 - p0) + p1 * (1 - p1));
  return num ** 2 / (p1 - p0) ** 2;
}

/**
 * The experimental-arm risk detectable with `perArm` patients per arm, on the
 * `side` of p0 ('higher' or 'lower'); null when no risk inside (0, 1) is.
 */
export function detectableProportion(perArm: number, p0: number, side: BenefitDirection, o: PowerOptions = {}): number | null {
  if (!(perArm > 0) || !(p0 > 0 && p0 < 1)) throw new TrialdeckError('DATA_INVALID', `expected patients per arm > 0 and 0 < p0 < 1, got ${perArm} and ${p0}`);
  // n(p1) falls monotonically as p1 moves away from p0: bisect on n(p1) = perArm.
  let near = p0;
  let far = side === 'higher' ? 1 - 1e-9 : 1e-9;
  if (twoProportionsPerArm(p0, far, o) > perArm) return null;
  for (let i = 0; i < 200 && Math.abs(far - near) > 1e-12; i++) {
    const mid = (near + far) / 2;
    if (mid === p0 || twoProportionsPerArm(p0, mid, o) > perArm) near = mid;
    else far = mid;
  }
  return far;
}

// ── The design's assumption set against what the data could detect ─────────

export interface PowerCheckInput {
  /** Measure of the primary's reported effect (HR/sHR → Schoenfeld). */
  measure: EffectMeasure | null;
  experimental: ArmCounts;
  comparator: ArmCounts;
  benefit: BenefitDirection | null;
  statistics: Trial['design']['statistics'];
}

const pctText = (p: number): string => `${Number((p * 100).toFixed(1))}%`;

/** "from 50% to 70%" in the design's prose, shown beside the ratio it was powered for. */
function assumedRisks(text: string | undefined): string | null {
  const m = text?.match(/from\s+(\d+(?:\.\d+)?)\s*%\s+to\s+(\d+(?:\.\d+)?)\s*%/i);
  return m ? `${m[1]}% → ${m[2]}%` : null;
}

export function powerCheck(input: PowerCheckInput): PowerCheck | null {
  const { statistics: st, experimental: e, comparator: c } = input;
  const power = st.power ?? 0.8;
  const alpha = st.alpha ?? 0.05;
  const target = st.targetEffect;
  const risks = assumedRisks(st.text);
  const side: BenefitDirection = input.benefit ?? (target && isRatioMeasure(target.measure) && target.value < 1 ? 'lower' : 'higher');
  const planned = st.plannedSampleSize ? `, ${st.plannedSampleSize} patients planned` : '';
  const assumedEffect = target ? `${target.measure} ${target.value}${risks ? ` (${risks})` : ''}` : risks;
  const assumedText = assumedEffect
    ? `Powered for ${assumedEffect} with ${pctText(power)} power at two-sided α ${alpha}${planned}.`
    : `No target effect stated${planned}.`;
  const common = {
    power,
    alpha,
    assumed: { measure: target?.measure ?? null, value: target?.value ?? null, text: target?.text ?? risks ?? '' },
    assumedText,
  };
  const opts = { power, alpha };
  const m = input.measure;
  if (m === 'HR' || m === 'sHR') {
    const events = e.events + c.events;
    if (events === 0) return null;
    // The arms' actual split: RECOVERY's 2:1 needs more events than 1:1 for the same HR.
    const up = schoenfeldDetectableHr(events, { ...opts, allocation: e.total / (e.total + c.total) });
    const allocation = allocationText(e.total, c.total);
    const detectable = side === 'higher' ? up : 1 / up;
    return {
      ...common,
      method: 'schoenfeld',
      events,
      perArm: null,
      controlRisk: null,
      detectable,
      detectableDifference: null,
      detectableText: `With the ${events} events observed, ${pctText(power)} power only for an ${m} ${side === 'higher' ? '≥' : '≤'} ${detectable.toFixed(2)} (Schoenfeld, ${allocation} allocation, two-sided α ${alpha}).`,
    };
  }
  const p0 = c.events / c.total;
  if (!(p0 > 0 && p0 < 1)) return null;
  const perArm = (e.total + c.total) / 2;
  const p1 = detectableProportion(perArm, p0, side, opts);
  const sizes = e.total === c.total ? `${e.total} patients per arm` : `${e.total} and ${c.total} patients per arm`;
  const detectableText =
    p1 === null
      ? `With ${sizes} and a control risk of ${pctText(p0)}, no change in risk could be detected with ${pctText(power)} power.`
      : `With ${sizes} and a control risk of ${pctText(p0)}, ${pctText(power)} power only for a change to ${side === 'higher' ? '≥' : '≤'} ${pctText(p1)} (${p1 > p0 ? '+' : '−'}${Math.abs((p1 - p0) * 100).toFixed(1)} points; two proportions, two-sided α ${alpha}).`;
  return {
    ...common,
    method: 'two-proportions',
    events: null,
    perArm,
    controlRisk: p0,
    detectable: p1 ?? (side === 'higher' ? 1 : 0),
    detectableDifference: p1 === null ? null : p1 - p0,
    detectableText,
  };
}
