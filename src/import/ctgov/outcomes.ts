// outcomeMeasures → result rows. A measure with several classes (subgroups,
// visit days) or categories (levels of a scale) becomes one row per class ×
// category, each with its own per-arm cells; analyses go to the row whose
// class their description names, else to the measure's first row.
import { isRatioMeasure } from '../../trial/schema.js';
import type { EffectInput, OutcomeInput } from '../types.js';
import { readAnalysis, type ArmNames } from './analysis.js';
import { matchGroups, type ArmRef } from './groups.js';
import { toQuantity } from './measurement.js';
import { CTGOV_WARNINGS, type CtgovReport } from './messages.js';
import type { Denom, OutcomeMeasure } from './record.js';
import { toCount, unescapeText } from './values.js';
import { GroupTally } from './tally.js';

/**
 * Rows kept from outcome measures. ACTT-1 posts 43 measures in 219 rows; a
 * journal-club deck needs the primary and analysed ones, and each dropped
 * measure is named in a warning so nobody loses it silently.
 */
export const MAX_OUTCOME_ROWS = 120;

export interface OutcomeRow {
  outcome: OutcomeInput;
  measure: number;
  analysed: boolean;
  /** Arm ids of the analysis' comparison when the record states it. */
  comparison?: { arm: string; vs: string };
}

function denomMap(denoms: readonly Denom[] | undefined, byGroup: Map<string, string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of denoms?.[0]?.counts ?? []) {
    const arm = c.groupId ? byGroup.get(c.groupId) : undefined;
    const n = toCount(c.value);
    if (arm && n !== undefined) out.set(arm, n);
  }
  return out;
}

const ROLE: Record<string, OutcomeInput['role']> = { PRIMARY: 'primary', SECONDARY: 'secondary' };

/** The analysis population a measure's population description names, when it is clear. */
export function populationOf(text: string | undefined): EffectInput['population'] {
  const t = text ?? '';
  if (/modified intent|\bmITT\b/i.test(t)) return 'mITT';
  if (/per[- ]protocol|\bPPS\b/i.test(t)) return 'per-protocol';
  if (/intent(ion)?[- ]to[- ]treat|\bITT\b|full analysis set|\bFAS\b/i.test(t)) return 'ITT';
  if (/as[- ]treated/i.test(t)) return 'as-treated';
  return undefined;
}

export function readMeasure(m: OutcomeMeasure, index: number, arms: readonly ArmRef[], controlId: string | undefined, tally: GroupTally, unstated: UnstatedDirections, report: CtgovReport): OutcomeRow[] {
  const path = `resultsSection.outcomeMeasuresModule.outcomeMeasures[${index}]`;
  const title = unescapeText(m.title) || `Outcome ${index + 1}`;
  const groups = matchGroups(m.groups, arms);
  tally.add('outcome measures', groups);
  const measureDenoms = denomMap(m.denoms, groups.byGroup);
  const classes = m.classes ?? [];
  const single = classes.length <= 1 && (classes[0]?.categories?.length ?? 0) <= 1;
  const rows: { outcome: OutcomeInput; labels: string[]; analysed: boolean; comparison?: OutcomeRow['comparison'] }[] = [];
  for (const cls of classes) {
    const denoms = cls.denoms?.length ? denomMap(cls.denoms, groups.byGroup) : measureDenoms;
    for (const cat of cls.categories ?? []) {
      const labels = [unescapeText(cls.title), unescapeText(cat.title)].filter(Boolean);
      const name = single || labels.length === 0 ? title : `${title}: ${labels.join(', ')}`;
      const cells: OutcomeInput['arms'] = {};
      const na: string[] = [];
      for (const meas of cat.measurements ?? []) {
        const arm = meas.groupId ? groups.byGroup.get(meas.groupId) : undefined;
        if (!arm) continue;
        const { quantity, naComment } = toQuantity(meas, m, denoms.get(arm));
        cells[arm] = quantity;
        if (naComment) na.push(`${arms.find((a) => a.id === arm)?.label ?? arm}: NA, ${naComment}`);
      }
      const notes = [m.timeFrame && `Time frame: ${unescapeText(m.timeFrame)}`, ...na].filter(Boolean).join(' · ');
      const outcome: OutcomeInput = { name, role: ROLE[m.type ?? ''] ?? 'other', arms: cells, ...(notes ? { notes } : {}) };
      rows.push({ outcome, labels, analysed: false });
    }
  }
  if (rows.length === 0) return [];
  const names: ArmNames[] = arms.map((a) => ({
    id: a.id,
    names: [a.label, ...(m.groups ?? []).filter((g) => g.id && groups.byGroup.get(g.id) === a.id).map((g) => g.title ?? '')],
  }));
  (m.analyses ?? []).forEach((a, ai) => {
    const read = readAnalysis(a, names);
    // Which pair the analysis compares: as the record states it, else its two groups with the control as `vs`.
    const pair = [...new Set((a.groupIds ?? []).map((g) => groups.byGroup.get(g)).filter((x): x is string => x !== undefined))];
    const byGroups = pair.length === 2 ? (pair[0] === controlId ? { arm: pair[1]!, vs: pair[0]! } : { arm: pair[0]!, vs: pair[1]! }) : undefined;
    const comparison = read.stated ?? byGroups;
    if (comparison) read.effect.comparison = comparison;
    const population = populationOf(m.populationDescription);
    if (population) read.effect.population = population;
    const desc = `${a.groupDescription ?? ''} ${a.estimateComment ?? ''}`.toLowerCase();
    const target = rows.find((r) => r.labels.length > 0 && r.labels.every((l) => new RegExp(`\\b${escapeRe(l.toLowerCase())}\\b`).test(desc))) ?? rows[0]!;
    const o = target.outcome;
    if (o.effect === undefined) o.effect = read.effect;
    else o.otherEffects = [...(o.otherEffects ?? []), read.effect];
    target.analysed = true;
    if (read.hypothesis && read.hypothesis !== 'superiority') o.hypothesis = read.hypothesis;
    if (read.margin && !o.margin) o.margin = read.margin;
    if (read.stated && !target.comparison) target.comparison = read.stated;
    const extra = [read.note, ...read.problems].filter(Boolean).join('; ');
    if (extra) o.notes = [o.notes, `Analysis ${ai + 1}: ${extra}`].filter(Boolean).join(' · ');
    for (const p of read.problems) report.warn(CTGOV_WARNINGS.ANALYSIS_UNREADABLE, `"${o.name}": ${p}`, `${path}.analyses[${ai}]`);
    if (!read.stated && read.effect.estimate !== undefined) unstated.add(isRatioMeasure(read.effect.measure ?? 'other') ? 'ratio' : 'difference', title);
  });
  return rows.map((r) => ({ outcome: r.outcome, measure: index, analysed: r.analysed, ...(r.comparison ? { comparison: r.comparison } : {}) }));
}

/** Analyses whose record does not say which arm is compared with which, warned about once per kind. */
export class UnstatedDirections {
  private readonly names = { ratio: new Set<string>(), difference: new Set<string>() };

  add(kind: 'ratio' | 'difference', measure: string): void {
    this.names[kind].add(measure);
  }

  report(arms: readonly ArmRef[], report: CtgovReport): void {
    const [a, b] = arms;
    if (!a || !b) return;
    for (const kind of ['ratio', 'difference'] as const) {
      const names = [...this.names[kind]];
      if (names.length === 0) continue;
      const what = kind === 'ratio' ? 'which way the ratio points' : 'which arm the difference subtracts from which';
      report.warn(
        CTGOV_WARNINGS.DECIDE_DIRECTION,
        `the record does not say ${what} for ${names.length} measure${names.length === 1 ? '' : 's'} (${names.map((n) => `"${n}"`).join(', ')}); imported as ${a.label} vs ${b.label}. Check the paper and reverse any that point the other way`,
        'resultsSection.outcomeMeasuresModule',
      );
    }
  }
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
