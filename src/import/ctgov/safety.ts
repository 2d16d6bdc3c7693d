// adverseEventsModule → safety rows: all-cause deaths and any serious adverse
// event per arm (from the event groups), then the most frequent serious terms.
import type { OutcomeInput, QuantityInput } from '../types.js';
import { matchGroups, type ArmRef } from './groups.js';
import { CTGOV_WARNINGS, type CtgovReport } from './messages.js';
import type { EventGroup, Scalar, Study } from './record.js';
import type { GroupTally } from './tally.js';
import { toCount } from './values.js';

/** Serious-event terms shown as their own rows; the rest are counted in a warning. */
export const MAX_SAE_TERMS = 8;

function events(affected: Scalar, atRisk: Scalar): QuantityInput | undefined {
  const e = toCount(affected);
  const n = toCount(atRisk);
  if (e === undefined || n === undefined || n === 0 || e > n) return undefined;
  return { kind: 'events', events: e, total: n, percent: Math.round((1000 * e) / n) / 10 };
}

export function readSafety(study: Study, arms: readonly ArmRef[], tally: GroupTally, report: CtgovReport): OutcomeInput[] {
  const mod = study.resultsSection?.adverseEventsModule;
  if (!mod?.eventGroups?.length) return [];
  const groups = matchGroups(mod.eventGroups, arms);
  tally.add('adverse events', groups);
  const rows: OutcomeInput[] = [];
  const row = (name: string, pick: (g: EventGroup) => QuantityInput | undefined, notes?: string): void => {
    const cells: OutcomeInput['arms'] = {};
    for (const g of mod.eventGroups ?? []) {
      const arm = g.id ? groups.byGroup.get(g.id) : undefined;
      const q = arm ? pick(g) : undefined;
      if (arm && q) cells[arm] = q;
    }
    if (Object.keys(cells).length > 0) rows.push({ name, role: 'safety', benefit: 'lower', arms: cells, ...(notes ? { notes } : {}) });
  };
  const frame = mod.timeFrame ? `Time frame: ${mod.timeFrame}` : undefined;
  row('Deaths (all causes)', (g) => events(g.deathsNumAffected, g.deathsNumAtRisk), frame);
  row('Serious adverse events (any)', (g) => events(g.seriousNumAffected, g.seriousNumAtRisk), frame);
  const terms = (mod.seriousEvents ?? [])
    .map((ev) => ({ ev, total: (ev.stats ?? []).reduce((s, st) => s + (toCount(st.numAffected) ?? 0), 0) }))
    .filter((t) => t.total > 0)
    .sort((a, b) => b.total - a.total);
  const byGroupStats = (ev: (typeof terms)[number]['ev'], groupId: string | undefined) => ev.stats?.find((s) => s.groupId === groupId);
  for (const { ev } of terms.slice(0, MAX_SAE_TERMS)) {
    row(`Serious: ${ev.term ?? 'unnamed event'}`, (g) => {
      const st = byGroupStats(ev, g.id);
      return st ? events(st.numAffected, st.numAtRisk) : undefined;
    }, ev.organSystem);
  }
  if (terms.length > MAX_SAE_TERMS) {
    report.warn(
      CTGOV_WARNINGS.ROWS_LEFT_OUT,
      `${terms.length - MAX_SAE_TERMS} less frequent serious adverse event terms are not imported as rows (the ${MAX_SAE_TERMS} most frequent are)`,
      'resultsSection.adverseEventsModule.seriousEvents',
    );
  }
  return rows;
}
