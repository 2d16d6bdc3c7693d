// Design & Methods: "- Label: text" bullets in a flat list. "Intervention:"
// and "Comparison:" open groups whose following unlabelled bullets are the
// treatment details; Setting, inclusion, exclusions and consent may sit under
// "Population:" but are recognised by their own labels. The Statistics bullet
// is prose; the numbers a deck needs (sample size, target effect, power,
// alpha, analysis) are pulled out of it and the prose is kept as `text`.
import { classify, normaliseLabel, splitLabel, splitTopLevel, stripFullStop, textItems } from './bullets.js';
import type { Citations } from './citations.js';
import { IMPORT_WARNINGS, MESSAGES } from './messages.js';
import type { ImportReport } from './report.js';
import type { Section } from './sections.js';
import { findMeasures, readEstimate } from './measures.js';
import { toInt, toNumber } from './numbers.js';
import type { EffectMeasure } from '../trial/schema.js';
import type { BulletInput } from './types.js';

export interface DesignInput {
  question?: string;
  studyType?: string;
  setting?: string;
  population: { inclusion: BulletInput[]; exclusions: BulletInput[]; consent?: string };
  intervention: { name: string; details: BulletInput[] };
  comparator: { name: string; details: BulletInput[] };
  blinding?: string;
  randomisation?: string;
  statistics?: StatisticsInput;
  followUp?: string;
}

export interface StatisticsInput {
  text?: string;
  plannedSampleSize?: number;
  targetEffect?: { measure: EffectMeasure; value: number; text?: string };
  power?: number;
  alpha?: number;
  analysis?: string;
}

const COUNT = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const SAMPLE_SIZE: readonly RegExp[] = [
  new RegExp(String.raw`sample size\s*(?:of\s+|:\s*|=\s*|was\s+)?(?:approximately\s+|about\s+|~\s*|at least\s+)?${COUNT}`, 'i'),
  new RegExp(String.raw`(?:planned|target(?:ed)?)\s+(?:sample size|enrol?ment)\s+(?:of\s+)?${COUNT}`, 'i'),
  new RegExp(String.raw`${COUNT}\s+(?:patients|participants|subjects)\s+(?:were\s+)?(?:planned|required|needed)`, 'i'),
];
const POWER = /(\d{2}(?:[.·]\d+)?)\s*%\s*power|power\s*(?:of|=|:)?\s*(\d{2}(?:[.·]\d+)?)\s*%/i;
const ALPHA = /(?:α|alpha|significance level|two-sided p(?:\s*value)?)\s*(?:of|=|:|was|at|<)?\s*(0?[.·]\d+)/i;
const ANALYSIS = /\banalys|\bmodel|\bregression|\bintention[- ]to[- ]treat|\bITT\b|per[- ]protocol|\bCox\b|log-rank|\btest\b/i;
const DESIGN_NUMBERS = /\bsample size\b|\bpower\b|\bplanned\b|\bα|\balpha\b/i;

export function parseStatistics(text: string): StatisticsInput {
  const out: StatisticsInput = { text };
  for (const re of SAMPLE_SIZE) {
    const m = re.exec(text);
    if (m?.[1]) {
      out.plannedSampleSize = toInt(m[1]);
      break;
    }
  }
  for (const hit of findMeasures(text)) {
    const read = readEstimate(text.slice(hit.end));
    if (!read) continue;
    out.targetEffect = { measure: hit.measure, value: read.estimate, text: text.slice(hit.index, hit.end + read.length).trim() };
    break;
  }
  const power = POWER.exec(text);
  if (power) out.power = toNumber(power[1] ?? power[2] ?? '') / 100;
  const alpha = ALPHA.exec(text);
  if (alpha?.[1]) out.alpha = toNumber(alpha[1]);
  const analysis = splitTopLevel(text).filter((part) => ANALYSIS.test(part) && !DESIGN_NUMBERS.test(part));
  if (analysis.length > 0) out.analysis = analysis.join('; ');
  // Out-of-range values would fail validation: leave them in the prose only.
  if (out.power !== undefined && !(out.power > 0 && out.power < 1)) delete out.power;
  if (out.alpha !== undefined && !(out.alpha > 0 && out.alpha < 1)) delete out.alpha;
  return out;
}

type Field = 'question' | 'studyType' | 'population' | 'setting' | 'inclusion' | 'exclusions' | 'consent' | 'intervention' | 'comparator' | 'blinding' | 'randomisation' | 'statistics' | 'followUp';

const LABELS: readonly [RegExp, Field][] = [
  [/^(?:research )?question$|^pico$/, 'question'],
  [/^(?:study|trial) (?:type|design)$|^design$/, 'studyType'],
  [/^population$|^participants$/, 'population'],
  [/^setting$/, 'setting'],
  [/^(?:key )?inclusions?(?: criteria)?$|^eligibility$/, 'inclusion'],
  [/^(?:key )?exclusions?(?: criteria)?$/, 'exclusions'],
  [/^consent$/, 'consent'],
  [/^interventions?$|^experimental arm$/, 'intervention'],
  [/^comparison$|^comparators?$|^control(?: arm)?$/, 'comparator'],
  [/^blinding$|^masking$/, 'blinding'],
  [/^randomi[sz]ation$|^allocation$/, 'randomisation'],
  [/^statistics$|^statistical (?:analysis|methods)$|^sample size$/, 'statistics'],
  [/^follow up(?: period)?$|^duration of follow up$/, 'followUp'],
];

/** Labels read by design-kind.ts (design type, margin, clusters, washout), so they are not "unknown fields". */
const READ_BY_DESIGN_KIND = /^(?:(?:non ?inferiority |equivalence )?margins?|hypothesis|wash ?out(?: period)?|clusters?|cluster size|icc|intra ?cluster correlation|design effect|factors?|periods?|carry ?over)$/;

/** Fields that sit under "Population:" and so do not close an open group. */
const POPULATION_FIELDS: ReadonlySet<Field> = new Set<Field>(['setting', 'inclusion', 'exclusions', 'consent']);

function fieldFor(label: string): Field | undefined {
  const l = normaliseLabel(label);
  return LABELS.find(([re]) => re.test(l))?.[1];
}

/** `armLabels` name the treatments as the results table does. */
export function parseDesign(section: Section | undefined, armLabels: readonly string[], cite: Citations, report: ImportReport): DesignInput {
  const design: DesignInput = {
    population: { inclusion: [], exclusions: [] },
    intervention: { name: armLabels[0] ?? 'Intervention', details: [] },
    comparator: { name: armLabels[1] ?? 'Comparator', details: [] },
  };
  if (!section) return design;
  let group: 'population' | 'intervention' | 'comparator' | undefined;

  for (const { text, line } of textItems(classify(section.lines))) {
    const kv = splitLabel(text);
    const field = kv && fieldFor(kv.label);
    if (!kv || !field) {
      if (group === 'intervention' || group === 'comparator') {
        const details = design[group].details;
        details.push(cite.bullet(text, { line, path: `design.${group}.details[${details.length}]` }));
      } else if (group === 'population' && !kv) {
        const inc = design.population.inclusion;
        inc.push(cite.bullet(text, { line, path: `design.population.inclusion[${inc.length}]` }));
      } else if (!(kv && READ_BY_DESIGN_KIND.test(normaliseLabel(kv.label)))) {
        report.warn(IMPORT_WARNINGS.UNKNOWN_FIELD, MESSAGES.unknownField(kv?.label ?? text.slice(0, 40), 'Design & Methods'), { line });
      }
      continue;
    }
    const rest = kv.rest;
    const plain = (path: string): string => cite.plain(rest, { line, path });
    switch (field) {
      case 'intervention':
      case 'comparator': {
        const details = design[field].details;
        if (rest !== '') details.push(cite.bullet(rest, { line, path: `design.${field}.details[${details.length}]` }));
        break;
      }
      case 'population':
      case 'inclusion': {
        const inclusion = design.population.inclusion;
        if (rest !== '') inclusion.push(cite.bullet(rest, { line, path: `design.population.inclusion[${inclusion.length}]` }));
        break;
      }
      case 'exclusions': {
        // One long "a; b; c" sentence becomes one bullet per criterion.
        const parts = splitTopLevel(rest);
        for (const part of parts) {
          const ex = design.population.exclusions;
          const { text: clean, refs } = cite.extract(part, { line, path: `design.population.exclusions[${ex.length}]` });
          const item = parts.length > 1 ? stripFullStop(clean) : clean;
          ex.push(refs.length > 0 ? { text: item, refs } : item);
        }
        break;
      }
      case 'consent':
        if (rest !== '') design.population.consent = plain('design.population.consent');
        break;
      case 'statistics':
        if (rest !== '') design.statistics = parseStatistics(plain('design.statistics.text'));
        break;
      default: {
        // A field given twice is joined rather than overwritten.
        const prior = design[field];
        if (rest !== '') design[field] = prior === undefined ? plain(`design.${field}`) : `${prior} ${plain(`design.${field}`)}`;
      }
    }
    if (field === 'population' || field === 'intervention' || field === 'comparator') group = field;
    else if (!POPULATION_FIELDS.has(field)) group = undefined;
  }
  return design;
}
