// What kind of trial the Design & Methods text describes: factorial,
// cluster-randomised or crossover; superiority, non-inferiority or
// equivalence; and the margin, read from wording such as "non-inferiority
// margin of 1.46" or "upper bound of the 95% CI below 1.46". Only what the
// words say is set; what a deck needs but the text does not say (factors,
// margin) is a warning that names the line.
import type { DesignType, Hypothesis } from '../trial/schema.js';
import type { EffectMeasure } from '../trial/schema.js';
import type { StatisticsInput } from './design.js';
import { findMeasures } from './measures.js';
import { IMPORT_WARNINGS, MESSAGES } from './messages.js';
import { toNumber } from './numbers.js';
import type { ImportReport } from './report.js';
import type { OutcomeInput, SourceLine } from './types.js';

export interface MarginRead {
  value: number;
  measure?: EffectMeasure;
  text: string;
  line: number;
}

export interface DesignKind {
  type?: { value: DesignType; line: number };
  hypothesis?: { value: Hypothesis; line: number };
  margin?: MarginRead;
  cluster?: { clusters?: number; unit?: string; icc?: number; designEffect?: number; text: string };
  crossover?: { washout?: string; periods?: number };
  factors?: { name: string; levels: string[] }[];
}

const FACTORS = /^\s*[-*•]?\s*factors?\s*:\s*(.+)$/i;
const LEVELS = /^(.+?)\s+(?:vs\.?|versus|or)\s+(.+?)\.?$/i;

/** "- Factors: streptokinase vs placebo infusion; aspirin vs placebo tablets". */
export function readFactors(text: string): { name: string; levels: string[] }[] | undefined {
  const m = FACTORS.exec(text);
  if (!m?.[1]) return undefined;
  const factors = m[1].split(';').flatMap((part) => {
    const l = LEVELS.exec(part.trim());
    if (!l?.[1] || !l[2]) return [];
    const name = l[1].trim();
    return [{ name: name.charAt(0).toUpperCase() + name.slice(1), levels: [name, l[2].trim()] }];
  });
  return factors.length > 0 ? factors : undefined;
}

const FACTORIAL = /\bfactorial\b|\b2\s*[×x]\s*2\b|\btwo-by-two\b|\b2-by-2\b/i;
const CLUSTER = /\bcluster[- ](?:randomi[sz]ed|randomi[sz]ation|trial|design|rct)\b|\brandomi[sz]ed by (?:cluster|site|hospital|practice|ward|village|school)\b|\b(?:clusters|hospitals|practices|wards|villages|schools|communities|ICUs|nursing homes|care homes)\s+(?:were|was)\s+randomi[sz]ed\b/i;
/** "Patients at 24 hospitals were randomised" randomises patients, not hospitals. */
const PATIENTS_AT = /\b(?:patients|participants|adults|children|women|men|subjects)\s+(?:in|at|from|across)\s+(?:\d[\d,]*\s+)?(?:\w+\s+){0,2}(?:hospitals|practices|wards|ICUs|sites|centres|centers)\s+(?:were|was)\s+randomi[sz]ed/i;
// "crossover" alone also means switching arms in a parallel trial ("crossover to open-label drug").
const CROSSOVER = /\bcross-?over (?:design|trial|study)\b|\brandomi[sz]ed,?(?:\s+[\w-]+,?){0,3}\s+cross-?over\b|\b(?:two|three|four|2|3|4)[- ]period\b|\b(?:AB\/BA|2\s*[×x]\s*2 cross-?over)\b/i;
const NON_INFERIORITY = /\bnon-?inferiority\b|\bnon-?inferior\b|\bnoninferiority\b/i;
const EQUIVALENCE = /\bequivalence (?:trial|design|study|margins?|hypothesis|limits?|bounds?)\b|\b(?:tested|test) for equivalence\b|\bequivalence was (?:shown|declared|tested|assessed)\b/i;

const NUMBER = String.raw`([−-]?\d+(?:[.·]\d+)?)`;
const UNITS = String.raw`\s*(%|percentage points?|points?)?`;
const MARGIN_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`(?:non-?inferiority|equivalence) margins?\s*(?:\([^)]*\)\s*)?(?:of|was|were|=|:|set at|at)?\s*(?:an?\s+)?(?:[A-Za-z ]{0,25}?\s)?(?:of\s+)?±?\s*${NUMBER}${UNITS}`, 'i'),
  new RegExp(String.raw`margins?\s+(?:for|of)\s+(?:non-?inferiority|equivalence)\s*(?:of|was|=|:)?\s*(?:[A-Za-z ]{0,25}?\s)?±?\s*${NUMBER}${UNITS}`, 'i'),
  new RegExp(String.raw`upper (?:bound|limit) of the (?:(?:one|two)-sided )?\d+(?:[.·]\d+)?% (?:CI|confidence interval)[^.;]*?(?:below|less than|under|<|not exceed(?:ing)?|did not exceed|does not exceed|excluded?)\s*(?:an? )?(?:[A-Za-z ]{0,25}?\s)?${NUMBER}${UNITS}`, 'i'),
  new RegExp(String.raw`lower (?:bound|limit) of the (?:(?:one|two)-sided )?\d+(?:[.·]\d+)?% (?:CI|confidence interval)[^.;]*?(?:above|greater than|over|>|exceed(?:ed|s|ing)?|excluded?)\s*(?:an? )?(?:[A-Za-z ]{0,25}?\s)?${NUMBER}${UNITS}`, 'i'),
];

/** The first margin in `text`, with the measure named next to it when there is one. */
export function readMargin(text: string, line: number): MarginRead | undefined {
  for (const re of MARGIN_PATTERNS) {
    const m = re.exec(text);
    if (!m?.[1]) continue;
    const value = toNumber(m[1]);
    if (!Number.isFinite(value)) continue;
    const measure = findMeasures(m[0])[0]?.measure;
    const unit = m[2] ? ('%' === m[2] || /percentage/i.test(m[2]) ? ' percentage points' : ` ${m[2]}`) : '';
    // A margin in percentage points is a risk difference unless the words say otherwise.
    const inferred = measure ?? (unit === ' percentage points' ? 'RD' : undefined);
    return { value, ...(inferred ? { measure: inferred } : {}), text: m[0].trim(), line };
  }
  return undefined;
}

const CLUSTER_COUNT = /\b(\d{1,3}(?:,\d{3})*|\d+)\s+((?:general |primary care |intensive care )?(?:clusters|hospitals|practices|wards|villages|schools|communities|sites|ICUs|units|clinics|nursing homes|care homes))\b(?:\s+\w+){0,3}\s+(?:were\s+)?randomi[sz]ed|\brandomi[sz]ed\s+(\d{1,3}(?:,\d{3})*|\d+)\s+((?:general )?(?:clusters|hospitals|practices|wards|villages|schools|communities|sites|ICUs|units|clinics))\b/i;
const ICC = /\b(?:ICC|intra-?cluster correlation(?: coefficient)?|intraclass correlation(?: coefficient)?)\s*(?:\(ICC\)\s*)?(?:of|=|:|was|assumed|assumed to be)?\s*(0?[.·]\d+)/i;
const DESIGN_EFFECT = /\bdesign effect\s*(?:of|=|:|was)?\s*(\d+(?:[.·]\d+)?)/i;
const WASHOUT = /\bwash-?out(?: period)?\s*(?:of|:|was|lasting|lasted)?\s*(?:at least\s+)?(\d+(?:\s*(?:–|-|to)\s*\d+)?\s*(?:hours?|h|days?|weeks?|months?))\b|\b(\d+(?:\s*(?:–|-|to)\s*\d+)?[- ](?:hours?|h|days?|weeks?|months?))\s+wash-?out\b/i;
const PERIODS = /\b(two|three|four|2|3|4)[- ]period\b/i;
const WORDS: Record<string, number> = { two: 2, three: 3, four: 4 };

/** Reads every line of the Design & Methods section (and the Statistics prose inside it). */
export function inferDesignKind(lines: readonly SourceLine[]): DesignKind {
  const out: DesignKind = {};
  for (const { text, line } of lines) {
    if (!out.type) {
      if (FACTORIAL.test(text)) out.type = { value: 'factorial', line };
      else if (CLUSTER.test(text) && !PATIENTS_AT.test(text)) out.type = { value: 'cluster', line };
      else if (CROSSOVER.test(text)) out.type = { value: 'crossover', line };
    }
    if (!out.hypothesis) {
      if (NON_INFERIORITY.test(text)) out.hypothesis = { value: 'non-inferiority', line };
      else if (EQUIVALENCE.test(text)) out.hypothesis = { value: 'equivalence', line };
    }
    out.margin ??= readMargin(text, line);
    out.factors ??= readFactors(text);
    const count = CLUSTER_COUNT.exec(text);
    const icc = ICC.exec(text);
    const de = DESIGN_EFFECT.exec(text);
    if (count || icc || de) {
      const c = (out.cluster ??= { text: '' });
      if (count && c.clusters === undefined) {
        c.clusters = toNumber((count[1] ?? count[3] ?? '').replace(/,/g, ''));
        c.unit = count[2] ?? count[4];
      }
      if (icc?.[1] && c.icc === undefined) c.icc = toNumber(icc[1]);
      if (de?.[1] && c.designEffect === undefined) c.designEffect = toNumber(de[1]);
      c.text = c.text ? `${c.text} ${text}` : text;
    }
    const wash = WASHOUT.exec(text);
    const periods = PERIODS.exec(text);
    if (wash || periods) {
      const x = (out.crossover ??= {});
      if (wash && x.washout === undefined) x.washout = wash[1] ?? wash[2] ?? '';
      if (periods?.[1] && x.periods === undefined) x.periods = WORDS[periods[1].toLowerCase()] ?? Number(periods[1]);
    }
  }
  // A margin implies the hypothesis even when the words "non-inferiority" are elsewhere.
  if (out.margin && !out.hypothesis) out.hypothesis = { value: /equivalence/i.test(out.margin.text) ? 'equivalence' : 'non-inferiority', line: out.margin.line };
  return out;
}

export interface DesignExtras {
  type?: DesignType;
  hypothesis?: Hypothesis;
  cluster?: { clusters?: number; unit?: string; icc?: number; designEffect?: number; text?: string };
  crossover?: { washout?: string; periods?: number };
  factorial?: { factors: { name: string; levels: string[] }[] };
}

/**
 * Turns what the text says into design fields; puts the margin on the
 * primary outcomes; warns (naming the line) about what a deck of this design
 * needs but the text does not give.
 */
export function applyDesignKind(kind: DesignKind, results: OutcomeInput[], statistics: StatisticsInput | undefined, report: ImportReport): DesignExtras {
  const out: DesignExtras = {};
  const type = kind.type?.value;
  if (type) out.type = type;
  if (type === 'cluster' && kind.cluster) {
    const c = kind.cluster;
    // Only what the text gave: no `unit: undefined` keys in the YAML.
    out.cluster = Object.fromEntries(Object.entries({ clusters: c.clusters, unit: c.unit, icc: c.icc, designEffect: c.designEffect }).filter(([, v]) => v !== undefined));
  }
  if (type === 'crossover' && kind.crossover) out.crossover = Object.fromEntries(Object.entries(kind.crossover).filter(([, v]) => v !== undefined));
  if (type === 'factorial' && kind.factors) out.factorial = { factors: kind.factors };
  else if (type === 'factorial') report.warn(IMPORT_WARNINGS.DESIGN_INCOMPLETE, MESSAGES.factorsUnknown(), { line: kind.type?.line, path: 'design.factorial' });
  const hypothesis = kind.hypothesis?.value;
  if (hypothesis && hypothesis !== 'superiority') {
    out.hypothesis = hypothesis;
    const margin = kind.margin;
    if (!margin) {
      report.warn(IMPORT_WARNINGS.DESIGN_INCOMPLETE, MESSAGES.marginUnknown(hypothesis), { line: kind.hypothesis?.line, path: 'results[0].margin' });
    } else {
      const m = { value: margin.value, ...(margin.measure ? { measure: margin.measure } : {}), text: margin.text };
      for (const o of results) if (o.role === 'primary') o.margin = m;
      // "margin of HR 1.46" is not the effect the trial was powered to detect.
      if (statistics?.targetEffect && statistics.targetEffect.value === margin.value) delete statistics.targetEffect;
    }
  }
  return out;
}
