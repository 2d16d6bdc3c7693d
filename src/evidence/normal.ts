// The standard normal distribution, written out because every interval and
// posterior in the evidence engine rests on it. erf/erfc follow W. J. Cody's
// rational Chebyshev approximations (Math. Comp. 1969; Netlib SPECFUN CALERF),
// accurate to about 1e-16 relative: the cheap Abramowitz–Stegun 7.1.26 (1.5e-7
// absolute) would not survive tail probabilities such as p = 1e-9.

const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
];
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
const P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766, 6.58749161529837803e-4,
  0.0163153871373020978,
];
const Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
const INV_SQRT_PI = 0.56418958354775628695;
const THRESH = 0.46875;

// Indexing fixed-length coefficient tables: the lengths are known, so `!` is safe.
const at = (t: readonly number[], i: number): number => t[i]!;

/** exp(-y²) computed in two parts, as Cody does, to keep full relative accuracy for large y. */
function expMinusSquare(y: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq) * Math.exp(-del);
}

/** erfc(y) for y > THRESH. */
function erfcTail(y: number): number {
  if (y <= 4) {
    let num = at(C, 8) * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + at(C, i)) * y;
      den = (den + at(D, i)) * y;
    }
    return ((num + at(C, 7)) / (den + at(D, 7))) * expMinusSquare(y);
  }
  if (y >= 26.55) return 0; // underflows in double precision
  const ysq = 1 / (y * y);
  let num = at(P, 5) * ysq;
  let den = ysq;
  for (let i = 0; i < 4; i++) {
    num = (num + at(P, i)) * ysq;
    den = (den + at(Q, i)) * ysq;
  }
  const r = (ysq * (num + at(P, 4))) / (den + at(Q, 4));
  return ((INV_SQRT_PI - r) / y) * expMinusSquare(y);
}

/** erf(x) for |x| ≤ THRESH. */
function erfSmall(x: number): number {
  const ysq = x * x;
  let num = at(A, 4) * ysq;
  let den = ysq;
  for (let i = 0; i < 3; i++) {
    num = (num + at(A, i)) * ysq;
    den = (den + at(B, i)) * ysq;
  }
  return (x * (num + at(A, 3))) / (den + at(B, 3));
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= THRESH) return erfSmall(x);
  const r = 1 - erfcTail(y);
  return x < 0 ? -r : r;
}

export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  if (y <= THRESH) return 1 - erfSmall(x);
  const r = erfcTail(y);
  return x < 0 ? 2 - r : r;
}

/** Φ(x) = P(Z ≤ x). Uses erfc on the tail side so small probabilities keep their precision. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** 1 − Φ(x), precise in the upper tail. */
export function normalSf(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

/** Two-sided p value for a z statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalSf(Math.abs(z)));
}

export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

// Acklam's rational starting point, then Halley steps against the exact CDF
// above, which brings the quantile to full double precision.
const IA = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const IB = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const IC = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const ID = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

function horner(t: readonly number[], x: number): number {
  let r = 0;
  for (const c of t) r = r * x + c;
  return r;
}

function acklam(p: number): number {
  const plow = 0.02425;
  if (p < plow || p > 1 - plow) {
    const q = Math.sqrt(-2 * Math.log(p < plow ? p : 1 - p));
    const x = horner(IC, q) / (horner(ID, q) * q + 1);
    return p < plow ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (horner(IA, r) * q) / (horner(IB, r) * r + 1);
}

/** Φ⁻¹(p): the quantile of the standard normal distribution. */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x = acklam(p);
  for (let i = 0; i < 2; i++) {
    // Work with the smaller tail so the residual is not swamped by rounding.
    const e = p < 0.5 ? normalCdf(x) - p : (1 - p) - normalSf(x);
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x = x - u / (1 + (x * u) / 2);
  }
  return x;
}

/** z such that a central `level` interval is ±z (1.959963984540054 for 95%). */
export function zForLevel(level = 0.95): number {
  return normalQuantile(1 - (1 - level) / 2);
}

/** A ratio's central interval from the normal approximation on the log scale: exp(ln x ± z·SE). */
export function logScaleInterval(estimate: number, logSe: number, level = 0.95): { lower: number; upper: number } {
  const z = zForLevel(level);
  const log = Math.log(estimate);
  return { lower: Math.exp(log - z * logSe), upper: Math.exp(log + z * logSe) };
}

/** The exact 97.5% quantile; papers round it to 1.96. */
export const Z95 = 1.959963984540054;
