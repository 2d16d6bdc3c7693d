// participantFlowModule → randomised counts per arm and a flow paragraph.
// Records can have several periods (double-blind, open-label extension) and
// extra groups for the extension; only groups matched to an arm are used.
import type { ArmRef } from './groups.js';
import { matchGroups } from './groups.js';
import type { Study } from './record.js';
import type { GroupTally } from './tally.js';
import { toCount, unescapeText } from './values.js';

export interface Flow {
  randomised: Map<string, number>;
  text?: string;
}

export function readFlow(study: Study, arms: readonly ArmRef[], tally: GroupTally): Flow {
  const flow = study.resultsSection?.participantFlowModule;
  const randomised = new Map<string, number>();
  if (!flow) return { randomised };
  const groups = matchGroups(flow.groups, arms);
  tally.add('participant flow', groups);
  const label = (id: string): string => arms.find((a) => a.id === id)?.label ?? id;
  const parts: string[] = [];
  (flow.periods ?? []).forEach((period, pi) => {
    const counts = new Map<string, { started?: number; completed?: number }>();
    for (const ms of period.milestones ?? []) {
      const type = (ms.type ?? '').toUpperCase();
      if (type !== 'STARTED' && type !== 'COMPLETED') continue;
      for (const a of ms.achievements ?? []) {
        const arm = a.groupId ? groups.byGroup.get(a.groupId) : undefined;
        const n = toCount(a.numSubjects);
        if (!arm || n === undefined) continue;
        const c = counts.get(arm) ?? {};
        if (type === 'STARTED') c.started = n;
        else c.completed = n;
        counts.set(arm, c);
        if (pi === 0 && type === 'STARTED') randomised.set(arm, n);
      }
    }
    const cells = [...counts]
      .filter(([, c]) => (c.started ?? 0) > 0)
      .map(([arm, c]) => `${label(arm)} ${c.started} started${c.completed !== undefined ? `, ${c.completed} completed` : ''}`);
    if (cells.length > 0) parts.push(`${unescapeText(period.title) || `Period ${pi + 1}`}: ${cells.join('; ')}.`);
  });
  const text = [unescapeText(flow.recruitmentDetails), parts.length ? `Participant flow. ${parts.join(' ')}` : ''].filter(Boolean).join(' ');
  return { randomised, ...(text ? { text } : {}) };
}
