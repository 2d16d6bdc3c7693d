// Words vs numbers (issue 12): find the claims the trial's own prose makes
// about effects (increased, reduced, identical, adequately powered…), match
// each to the outcome it names, and flag those the numbers do not carry.
// Categories after Boutron et al. (JAMA 2010), see claim-patterns.ts. A flag
// quotes the sentence verbatim with its field path: the source is never
// rewritten or cut, so the room reads exactly what the authors wrote.
import { isRatioMeasure, type Effect, type Outcome, type Trial } from '../trial/schema.js';
import {
  DIRECTION,
  EQUIVALENCE,
  HEDGE,
  MULTIPLICITY_CAVEAT,
  NEGATION,
  POWER_CLAIM,
  PRIMARY_MENTION,
  SPIN_CATEGORIES,
  type SpinCategory,
} from './claim-patterns.js';
import { ciLabel, formatRatio } from './format.js';
import { outcomeKeywords } from './outcome-words.js';
import { chooseQuantity } from './quantity.js';
import type { BinaryEvidence, ClaimFlag, PowerCheck } from './types.js';
import { proseFields, sentences, clauses, type ProseSentence } from './prose.js';

/** Outcome-name words shared by more outcomes than this do not identify one. */
const MAX_SHARED = 3;
/** A claim that names several outcomes equally well is too vague to set against one CI. */
const MAX_TIES = 1;
/**
 * Bounds for hostile input (a 512 KB file of "increased, higher; more."):
 * real prose gives a few dozen flags and sentences of a few clauses.
 */
export const MAX_FLAGS = 200;
const MAX_CLAUSES = 60;

export interface ClaimContext {
  binary: readonly (BinaryEvidence | null)[];
  power: PowerCheck | null;
  primaryIndex: number | null;
}

interface OutcomeNumbers {
  index: number;
  outcome: Outcome;
  /** The effect whose CI decides: reported main effect, else the chosen RD. */
  includesNull: boolean | null;
  ciText: string;
}

function effectText(e: Effect): string | null {
  if (!e.ci || e.estimate === undefined) return null;
  const ratio = isRatioMeasure(e.measure);
  const unit = !ratio && e.unit ? (e.unit === '%' ? ' points' : ` ${e.unit}`) : '';
  const f = (x: number): string => (ratio ? formatRatio(x) : String(x).replace('-', '\u2212'));
  const name = e.measure === 'other' ? (e.label ?? 'effect') : e.measure;
  return `${name} ${f(e.estimate)}${unit} (${ciLabel(e.ci.level)} ${f(e.ci.lower)} to ${f(e.ci.upper)})`;
}

function numbersFor(trial: Trial, ctx: ClaimContext): OutcomeNumbers[] {
  return trial.results.map((outcome, index) => {
    const e = outcome.effect;
    const binary = ctx.binary[index] ?? null;
    if (e?.reported && e.ci && e.estimate !== undefined) {
      const none = isRatioMeasure(e.measure) ? 1 : 0;
      const parts = [effectText(e)];
      if (e.measure !== 'RD') {
        const rd = chooseQuantity(outcome, index, binary, 'RD');
        if (rd) parts.push(rd.text);
      }
      return { index, outcome, includesNull: e.ci.lower <= none && none <= e.ci.upper, ciText: parts.filter(Boolean).join('; ') };
    }
    const rd = chooseQuantity(outcome, index, binary, 'RD');
    if (rd) return { index, outcome, includesNull: rd.lower <= 0 && 0 <= rd.upper, ciText: rd.text };
    return { index, outcome, includesNull: null, ciText: 'no CI reported' };
  });
}

/** Sentence words start with a keyword's stem ("arrhythmias" ← "arrhythmia"). */
function score(text: string, keywords: readonly string[]): number {
  const words = text.toLowerCase().split(/[^a-z0-9-]+/).filter(Boolean);
  let n = 0;
  for (const k of keywords) {
    const stem = k.length > 6 ? k.slice(0, k.length - 2) : k;
    if (words.some((w) => w.startsWith(stem))) n++;
  }
  return n;
}

/** The outcomes a piece of text names best (ties kept); the primary when it says "primary outcome". */
function namedOutcomes(text: string, outcomes: readonly OutcomeNumbers[], keywords: readonly string[][], primaryIndex: number | null): OutcomeNumbers[] {
  if (primaryIndex !== null && PRIMARY_MENTION.test(text)) return outcomes.filter((o) => o.index === primaryIndex);
  let best = 0;
  let hits: OutcomeNumbers[] = [];
  outcomes.forEach((o, i) => {
    const s = score(text, keywords[i] ?? []);
    if (s > best) [best, hits] = [s, [o]];
    else if (s === best && s > 0) hits.push(o);
  });
  return hits.length > MAX_TIES ? [] : hits;
}

function negated(clause: string, at: number): boolean {
  // Four words back, from a bounded window so long hostile clauses stay linear.
  const before = clause.slice(Math.max(0, at - 60), at).split(/\s+/).slice(-4).join(' ');
  return NEGATION.test(before);
}

function hasMargin(trial: Trial, outcome: Outcome): boolean {
  // `margin` and `hypothesis` arrive with the multi-arm schema (designs helper); read them loosely until then.
  const o = outcome as unknown as { margin?: unknown; hypothesis?: unknown };
  const d = trial.design as unknown as { hypothesis?: unknown };
  const h = o.hypothesis ?? d.hypothesis;
  return o.margin !== undefined || h === 'equivalence' || h === 'non-inferiority';
}

export function findClaims(trial: Trial, ctx: ClaimContext): ClaimFlag[] {
  const outcomes = numbersFor(trial, ctx);
  // A word in many outcome names ("VA-ECMO", "mortality") names none of them.
  const all = trial.results.map((o) => outcomeKeywords(o.name));
  const df = new Map<string, number>();
  for (const k of all.flat()) df.set(k, (df.get(k) ?? 0) + 1);
  const keywords = all.map((ks) => ks.filter((k) => (df.get(k) ?? 0) <= MAX_SHARED));
  const flags: ClaimFlag[] = [];
  const seen = new Set<string>();
  let sentenceNo = 0;
  const push = (s: ProseSentence, category: SpinCategory, claim: string, o: OutcomeNumbers | null, message: string): void => {
    // Keyed by sentence number, not text: a long sentence would make every key as long.
    const key = `${sentenceNo}|${category}|${o?.index ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    flags.push({
      category,
      categoryLabel: SPIN_CATEGORIES[category],
      sentence: s.sentence,
      claim,
      path: s.path,
      outcomeIndex: o?.index ?? null,
      outcome: o?.outcome.name ?? null,
      ciText: o?.ciText ?? '',
      message,
    });
  };

  for (const field of proseFields(trial)) {
    for (const s of sentences(field)) {
      sentenceNo++;
      if (flags.length >= MAX_FLAGS) return flags;
      for (const clause of clauses(s.sentence).slice(0, MAX_CLAUSES)) {
        // The outcome must be named in the claim's own clause: a name elsewhere in the
        // sentence ("…standard care for patients requiring oxygen") is often another one.
        // Computed once per clause, however many claim words it holds.
        let cached: OutcomeNumbers[] | undefined;
        const named = (): OutcomeNumbers[] => (cached ??= namedOutcomes(clause, outcomes, keywords, ctx.primaryIndex));
        for (const m of clause.matchAll(EQUIVALENCE)) {
          for (const o of named()) {
            if (hasMargin(trial, o.outcome)) continue;
            push(s, 'equivalence-without-margin', m[0], o, `"${m[0]}" claims sameness, but no equivalence margin was set; the CI, ${o.ciText}, is compatible with differences in either direction.`);
          }
        }
        for (const m of clause.matchAll(DIRECTION)) {
          if (negated(clause, m.index) || HEDGE.test(clause)) continue;
          // "no difference" / "did not differ" are sameness claims, handled above.
          if (/^differed$/i.test(m[0]) && /did\s+not\s+$/i.test(clause.slice(0, m.index))) continue;
          for (const o of named()) {
            if (o.includesNull === true) {
              push(s, 'direction-without-evidence', m[0], o, `"${m[0]}" claims a difference, but the CI includes no effect: ${o.ciText}.`);
            } else if (o.includesNull === false && o.outcome.role === 'secondary' && !MULTIPLICITY_CAVEAT.test(s.sentence)) {
              push(s, 'secondary-without-multiplicity', m[0], o, `A statistically significant secondary outcome (${o.ciText}) is presented without a caveat about multiple comparisons.`);
            }
          }
        }
      }
      for (const m of s.sentence.matchAll(POWER_CLAIM)) {
        const p = ctx.power;
        if (!p) continue;
        const large = p.method === 'schoenfeld' ? Math.abs(Math.log(p.detectable)) > Math.log(1.25) : Math.abs(p.detectableDifference ?? 1) > 0.1;
        if (!large) continue;
        const primary = ctx.primaryIndex === null ? null : (outcomes[ctx.primaryIndex] ?? null);
        push(s, 'power-overstated', m[0], primary, `"${m[0]}": ${p.assumedText} ${p.detectableText}`);
      }
    }
  }
  return flags;
}
