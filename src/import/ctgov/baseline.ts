// baselineCharacteristicsModule → the baseline table: one row per measure,
// or per class/category ("Sex: Female"), cells formatted as the record
// gives them, keyed by arm id, plus the "Total" column when posted.
import type { Baseline } from '../../trial/schema.js';
import { matchGroups, totalGroupId, type ArmRef } from './groups.js';
import { toQuantity } from './measurement.js';
import type { Denom, Study } from './record.js';
import type { GroupTally } from './tally.js';
import { toCount, unescapeText } from './values.js';
import { formatQuantity } from '../../deck/format.js';

function denoms(d: readonly Denom[] | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of d?.[0]?.counts ?? []) {
    const n = toCount(c.value);
    if (c.groupId && n !== undefined) out.set(c.groupId, n);
  }
  return out;
}

export function readBaseline(study: Study, arms: readonly ArmRef[], tally: GroupTally): Baseline | undefined {
  const mod = study.resultsSection?.baselineCharacteristicsModule;
  if (!mod?.measures?.length) return undefined;
  const groups = matchGroups(mod.groups, arms);
  tally.add('baseline characteristics', groups);
  const total = totalGroupId(mod.groups);
  const overall = denoms(mod.denoms);
  const rows: Baseline['rows'] = [];
  const cell = (q: ReturnType<typeof toQuantity>['quantity']): string =>
    // formatQuantity reads the output type; our input quantities carry every field it reads.
    formatQuantity(q as Parameters<typeof formatQuantity>[0]);
  rows.push({
    name: 'Participants (n)',
    arms: Object.fromEntries([...groups.byGroup].flatMap(([g, arm]) => (overall.has(g) ? [[arm, String(overall.get(g))]] : []))),
    ...(total && overall.has(total) ? { total: String(overall.get(total)) } : {}),
  });
  for (const m of mod.measures) {
    const title = unescapeText(m.title) || 'Characteristic';
    const unit = m.unitOfMeasure && !/^participants$/i.test(m.unitOfMeasure) ? m.unitOfMeasure : '';
    const classes = m.classes ?? [];
    // "Sex: Female, Male" names its categories after the colon; the group is "Sex".
    const listed = /^(.+?):\s*(.+)$/.exec(title);
    const cats = classes.flatMap((c) => (c.categories ?? []).map((k) => unescapeText(k.title))).filter(Boolean);
    const group = listed && cats.length > 0 && cats.every((c) => listed[2]!.includes(c)) ? listed[1]! : title;
    const single = classes.length <= 1 && (classes[0]?.categories?.length ?? 0) <= 1;
    for (const cls of classes) {
      const d = cls.denoms?.length ? denoms(cls.denoms) : m.denoms?.length ? denoms(m.denoms) : overall;
      for (const cat of cls.categories ?? []) {
        const labels = [unescapeText(cls.title), unescapeText(cat.title)].filter(Boolean);
        const name = single || labels.length === 0 ? `${title}${unit && !/COUNT/.test(m.paramType ?? '') ? `, ${unit}` : ''}` : labels.join(', ');
        const armsCells: Record<string, string> = {};
        let totalCell: string | undefined;
        for (const meas of cat.measurements ?? []) {
          if (!meas.groupId) continue;
          const { quantity } = toQuantity(meas, { ...m, unitOfMeasure: undefined }, d.get(meas.groupId));
          const text = cell(quantity);
          const arm = groups.byGroup.get(meas.groupId);
          if (arm) armsCells[arm] = text;
          else if (meas.groupId === total) totalCell = text;
        }
        rows.push({ name, ...(single ? {} : { group }), arms: armsCells, ...(totalCell !== undefined ? { total: totalCell } : {}) });
      }
    }
  }
  const note = unescapeText(mod.populationDescription);
  return { rows: rows.slice(0, 500), ...(note ? { note } : {}) };
}
