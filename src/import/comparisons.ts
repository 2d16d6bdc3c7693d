// Which arms each effect compares, read from the results table: the arm
// columns give the arms, the Effect header or cell ("ticagrelor 60 mg vs
// placebo") gives the pair, and the arm named placebo/control/usual care is
// the control. Analysis populations (ITT, per-protocol…) come from the same
// words. Two-arm trials need nothing written when the default (non-control
// vs control) is right, so existing YAML stays as it was; with three or more
// arms an effect whose pair cannot be read is a warning naming its line.
import { namedControl } from '../trial/comparisons.js';
import type { AnalysisPopulation, Comparison } from '../trial/schema.js';
import { IMPORT_WARNINGS, MESSAGES } from './messages.js';
import { normaliseCell } from './numbers.js';
import type { ImportReport } from './report.js';
import type { TableRow } from './results-table.js';
import type { EffectInput, OutcomeInput } from './types.js';

interface ArmLike {
  id: string;
  label: string;
}

interface Mention {
  id: string;
  index: number;
  end: number;
}

const STOP = new Set(['mg', 'g', 'µg', 'mcg', 'daily', 'twice', 'once', 'the', 'and', 'plus', 'of', 'with', 'dose', 'group', 'arm', 'a', 'per', 'day', 'weekly', 'bid', 'od', 'tid']);
const VS = /\s(?:vs\.?|versus|v\.|compared (?:with|to))\s/gi;

const tokens = (s: string): string[] => s.toLowerCase().replace(/[^\p{L}\p{N}.]+/gu, ' ').trim().split(' ').filter(Boolean);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Phrases that name one arm and no other: the label's word runs that do not
 * occur in another label, and are more than a bare number or a unit ("60 mg"
 * names an arm, "mg" and "ticagrelor" shared by two doses do not).
 */
function armPhrases(arms: readonly ArmLike[]): { id: string; re: RegExp; length: number }[] {
  const out: { id: string; re: RegExp; length: number }[] = [];
  const labels = arms.map((a) => ` ${tokens(a.label).join(' ')} `);
  arms.forEach((arm, i) => {
    const t = tokens(arm.label);
    for (let n = t.length; n >= 1; n--) {
      for (let s = 0; s + n <= t.length; s++) {
        const gram = t.slice(s, s + n);
        const words = gram.filter((w) => !STOP.has(w));
        const meaningful = words.some((w) => /\p{L}{3,}/u.test(w)) || (words.some((w) => /\d/.test(w)) && gram.length >= 2);
        if (!meaningful) continue;
        const phrase = gram.join(' ');
        if (labels.some((l, j) => j !== i && l.includes(` ${phrase} `))) continue;
        out.push({ id: arm.id, re: new RegExp(`(?<![\\p{L}\\p{N}])${gram.map(escape).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'giu'), length: phrase.length });
      }
    }
  });
  return out;
}

/** Arm mentions in `text`, left to right; overlapping mentions keep the longest. */
export function armMentions(text: string, arms: readonly ArmLike[]): Mention[] {
  const hits: (Mention & { length: number })[] = [];
  for (const p of armPhrases(arms)) for (const m of text.matchAll(p.re)) hits.push({ id: p.id, index: m.index, end: m.index + m[0].length, length: p.length });
  hits.sort((a, b) => b.length - a.length || a.index - b.index);
  const kept: Mention[] = [];
  for (const h of hits) if (!kept.some((k) => h.index < k.end && h.end > k.index)) kept.push({ id: h.id, index: h.index, end: h.end });
  return kept.sort((a, b) => a.index - b.index);
}

/** "ticagrelor 60 mg vs placebo" → { arm, vs }; one arm named with a known control → that arm vs the control. */
export function readComparison(text: string, arms: readonly ArmLike[], control: string | null): Comparison | undefined {
  const mentions = armMentions(text, arms);
  for (const m of text.matchAll(VS)) {
    const left = mentions.filter((x) => x.end <= m.index).at(-1);
    const right = mentions.find((x) => x.index >= m.index + m[0].length);
    if (left && right && left.id !== right.id) return { arm: left.id, vs: right.id };
  }
  const named = [...new Set(mentions.map((x) => x.id))].filter((id) => id !== control);
  if (control !== null && named.length === 1 && named[0]) return { arm: named[0], vs: control };
  return undefined;
}

const POPULATIONS: readonly [RegExp, AnalysisPopulation][] = [
  [/\bmITT\b|\bmodified intention[- ]to[- ]treat\b/i, 'mITT'],
  [/\bper[- ]protocol\b|\bPP (?:population|analysis|set)\b/i, 'per-protocol'],
  [/\bon[- ]treatment\b/i, 'on-treatment'],
  [/\bas[- ]treated\b/i, 'as-treated'],
  [/\bITT\b|\bintention[- ]to[- ]treat\b|\bintent[- ]to[- ]treat\b/i, 'ITT'],
];

/** The one analysis population the text names, or undefined when it names none or several. */
export function readPopulation(text: string): AnalysisPopulation | undefined {
  const found = new Set<AnalysisPopulation>();
  let rest = text;
  for (const [re, pop] of POPULATIONS) {
    if (re.test(rest)) found.add(pop);
    rest = rest.replace(new RegExp(re.source, 'gi'), ' ');
  }
  // "per-protocol, as-treated population" / "per-protocol (on treatment)" describe one per-protocol population.
  if (found.has('per-protocol') && [...found].every((p) => p === 'per-protocol' || p === 'on-treatment' || p === 'as-treated')) return 'per-protocol';
  return found.size === 1 ? [...found][0] : undefined;
}

export interface ComparisonReading {
  /** Set when the data should name the control (three or more arms, or the control in the first column). */
  controlArm?: string;
}

/** Fills `comparison` and `population` of each outcome's effects in place. */
export function inferComparisons(arms: readonly ArmLike[], results: OutcomeInput[], rows: readonly TableRow[], effectHeader: string, report: ImportReport, headerLine?: number): ComparisonReading {
  const named = namedControl(arms);
  const reading: ComparisonReading = {};
  // Two arms: the second is the control by default, so only a control in the first column is written.
  if (named !== null && (arms.length > 2 || named === arms[0]?.id)) reading.controlArm = named;
  const resolvedControl = arms.length === 2 ? (named ?? arms[1]?.id ?? null) : named;
  if (arms.length > 2 && resolvedControl === null) {
    report.warn(IMPORT_WARNINGS.CONTROL_UNKNOWN, MESSAGES.controlUnknown(arms.map((a) => a.label)), { line: headerLine, path: 'design.controlArm' });
  }
  const defaultPair = (): Comparison | undefined => {
    if (arms.length !== 2 || resolvedControl === null) return undefined;
    const other = arms.find((a) => a.id !== resolvedControl);
    return other ? { arm: other.id, vs: resolvedControl } : undefined;
  };
  const fromHeader = readComparison(effectHeader, arms, resolvedControl);

  results.forEach((outcome, i) => {
    const row = rows[i];
    const where = (path: string): { line?: number; path: string } => ({ line: row?.line, path });
    const main = outcome.effect;
    if (main) {
      const cellText = `${main.text ?? ''} ${main.ciText ?? ''}`;
      // The notes up to the first effect written in them describe the main effect ("Per-protocol population").
      const firstNote = outcome.otherEffects?.[0]?.text;
      const allNotes = normaliseCell(outcome.notes ?? '');
      // …minus the clause that leads into that effect ("In the ITT population: HR 0.88"), which is its own.
      const notesHead = firstNote ? allNotes.slice(0, Math.max(0, allNotes.indexOf(firstNote.slice(0, 12)))).split(/(?<=[.;])\s+/).slice(0, -1).join(' ') : allNotes;
      const pair = readComparison(cellText, arms, resolvedControl) ?? readComparison(notesHead, arms, resolvedControl) ?? fromHeader;
      settle(main, pair, readPopulation(`${cellText} ${outcome.name}`) ?? readPopulation(notesHead), `results[${i}].effect`);
    }
    // Note effects keep their text as read from the normalised cell.
    const notes = normaliseCell(outcome.notes ?? '');
    let from = 0;
    outcome.otherEffects?.forEach((e, j) => {
      // The words between the previous note effect and this one: "Per-protocol: HR 0.79 …; ITT: HR 0.88 …".
      const at = e.text ? notes.indexOf(e.text.slice(0, 12), from) : -1;
      // Only the clause that leads into it: "…population. In the ITT population: HR 0.88" → "In the ITT population:".
      const lead = at >= 0 ? (notes.slice(from, at).split(/(?<=[.;])\s+/).at(-1) ?? '') : '';
      const context = `${lead} ${e.text ?? ''}`;
      if (at >= 0) from = at + (e.text?.length ?? 0);
      settle(e, readComparison(context, arms, resolvedControl), readPopulation(context), `results[${i}].otherEffects[${j}]`);
    });

    function settle(e: EffectInput, pair: Comparison | undefined, population: AnalysisPopulation | undefined, path: string): void {
      if (population) e.population = population;
      const dflt = defaultPair();
      if (pair && !(dflt && dflt.arm === pair.arm && dflt.vs === pair.vs)) e.comparison = pair;
      else if (!pair && arms.length > 2 && e.reported !== false && e.estimate !== undefined) {
        report.warn(IMPORT_WARNINGS.COMPARISON_UNKNOWN, MESSAGES.comparisonUnknown(e.text ?? e.ciText ?? '', path), where(`${path}.comparison`));
      }
    }
  });
  return reading;
}

/**
 * Default names of the design's intervention and comparator: every
 * non-control arm ("Ticagrelor 90 mg or Ticagrelor 60 mg") and the control,
 * rather than the first two columns.
 */
export function treatmentNames(arms: readonly ArmLike[], controlArmId: string | undefined): string[] {
  const control = controlArmId ?? (arms.length === 2 ? arms[1]?.id : undefined);
  const vs = arms.find((a) => a.id === control);
  if (!vs) return arms.map((a) => a.label);
  return [arms.filter((a) => a !== vs).map((a) => a.label).join(' or '), vs.label];
}
