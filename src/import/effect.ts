// The Effect cell plus the "p value / 95% CI" cell → one effect; effects
// mentioned in the Notes ("Risk difference 0.0% (95% CI −12.8% to 12.7%)")
// → further effects. Cells are kept verbatim in `text` / `ciText`.
import { isRatioMeasure, type EffectMeasure } from '../trial/schema.js';
import { parseCi, parseP } from './intervals.js';
import { findMeasures, labelFor, readEstimate } from './measures.js';
import { MESSAGES } from './messages.js';
import { NUM, hasDigit, normaliseCell, toNumber } from './numbers.js';
import type { EffectInput } from './types.js';

export interface EffectParse {
  effect?: EffectInput;
  /** Messages for things that look numeric but could not be read, or do not add up. */
  issues: string[];
}

const NOT_REPORTED = /^(?:not reported|not estimable|not calculated|not available|nr|n\/?a|ne|[-–—])\.?$/i;

/** Shape the measure-specific parts: ratios have no unit; risk differences are in %; a difference in kg is a mean difference. */
function finishMeasure(measure: EffectMeasure, unit: string | undefined): { measure: EffectMeasure; unit?: string } {
  if (isRatioMeasure(measure)) return { measure };
  if (measure === 'RD') return unit === undefined || unit === '%' ? { measure, unit: '%' } : { measure: 'MD', unit };
  return unit === undefined ? { measure } : { measure, unit };
}

export function parseEffect(effectCell: string, ciCell: string): EffectParse {
  const text = effectCell.trim();
  const ciText = ciCell.trim();
  const issues: string[] = [];
  if (text === '' && ciText === '') return { issues };
  const printed = { ...(text === '' ? {} : { text }), ...(ciText === '' ? {} : { ciText }) };
  if (NOT_REPORTED.test(normaliseCell(text))) return { effect: { reported: false, ...printed }, issues };

  const s = normaliseCell(text);
  const hit = findMeasures(s)[0];
  let effect: EffectInput = { measure: 'other' };
  let rest = s;
  if (hit) {
    const read = readEstimate(s.slice(hit.end));
    const label = labelFor(hit.measure, s.slice(0, hit.end));
    effect = { ...finishMeasure(hit.measure, read?.unit), ...(label === undefined ? {} : { label }) };
    if (read) {
      effect.estimate = read.estimate;
      rest = s.slice(hit.end + read.length);
    } else if (hasDigit(s.slice(hit.end))) {
      issues.push(MESSAGES.effectUnreadable(text, 'an estimate'));
    }
  } else if (s !== '') {
    // No measure named: keep a leading number as the estimate and the words as the label.
    const m = new RegExp(String.raw`^([^\d−+-]*?)\s*(${NUM})`).exec(s);
    if (m && hasDigit(s)) {
      effect.estimate = toNumber(m[2] ?? '');
      rest = s.slice(m[0].length);
      issues.push(MESSAGES.effectUnreadable(text, 'the effect measure (RR, OR, HR, risk/mean/median difference…)'));
    }
    effect.label = s;
  }

  const ci = parseCi(ciText) ?? parseCi(rest);
  if (ci) effect.ci = ci;
  else if (/\bCI\b|confidence/i.test(ciText + rest)) issues.push(MESSAGES.effectUnreadable(ciText || text, 'a confidence interval'));
  const p = parseP(ciText) ?? parseP(rest);
  if (p) effect.p = p;
  else if (/(?<![A-Za-z])p\s*[<>=≤≥]/i.test(ciText + rest)) issues.push(MESSAGES.effectUnreadable(ciText || text, 'a p value'));
  checkConsistency(effect, issues);
  return { effect: ordered({ ...effect, ...printed }), issues };
}

/** Same fields in the schema's order, so the YAML reads measure → estimate → CI → p → printed text. */
function ordered(e: EffectInput): EffectInput {
  const out: EffectInput = {};
  if (e.reported !== undefined) out.reported = e.reported;
  if (e.measure !== undefined) out.measure = e.measure;
  if (e.label !== undefined) out.label = e.label;
  if (e.estimate !== undefined) out.estimate = e.estimate;
  if (e.unit !== undefined) out.unit = e.unit;
  if (e.ci !== undefined) out.ci = e.ci;
  if (e.p !== undefined) out.p = e.p;
  if (e.text !== undefined) out.text = e.text;
  if (e.ciText !== undefined) out.ciText = e.ciText;
  return out;
}

function checkConsistency(effect: EffectInput, issues: string[]): void {
  const { ci, estimate } = effect;
  if (!ci) return;
  if (ci.lower > ci.upper) issues.push(MESSAGES.ciReversed(ci.lower, ci.upper));
  else if (estimate !== undefined && (estimate < ci.lower || estimate > ci.upper)) {
    issues.push(MESSAGES.estimateOutsideCi(estimate, ci.lower, ci.upper));
  }
}

/**
 * The words that belong to an estimate in running text: a bracket right after
 * it, "(95% CI …)", or else the rest of the clause up to the next measure name,
 * an unmatched ")" or the end of a sentence: "(HR 0.75; 95% CI 0.63–0.90)".
 */
function clauseAfter(text: string, stop: number): string {
  const limit = text.slice(0, stop);
  const bracket = /^\s*\((?:[^()]|\([^()]*\))*\)/.exec(limit);
  if (bracket) return bracket[0];
  let depth = 0;
  for (let i = 0; i < limit.length; i++) {
    const c = limit[i];
    if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) return limit.slice(0, i);
    else if (c === '.' && depth === 0 && /\s/.test(limit[i + 1] ?? '')) return limit.slice(0, i);
  }
  return limit;
}

/** Effects written out in a Notes cell. Only measure names followed by a number count. */
export function parseNoteEffects(notes: string): EffectInput[] {
  const s = normaliseCell(notes);
  const out: EffectInput[] = [];
  const hits = findMeasures(s);
  hits.forEach((hit, i) => {
    const read = readEstimate(s.slice(hit.end));
    if (!read) return;
    const from = hit.end + read.length;
    const clause = clauseAfter(s.slice(from), (hits[i + 1]?.index ?? s.length) - from);
    const label = labelFor(hit.measure, hit.phrase);
    const effect: EffectInput = {
      ...finishMeasure(hit.measure, read.unit),
      ...(label === undefined ? {} : { label }),
      estimate: read.estimate,
    };
    const ci = parseCi(clause);
    if (ci) effect.ci = ci;
    const p = parseP(clause);
    if (p) effect.p = p;
    effect.text = s.slice(hit.index, from + clause.length).replace(/[\s;,]+$/, '');
    out.push(ordered(effect));
  });
  return out;
}
