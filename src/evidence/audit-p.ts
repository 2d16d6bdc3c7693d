// Does the P value agree with the confidence interval? For a ratio, the P
// implied by the CI follows from a normal approximation on the log scale
// (Altman & Bland, BMJ 2011;343:d2304): SE = (ln U − ln L)/(2 × 1.96),
// z = ln(estimate)/SE. We use the exact normal tail instead of their
// exp(−0.717z − 0.416z²) shortcut. The tolerance grows with what rounding
// of the printed estimate, limits and P can explain.
import { isRatioMeasure } from '../trial/schema.js';
import { ciLabel, fixed, formatRatio, printedDecimals } from './format.js';
import { normalQuantile, twoSidedP, zForLevel } from './normal.js';
import { AUDIT_THRESHOLDS as T, EPS, auditValues, effectTexts, halfUnit, type AuditContext, type EffectAt } from './audit-shared.js';
import type { AuditFinding, Severity } from './types.js';

/** z for a two-sided p. */
function zOfP(p: number): number {
  return normalQuantile(1 - Math.min(1, Math.max(p, 1e-300)) / 2);
}

export function auditCiVsP(ctx: AuditContext, at: EffectAt): AuditFinding | null {
  const e = at.effect;
  const ci = e.ci;
  const p = e.p;
  if (!isRatioMeasure(e.measure) || !ci || !p || !(ci.lower > 0 && ci.upper > ci.lower)) return null;
  if (e.estimate !== undefined && !(e.estimate > 0)) return null;
  const texts = effectTexts(e);
  const dL = printedDecimals(ci.lower, texts, 2);
  const dU = printedDecimals(ci.upper, texts, 2);
  const dE = e.estimate === undefined ? 2 : printedDecimals(e.estimate, texts, 2);
  const dP = printedDecimals(p.value, [p.text], 0);

  const z = zForLevel(ci.level);
  const se = (Math.log(ci.upper) - Math.log(ci.lower)) / (2 * z);
  const logEst = e.estimate === undefined ? (Math.log(ci.lower) + Math.log(ci.upper)) / 2 : Math.log(e.estimate);
  const zImplied = logEst / se;
  const pImplied = twoSidedP(zImplied);

  // How far rounding of the printed numbers alone could move z.
  const dLogL = halfUnit(dL) / ci.lower;
  const dLogU = halfUnit(dU) / ci.upper;
  const dLogEst = e.estimate === undefined ? (dLogL + dLogU) / 2 : halfUnit(dE) / e.estimate;
  const roundingZ = dLogEst / se + (Math.abs(zImplied) * (dLogL + dLogU)) / (2 * z) / se;
  const tol = roundingZ + T.pZSlack;

  // Significance as each side states it; a limit printed as 1.00 or a P printed as 0.05 cannot tell.
  const ciAmbiguous = Math.abs(ci.lower - 1) <= halfUnit(dL) + EPS || Math.abs(ci.upper - 1) <= halfUnit(dU) + EPS;
  const ciSig = ci.lower > 1 || ci.upper < 1;
  let pSig: boolean | null = null;
  if (p.op === '=') pSig = Math.abs(p.value - T.alpha) <= halfUnit(dP) + EPS ? null : p.value < T.alpha;
  else if (p.op === '<' || p.op === '≤') pSig = p.value <= T.alpha ? true : null;
  else pSig = p.value >= T.alpha ? false : null;

  let severity: Severity;
  if (!ciAmbiguous && pSig !== null && pSig !== ciSig) severity = 'material';
  else if (p.op === '=') {
    const zHi = zOfP(Math.max(p.value - halfUnit(dP), 0));
    const zLo = zOfP(Math.min(p.value + halfUnit(dP), 1));
    const zRep = zOfP(p.value);
    const gap = Math.abs(zRep - Math.abs(zImplied));
    severity = gap <= tol + (zHi - zLo) / 2 ? 'ok' : 'minor';
  } else if (p.op === '<' || p.op === '≤') {
    severity = Math.abs(zImplied) >= zOfP(p.value) - tol ? 'ok' : 'minor';
  } else {
    severity = Math.abs(zImplied) <= zOfP(p.value) + tol ? 'ok' : 'minor';
  }

  const est = e.estimate === undefined ? '' : `${formatRatio(e.estimate, dE)} `;
  const ciText = `${ciLabel(ci.level)} ${formatRatio(ci.lower, dL)} to ${formatRatio(ci.upper, dU)}`;
  const pText = `P ${p.op} ${fixed(p.value, dP)}`;
  const impliedText = pImplied < 0.001 ? 'P < 0.001' : `P ≈ ${pImplied < 0.1 ? pImplied.toFixed(3) : pImplied.toFixed(2)}`;
  const reportedText = `${e.measure} ${est}(${ciText}), ${pText}`;
  let message: string;
  if (severity === 'ok') {
    message = `${pText} agrees with the ${impliedText} implied by the ${ciText} (normal approximation on the log scale).`;
  } else if (severity === 'minor') {
    message = `The paper's ${pText} differs from the ${impliedText} implied by its ${ciText}; the P value probably comes from another test (e.g. a log-rank, exact or adjusted test) than the one behind the interval.`;
  } else {
    const says = pSig ? 'significant' : 'not significant';
    const ciSays = ciSig ? 'excludes 1' : 'includes 1';
    message = `The paper's ${pText} is ${says} but its ${ciText} ${ciSays} (implied ${impliedText}); the P value and the interval probably come from different analyses (tests, models or populations).`;
  }
  return {
    outcomeIndex: ctx.index,
    outcomeName: ctx.outcome.name,
    check: 'ci-vs-p',
    compared: 'Reported P value vs the P implied by the reported CI (Altman & Bland 2011)',
    path: at.path,
    reported: auditValues({ estimate: e.estimate, lower: ci.lower, upper: ci.upper, p: p.value }),
    recomputed: auditValues({ estimate: e.estimate ?? Math.exp(logEst), p: pImplied }),
    reportedText,
    recomputedText: `${impliedText} implied by the CI`,
    severity,
    message,
  };
}
