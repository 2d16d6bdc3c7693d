// Audit of reported effects that can be recomputed from the event counts:
// RR (Katz), OR (Woolf) and RD (Newcombe). A mismatch is reported as "the
// paper probably used another method" — adjusted models, exact or
// model-based intervals all give slightly different numbers.
import { ciLabel, fixed, formatRatio, printedDecimals } from './format.js';
import {
  AUDIT_THRESHOLDS as T,
  EPS,
  auditValues,
  countsText,
  effectTexts,
  halfUnit,
  newcombeForAudit,
  ratioForAudit,
  worst,
  type AuditContext,
  type EffectAt,
} from './audit-shared.js';
import type { AuditCheck, AuditFinding, Severity } from './types.js';

interface Compared {
  severity: Severity;
  estimateMaterial: boolean;
  /** Whether the reported and recomputed CIs disagree on excluding the null. */
  flip: { reported: boolean; recomputed: boolean } | null;
}

interface Triple {
  estimate?: number | undefined;
  lower?: number | undefined;
  upper?: number | undefined;
}

interface Scale {
  /** Where half-widths are measured: log for ratios, identity for percentage points. */
  map: (x: number) => number;
  /** No effect: 1 for ratios, 0 for differences. */
  nul: number;
  /** Whether an estimate outside rounding is materially different. */
  estimateMaterial: (reported: number, recomputed: number) => boolean;
  /** Added to half a printed unit before a number counts as different. */
  slack: number;
}

const RATIO_SCALE: Scale = {
  map: Math.log,
  nul: 1,
  estimateMaterial: (r, x) => Math.abs(r / x - 1) > T.ratioMaterialRelative,
  slack: 0,
};
const POINTS_SCALE: Scale = {
  map: (x) => x,
  nul: 0,
  estimateMaterial: (r, x) => Math.abs(r - x) > T.pointsMaterial,
  slack: T.pointsSlack,
};

/** Compare a reported triple with a recomputed one, component by component. */
function compare(rep: Triple, rec: Required<Triple>, decimals: Required<Triple>, scale: Scale): Compared {
  const { map, nul, estimateMaterial, slack } = scale;
  const severities: Severity[] = [];
  let estMaterial = false;
  const within = (r: number, c: number, d: number): boolean => Math.abs(r - c) <= halfUnit(d) + slack + EPS;
  if (rep.estimate !== undefined && !within(rep.estimate, rec.estimate, decimals.estimate)) {
    estMaterial = estimateMaterial(rep.estimate, rec.estimate);
    severities.push(estMaterial ? 'material' : 'minor');
  }
  for (const side of ['lower', 'upper'] as const) {
    const r = rep[side];
    if (r === undefined || within(r, rec[side], decimals[side])) continue;
    const halfWidth = Math.abs(map(rec.estimate) - map(rec[side]));
    const share = halfWidth > 0 ? Math.abs(map(r) - map(rec[side])) / halfWidth : Infinity;
    severities.push(share > T.ciMaterialShare ? 'material' : 'minor');
  }
  let flip: Compared['flip'] = null;
  if (rep.lower !== undefined && rep.upper !== undefined) {
    // A printed limit that rounds to the null (e.g. "1.00") cannot say which side it is on.
    const ambiguous = within(rep.lower, nul, decimals.lower) || within(rep.upper, nul, decimals.upper);
    const repExcl = rep.lower > nul || rep.upper < nul;
    const recExcl = rec.lower > nul || rec.upper < nul;
    if (!ambiguous && repExcl !== recExcl) {
      flip = { reported: repExcl, recomputed: recExcl };
      severities.push('material');
    }
  }
  return { severity: worst(severities), estimateMaterial: estMaterial, flip };
}

function tripleText(t: Triple, fmt: (x: number, d: number) => string, d: Required<Triple>, level: number): string {
  const est = t.estimate !== undefined ? fmt(t.estimate, d.estimate) : '';
  const ci = t.lower !== undefined && t.upper !== undefined ? `${ciLabel(level)} ${fmt(t.lower, d.lower)} to ${fmt(t.upper, d.upper)}` : '';
  return est && ci ? `${est} (${ci})` : est || ci;
}

function explain(c: Compared, what: string, method: string, nul: string): string {
  const parts: string[] = [];
  if (c.flip) {
    const word = (x: boolean): string => (x ? 'excludes' : 'includes');
    parts.push(`the recomputed interval ${word(c.flip.recomputed)} ${nul} while the paper's ${word(c.flip.reported)} it, so the verdict depends on the method`);
  }
  parts.push(
    c.estimateMaterial
      ? `the paper probably reports an adjusted or model-based ${what} (or another analysis population)`
      : `the paper probably used another confidence interval method than the ${method} (e.g. an exact, score or model-based interval)`,
  );
  return parts.join('; ');
}

const RATIO_CHECKS = {
  RR: { check: 'risk-ratio', name: 'risk ratio', method: 'Katz log interval' },
  OR: { check: 'odds-ratio', name: 'odds ratio', method: 'Woolf logit interval' },
} as const satisfies Record<string, { check: AuditCheck; name: string; method: string }>;

export function auditRatio(ctx: AuditContext, at: EffectAt): AuditFinding | null {
  const e = at.effect;
  if (!ctx.counts || (e.measure !== 'RR' && e.measure !== 'OR')) return null;
  const rep: Triple = { estimate: e.estimate, lower: e.ci?.lower, upper: e.ci?.upper };
  if ([rep.estimate, rep.lower, rep.upper].every((v) => v === undefined)) return null;
  if ([rep.estimate, rep.lower, rep.upper].some((v) => v !== undefined && !(v > 0))) return null;
  const level = e.ci?.level ?? 0.95;
  const info = RATIO_CHECKS[e.measure];
  const rec = ratioForAudit(e.measure, ctx.counts, level);
  const texts = effectTexts(e);
  const dec = (v: number | undefined): number => (v === undefined ? 2 : printedDecimals(v, texts, 2));
  const decimals = { estimate: dec(rep.estimate), lower: dec(rep.lower), upper: dec(rep.upper) };
  const c = compare(rep, rec, decimals, RATIO_SCALE);
  const repText = tripleText(rep, formatRatio, decimals, level);
  const recText = tripleText(rec, formatRatio, decimals, level);
  const counts = countsText(ctx);
  const label = `${e.measure} ${repText}`;
  const message =
    c.severity === 'ok'
      ? `${label} agrees with the ${info.method} recomputed from ${counts}: ${recText}.`
      : `The paper's ${label} differs from the ${info.method} recomputed from ${counts}, ${recText}: ${explain(c, info.name, info.method, '1')}.`;
  return {
    outcomeIndex: ctx.index,
    outcomeName: ctx.outcome.name,
    check: info.check,
    compared: `Reported ${info.name} and CI vs the ${info.method} from the counts`,
    path: at.path,
    reported: auditValues(rep),
    recomputed: auditValues(rec),
    reportedText: repText,
    recomputedText: recText,
    severity: c.severity,
    message,
  };
}

const PERCENT_UNITS = new Set(['%', 'pp', 'percentage points', 'percentage point']);

export function auditRiskDifference(ctx: AuditContext, at: EffectAt): AuditFinding | null {
  const e = at.effect;
  if (!ctx.counts || e.measure !== 'RD' || !PERCENT_UNITS.has((e.unit ?? '').trim())) return null;
  const rep: Triple = { estimate: e.estimate, lower: e.ci?.lower, upper: e.ci?.upper };
  if ([rep.estimate, rep.lower, rep.upper].every((v) => v === undefined)) return null;
  const level = e.ci?.level ?? 0.95;
  const texts = effectTexts(e);
  const dec = (v: number | undefined): number => (v === undefined ? 1 : printedDecimals(v, texts, 1));
  const decimals = { estimate: dec(rep.estimate), lower: dec(rep.lower), upper: dec(rep.upper) };

  let rec = newcombeForAudit(ctx.counts, level);
  // Some papers subtract the other way round (comparator − experimental):
  // when only the mirrored estimate matches, compare with the mirrored interval.
  const tol = (d: number): number => halfUnit(d) + T.pointsSlack + EPS;
  const reversed =
    rep.estimate !== undefined &&
    Math.abs(rep.estimate - rec.estimate) > tol(decimals.estimate) &&
    Math.abs(rep.estimate + rec.estimate) <= tol(decimals.estimate);
  if (reversed) rec = { estimate: 0 - rec.estimate, lower: 0 - rec.upper, upper: 0 - rec.lower };
  let c = compare(rep, rec, decimals, POINTS_SCALE);
  // The convention itself is worth a mention, even when every number matches.
  if (reversed && c.severity === 'ok') c = { ...c, severity: 'minor' };
  const pct = (x: number, d: number): string => `${fixed(x, d)}%`;
  const repText = tripleText(rep, pct, decimals, level);
  const recText = tripleText(rec, pct, decimals, level);
  const counts = countsText(ctx);
  const method = 'Newcombe hybrid score interval';
  let message: string;
  if (reversed) {
    const tail = c.flip || c.estimateMaterial || c.severity === 'material' ? ` Beyond that: ${explain(c, 'risk difference', method, '0')}.` : '';
    message = `The paper's risk difference ${repText} subtracts the arms the other way round (comparator − experimental); so read, the ${method} from ${counts} is ${recText}.${tail}`;
  } else if (c.severity === 'ok') {
    message = `Risk difference ${repText} agrees with the ${method} recomputed from ${counts}: ${recText}.`;
  } else {
    message = `The paper's risk difference ${repText} differs from the ${method} recomputed from ${counts}, ${recText}: ${explain(c, 'risk difference', method, '0')}.`;
  }
  return {
    outcomeIndex: ctx.index,
    outcomeName: ctx.outcome.name,
    check: 'risk-difference',
    compared: `Reported risk difference and CI (percentage points) vs the ${method} from the counts`,
    path: at.path,
    reported: auditValues(rep),
    recomputed: auditValues(rec),
    reportedText: repText,
    recomputedText: recText,
    severity: c.severity,
    message,
  };
}
