// Each results module numbers its own groups (FG000 in the flow, BG000 in the
// baseline, OG000 per outcome, EG000 in adverse events), so a group is tied
// to an arm by its title and description, never by its number. Titles drift
// between modules ("2. Repaglinide", "Patients Who Received Repaglinide",
// "Placebo (FAS)"): exact matches are trusted, looser ones are warned about.
import type { Group } from './record.js';
import { unescapeText } from './values.js';

export interface ArmRef {
  id: string;
  label: string;
  description: string;
}

export type Confidence = 'exact' | 'likely';
export interface GroupMatch {
  arm: ArmRef;
  confidence: Confidence;
}

/** "1 Placebo" → "Placebo", "2. repaglinide" → "repaglinide", "Placebo (FAS)" → "Placebo". */
export function cleanTitle(title: string): string {
  return title
    .replace(/^\s*(?:\d+|[A-Z])[.):]?\s+(?=\S)/, '')
    .replace(/\s*\((?:FAS|SS|SAF|ITT|mITT|PPS|PP|RS|IRS|safety set|full analysis set)\)\s*$/i, '')
    .trim();
}

const STOP = new Set(['the', 'of', 'and', 'who', 'with', 'in', 'a', 'an', 'patients', 'participants', 'subjects', 'received', 'receiving', 'group', 'arm', 'mg']);
function tokens(s: string): Set<string> {
  return new Set(
    s
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((t) => t.length > 0 && !STOP.has(t)),
  );
}
const norm = (s: string): string => cleanTitle(s).toLowerCase().replace(/\s+/g, ' ');

/**
 * Other names of an arm: "Certolizumab Pegol 200 mg Q2W" whose description says
 * "certolizumab pegol (CZP)" is also "CZP 200 mg Q2W", the title later modules use.
 */
export function armNames(arm: ArmRef): string[] {
  const names = [arm.label];
  for (const m of arm.description.matchAll(/([A-Za-z][A-Za-z0-9 -]{1,60}?)\s*\(([A-Z][A-Za-z0-9-]{1,9})\)/g)) {
    const words = m[1]!.trim().split(/\s+/);
    for (let i = 0; i < words.length; i += 1) {
      const long = words.slice(i).join(' ');
      const at = arm.label.toLowerCase().indexOf(long.toLowerCase());
      if (long.length > 3 && at >= 0) {
        names.push(`${arm.label.slice(0, at)}${m[2]}${arm.label.slice(at + long.length)}`);
        break;
      }
    }
  }
  return names;
}

/** Words that mark a different group built from an arm: a switch, an open-label or extension phase. */
const DERIVED_GROUP = /->|→|\bswitch|\bOL\b|open[- ]label|extension|\bthen\b/i;

/**
 * The arm a results group describes, or undefined when no arm fits or two do.
 * Order: same cleaned title (or an alias from the arm's abbreviations); same
 * description; every word of one arm's label in the title and no word of
 * another arm's. Groups such as "Placebo->OL CZP" match no arm.
 */
export function matchGroup(group: Group, arms: readonly ArmRef[]): GroupMatch | undefined {
  const title = group.title ?? '';
  const exact = arms.filter((a) => armNames(a).some((n) => norm(n) === norm(title)));
  if (exact.length === 1) return { arm: exact[0]!, confidence: 'exact' };
  const desc = unescapeText(group.description).toLowerCase();
  if (desc) {
    const same = arms.filter((a) => a.description && a.description.toLowerCase() === desc);
    if (same.length === 1) return { arm: same[0]!, confidence: 'exact' };
  }
  const words = tokens(cleanTitle(title));
  const overlap = arms.map((a) => {
    const armWords = tokens(a.label);
    let shared = 0;
    for (const w of armWords) if (words.has(w)) shared += 1;
    return { arm: a, shared, all: armWords.size > 0 && shared === armWords.size };
  });
  const full = overlap.filter((o) => o.all && !(DERIVED_GROUP.test(title) && !DERIVED_GROUP.test(o.arm.label)));
  const touched = overlap.filter((o) => o.shared > 0);
  if (full.length === 1 && touched.length === 1) return { arm: full[0]!.arm, confidence: 'likely' };
  return undefined;
}

export interface GroupMap {
  /** group id → arm id */
  byGroup: Map<string, string>;
  unmatched: Group[];
  likely: { group: Group; arm: ArmRef }[];
}

export function matchGroups(groups: readonly Group[] | undefined, arms: readonly ArmRef[]): GroupMap {
  const byGroup = new Map<string, string>();
  const unmatched: Group[] = [];
  const likely: GroupMap['likely'] = [];
  const taken = new Set<string>();
  for (const g of groups ?? []) {
    if (!g.id) continue;
    const m = matchGroup(g, arms);
    // Two groups for one arm (e.g. a total and a subset): keep the first, report the other.
    if (!m || taken.has(m.arm.id)) {
      if (!/^total( title)?$/i.test((g.title ?? '').trim())) unmatched.push(g);
      continue;
    }
    taken.add(m.arm.id);
    byGroup.set(g.id, m.arm.id);
    if (m.confidence === 'likely') likely.push({ group: g, arm: m.arm });
  }
  return { byGroup, unmatched, likely };
}

/** The baseline's "Total" column (titled "Total" or, in some records, "Total Title"). */
export function totalGroupId(groups: readonly Group[] | undefined): string | undefined {
  return groups?.find((g) => /^total( title)?$/i.test((g.title ?? '').trim()))?.id;
}
