// Random-effects meta-analysis of k effect sizes yᵢ with known within-study
// variances vᵢ (log ratios here), as metafor's rma() does it:
//
//   τ²  REML by Fisher scoring (Viechtbauer 2005), or DerSimonian–Laird
//   μ̂   Σwᵢyᵢ / Σwᵢ with wᵢ = 1/(vᵢ + τ²); SE = 1/√Σwᵢ
//   CI  normal (z), or Hartung–Knapp–Sidik–Jonkman: t with k − 1 df and the
//       SE scaled by the weighted residual variance (optionally floored at 1)
//   Q   Cochran's Q with fixed-effect weights, on k − 1 df
//   I²  τ² / (τ² + s²), s² the "typical" within-study variance (Higgins &
//       Thompson 2002), so REML and DL each report their own I²
//   PI  Higgins, Thompson & Spiegelhalter 2009: μ̂ ± t(k−2) √(τ² + SE²)
import { normalSf, zForLevel } from './normal.js';
import { chiSquareSf, tCdf, tQuantile } from './t-distribution.js';
import { memberOf } from '../member-of.js';

export const TAU2_METHODS = ['REML', 'DL'] as const;
export type Tau2Method = (typeof TAU2_METHODS)[number];
export const isTau2Method: (v: unknown) => v is Tau2Method = memberOf(TAU2_METHODS);

/**
 * `hksj` is Hartung–Knapp–Sidik–Jonkman as metafor's test = "knha"; `hksj-floor`
 * keeps its scale factor at least 1 (Röver, Knapp & Friede 2015), so studies that
 * agree closely cannot give an interval narrower than the normal one times t.
 */
export const META_CI_METHODS = ['z', 'hksj', 'hksj-floor'] as const;
export type MetaCiMethod = (typeof META_CI_METHODS)[number];
export const isMetaCiMethod: (v: unknown) => v is MetaCiMethod = memberOf(META_CI_METHODS);

export interface MetaStudy {
  /** Effect size, e.g. a log risk ratio. */
  yi: number;
  /** Its sampling variance (SE²). */
  vi: number;
}

export interface MetaOptions {
  method?: Tau2Method;
  ci?: MetaCiMethod;
  level?: number;
}

export interface MetaResult {
  k: number;
  method: Tau2Method;
  ciMethod: MetaCiMethod;
  level: number;
  estimate: number;
  /** SE of the estimate under the chosen CI method. */
  se: number;
  lower: number;
  upper: number;
  /** Two-sided p of the estimate against 0 (z, or t with k − 1 df for HKSJ). */
  p: number;
  tau2: number;
  tau: number;
  /** Percent, 0–100. */
  i2: number;
  h2: number;
  q: number;
  qDf: number;
  qP: number;
  /** Null below 3 studies: t with k − 2 df needs k ≥ 3. */
  prediction: { lower: number; upper: number; df: number } | null;
  /** Random-effects weight of each study, percent, in input order. */
  weights: number[];
  /** REML only: Fisher-scoring iterations and whether they converged. */
  iterations: number;
  converged: boolean;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Cochran's Q with fixed-effect weights 1/vᵢ. */
export function cochranQ(studies: readonly MetaStudy[]): number {
  const w = studies.map((s) => 1 / s.vi);
  const mu = sum(studies.map((s, i) => w[i]! * s.yi)) / sum(w);
  return sum(studies.map((s, i) => w[i]! * (s.yi - mu) ** 2));
}

/** DerSimonian–Laird: τ² = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)). */
export function tau2DerSimonianLaird(studies: readonly MetaStudy[]): number {
  const w = studies.map((s) => 1 / s.vi);
  const sw = sum(w);
  const c = sw - sum(w.map((x) => x * x)) / sw;
  return c > 0 ? Math.max(0, (cochranQ(studies) - (studies.length - 1)) / c) : 0;
}

/**
 * REML by Fisher scoring, started from DL. For an intercept-only model the
 * projection matrix P = W − wwᵀ/Σw gives closed forms: yᵀPPy = Σwᵢ²(yᵢ−μ̂)²,
 * tr P = Σw − Σw²/Σw, tr PP = Σw² − 2Σw³/Σw + (Σw²)²/(Σw)².
 */
export function tau2Reml(studies: readonly MetaStudy[], maxIter = 100, tolerance = 1e-10): { tau2: number; iterations: number; converged: boolean } {
  let tau2 = tau2DerSimonianLaird(studies);
  for (let it = 1; it <= maxIter; it++) {
    const w = studies.map((s) => 1 / (s.vi + tau2));
    const sw = sum(w);
    const sw2 = sum(w.map((x) => x * x));
    const sw3 = sum(w.map((x) => x * x * x));
    const mu = sum(studies.map((s, i) => w[i]! * s.yi)) / sw;
    const yPPy = sum(studies.map((s, i) => w[i]! ** 2 * (s.yi - mu) ** 2));
    const trP = sw - sw2 / sw;
    const trPP = sw2 - (2 * sw3) / sw + (sw2 * sw2) / (sw * sw);
    const next = Math.max(0, tau2 + (yPPy - trP) / trPP);
    const done = Math.abs(next - tau2) < tolerance;
    tau2 = next;
    if (done) return { tau2, iterations: it, converged: true };
  }
  return { tau2, iterations: maxIter, converged: false };
}

/** Pools k ≥ 1 studies. With k = 1 the "pool" is the study itself (τ² = 0, no Q test, no prediction interval). */
export function metaAnalysis(studies: readonly MetaStudy[], options: MetaOptions = {}): MetaResult {
  const k = studies.length;
  if (k === 0) throw new RangeError('metaAnalysis needs at least one study');
  for (const s of studies) {
    if (!Number.isFinite(s.yi) || !(s.vi > 0) || !Number.isFinite(s.vi)) throw new RangeError(`invalid study: yi ${s.yi}, vi ${s.vi}`);
  }
  const method = options.method ?? 'REML';
  const ciMethod = options.ci ?? 'z';
  const level = options.level ?? 0.95;

  const fit = k < 2 ? { tau2: 0, iterations: 0, converged: true } : method === 'REML' ? tau2Reml(studies) : { tau2: tau2DerSimonianLaird(studies), iterations: 0, converged: true };
  const { tau2 } = fit;
  const w = studies.map((s) => 1 / (s.vi + tau2));
  const sw = sum(w);
  const estimate = sum(studies.map((s, i) => w[i]! * s.yi)) / sw;
  const seZ = Math.sqrt(1 / sw);

  let se = seZ;
  let crit = zForLevel(level);
  let p = 2 * normalSf(Math.abs(estimate / seZ));
  if (ciMethod !== 'z' && k >= 2) {
    const raw = sum(studies.map((s, i) => w[i]! * (s.yi - estimate) ** 2)) / (k - 1);
    const qhk = ciMethod === 'hksj-floor' ? Math.max(1, raw) : raw;
    se = Math.sqrt(qhk / sw);
    crit = tQuantile(1 - (1 - level) / 2, k - 1);
    p = 2 * (1 - tCdf(Math.abs(estimate / se), k - 1));
  }

  const q = k >= 2 ? cochranQ(studies) : 0;
  const fw = studies.map((s) => 1 / s.vi);
  const sfw = sum(fw);
  const typical = k >= 2 ? ((k - 1) * sfw) / (sfw * sfw - sum(fw.map((x) => x * x))) : 0;
  const i2 = k >= 2 && tau2 + typical > 0 ? (100 * tau2) / (tau2 + typical) : 0;
  const h2 = k >= 2 && typical > 0 ? (tau2 + typical) / typical : 1;

  let prediction: MetaResult['prediction'] = null;
  if (k >= 3) {
    const t = tQuantile(1 - (1 - level) / 2, k - 2);
    const half = t * Math.sqrt(tau2 + seZ * seZ);
    prediction = { lower: estimate - half, upper: estimate + half, df: k - 2 };
  }

  return {
    k, method, ciMethod, level,
    estimate, se, lower: estimate - crit * se, upper: estimate + crit * se, p,
    tau2, tau: Math.sqrt(tau2), i2, h2,
    q, qDf: k - 1, qP: k >= 2 ? chiSquareSf(q, k - 1) : 1,
    prediction,
    weights: w.map((x) => (100 * x) / sw),
    iterations: fit.iterations,
    converged: fit.converged,
  };
}
