// A posted statistical analysis → an effect. paramType is free text in old
// records ("Odds Ratio (OR)", "Cox Proportional Hazard", "LS Mean Difference",
// "Percentage Difference", "Difference"); the CI keeps its own level and
// sidedness (the dupilumab record's CIs are 90%, and must say so).
import type { EffectMeasure } from '../../trial/schema.js';
import type { EffectInput } from '../types.js';
import type { Analysis } from './record.js';
import { enumText, isNA, parsePValue, show, toNumber, unescapeText } from './values.js';

const MEASURES: readonly [RegExp, EffectMeasure, string?][] = [
  [/sub-?distribution hazard/i, 'sHR'],
  [/hazard ratio/i, 'HR'],
  [/cox proportional hazard/i, 'HR', 'HR (Cox model)'],
  [/odds ratio/i, 'OR'],
  [/risk ratio|relative risk/i, 'RR'],
  [/risk difference|percentage difference|difference in (percentages|proportions)|proportion difference/i, 'RD'],
  [/median difference/i, 'MedD'],
  [/restricted mean/i, 'RMD'],
  [/mean difference|difference in (ls )?means/i, 'MD'],
];

export function measureOf(paramType: string | undefined): { measure: EffectMeasure; label?: string } {
  const p = (paramType ?? '').trim();
  for (const [re, measure, label] of MEASURES) if (re.test(p)) return { measure, ...(label ? { label } : p && !/^(hazard|odds|risk) ratio/i.test(p) ? { label: p } : {}) };
  return { measure: 'other', ...(p ? { label: p } : {}) };
}

/** SUPERIORITY, NON_INFERIORITY, EQUIVALENCE, OTHER, and legacy *_OR_* values. */
export function hypothesisOf(a: Analysis): 'superiority' | 'non-inferiority' | 'equivalence' | undefined {
  const t = (a.nonInferiorityType ?? '').toUpperCase();
  if (t.startsWith('NON_INFERIORITY')) return 'non-inferiority';
  if (t.startsWith('EQUIVALENCE')) return 'equivalence';
  if (t.startsWith('SUPERIORITY')) return 'superiority';
  return undefined;
}

/** "non-inferiority margin of -10%", "margin was 1.3": the number after "margin", with the comment as text. */
export function marginOf(a: Analysis): { value: number; text: string } | undefined {
  const comment = unescapeText(a.nonInferiorityComment);
  const m = /margin\b[^0-9\u2212-]{0,30}([\u2212-]?\d+(?:\.\d+)?)/i.exec(comment);
  if (!m) return undefined;
  const value = Number(m[1]!.replace('\u2212', '-'));
  return Number.isFinite(value) ? { value, text: comment } : undefined;
}

export interface ReadAnalysis {
  effect: EffectInput;
  margin?: { value: number; text: string };
  /** Arm ids in the order the record names them ("CZP/Placebo", "Dupilumab vs. Placebo"), when it does. */
  stated?: { arm: string; vs: string };
  hypothesis?: ReturnType<typeof hypothesisOf>;
  /** Method, sidedness, non-inferiority notes: for the speaker notes. */
  note: string;
  problems: string[];
}

/** Which arm the estimate compares with which, from "A vs. B", "A/B", "A - B" in the comments. */
export interface ArmNames {
  id: string;
  /** The arm's label and the titles its groups carry in this module ("CZP 200 mg Q2W (FAS)"). */
  names: string[];
}

export function statedDirection(a: Analysis, arms: readonly ArmNames[]): { arm: string; vs: string } | undefined {
  const texts = [a.estimateComment, a.groupDescription, a.statisticalComment].map(unescapeText).filter(Boolean);
  for (const t of texts) {
    const m = /([^:;,.()]+?)\s*(?:\bvs\.?|\bversus\b|\/|\bminus\b|\bcompared (?:with|to)\b)\s*([^:;,.()]+)/i.exec(t);
    if (!m) continue;
    const find = (s: string): ArmNames | undefined => {
      const hits = arms.filter((arm) => arm.names.some((n) => firstWordIn(n, s)));
      return hits.length === 1 ? hits[0] : undefined;
    };
    const left = find(m[1]!);
    const right = find(m[2]!);
    if (left && right && left !== right) return { arm: left.id, vs: right.id };
  }
  return undefined;
}

function firstWordIn(label: string, text: string): boolean {
  const word = label.toLowerCase().split(/[^a-z0-9]+/).find((w) => w.length > 2);
  return word !== undefined && new RegExp(`\\b${word}\\b`, 'i').test(text);
}

export function readAnalysis(a: Analysis, arms: readonly ArmNames[]): ReadAnalysis {
  const problems: string[] = [];
  const { measure, label } = measureOf(a.paramType);
  const estimate = toNumber(a.paramValue);
  const lower = toNumber(a.ciLowerLimit);
  const upper = toNumber(a.ciUpperLimit);
  const pct = toNumber(a.ciPctValue);
  const sided = (a.ciNumSides ?? '').toUpperCase() === 'ONE_SIDED' ? 1 : 2;
  const effect: EffectInput = { measure, ...(label ? { label } : {}) };
  if (estimate !== undefined) effect.estimate = estimate;
  if (measure === 'RD' && /percent/i.test(a.paramType ?? '')) effect.unit = '%';
  if (lower !== undefined && upper !== undefined && pct !== undefined && pct > 0 && pct < 100) {
    effect.ci = { lower, upper, level: pct / 100, sided };
  } else if (a.ciLowerLimit !== undefined || a.ciUpperLimit !== undefined) {
    // One bound "NA" (one-sided, or not estimable): keep what was posted as text.
    effect.ciText = `${show(a.ciPctValue) || '?'}% CI${sided === 1 ? ' (one-sided)' : ''} ${show(a.ciLowerLimit) || 'NA'} to ${show(a.ciUpperLimit) || 'NA'}`;
    if (isNA(a.ciLowerLimit) || isNA(a.ciUpperLimit)) problems.push(`a confidence limit is NA${a.ciLowerLimitComment || a.ciUpperLimitComment ? ` (${a.ciLowerLimitComment ?? a.ciUpperLimitComment})` : ''}`);
  }
  const p = parsePValue(a.pValue);
  if (p) effect.p = p;
  else if (a.pValue !== undefined && a.pValue !== null && String(a.pValue).trim()) problems.push(`P value "${String(a.pValue)}" is not a number; kept in the notes`);
  if (estimate === undefined && !p) effect.text = a.paramType ?? a.statisticalMethod ?? 'Analysis posted without an estimate';
  // The slides quote the record's own digits ("34.0", "1.10"), with the CI's real level beside them.
  if (estimate !== undefined) effect.text = `${label ?? measure} ${show(a.paramValue)}`;
  if (effect.ci) {
    effect.ciText = [`${show(a.ciPctValue)}% CI${sided === 1 ? ' (one-sided)' : ''} ${show(a.ciLowerLimit)} to ${show(a.ciUpperLimit)}`, p?.text].filter(Boolean).join('; ');
  } else if (p?.text) {
    effect.ciText = [effect.ciText, p.text].filter(Boolean).join('; ');
  }
  const hypothesis = hypothesisOf(a);
  const note = [
    a.statisticalMethod && `Method: ${a.statisticalMethod}`,
    sided === 1 && effect.ci ? 'one-sided CI' : '',
    a.nonInferiorityType && `type: ${enumText(a.nonInferiorityType)}`,
    a.nonInferiorityComment && unescapeText(a.nonInferiorityComment),
    a.pValue !== undefined && !p ? `P: ${String(a.pValue)}` : '',
    a.pValueComment && unescapeText(a.pValueComment),
    a.estimateComment && unescapeText(a.estimateComment),
  ]
    .filter(Boolean)
    .join('; ');
  const stated = statedDirection(a, arms);
  const margin = hypothesis === 'non-inferiority' || hypothesis === 'equivalence' ? marginOf(a) : undefined;
  return { effect, ...(stated ? { stated } : {}), ...(hypothesis ? { hypothesis } : {}), ...(margin ? { margin } : {}), note, problems };
}
