// The primary outcome's definition, when the Design text states it: summaries
// put it in passing, e.g. (“successful weaning” required survival without
// ECMO … for 30 days after ECMO removal) inside Follow-Up. The design slide and
// the handout show it, so the room knows what was counted.
import type { OutcomeInput } from './types.js';

/** `“term” required|was defined as|meant …` up to the end of its clause. */
const QUOTED = /[“"]([^”"]{3,80})[”"]\s+(?:required|was defined as|is defined as|defined as|meant|was)\s+([^;)]+)/g;
/** `primary outcome|end point was defined as …`. */
const STATED = /primary (?:outcome|end ?point) (?:was )?defined as\s+([^;)]+)/i;

const words = (s: string): string[] => s.toLowerCase().match(/[a-z0-9]{3,}/g) ?? [];

export function primaryDefinition(texts: readonly (string | undefined)[], primary: OutcomeInput | undefined): string | undefined {
  if (!primary) return undefined;
  const name = new Set(words(primary.name));
  for (const t of texts) {
    if (!t) continue;
    const stated = STATED.exec(t);
    if (stated?.[1]) return stated[1].trim().replace(/[.,]$/, '');
    for (const m of t.matchAll(QUOTED)) {
      const term = words(m[1] ?? '');
      // The quoted term must name this outcome: every word of it is in the outcome's name.
      if (term.length > 0 && term.every((w) => name.has(w))) return `${m[0].trim().replace(/[.,]$/, '')}`;
    }
  }
  return undefined;
}
