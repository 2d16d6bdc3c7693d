// Outcome names turned into words a slide can use: "Successful VA-ECMO
// weaning within 30 days (primary; competing risk)" → "successful VA-ECMO
// weaning", and its opposite direction → "fewer successful VA-ECMO weanings".
// A Bayesian "P(harm)" on a good outcome means fewer of them, not a safety
// harm, so the slide must say which.
import type { BenefitDirection } from '../trial/schema.js';

/** Where the outcome's noun phrase ends: a time window, a qualifier clause. */
const CUT = /\s+(?:within|by|at|before|after|during|up to|until|over|from|in|on|to|leading|requiring|resulting|due|including|defined)\b.*$/i;
/** Head nouns that count (fewer/more … s); the rest are rates or scores (lower/higher). */
const COUNTABLE = /(?:ing|event|arrhythmia|infarction|stroke|failure|admission|hospitali[sz]ation|transplant|death|episode|complication|fracture|infection|exacerbation|relapse|bleed)$/i;

/** The outcome's noun phrase in running text, lower-case unless it starts with an acronym. */
export function outcomeNoun(name: string): string {
  let core = name.replace(/\s*\([^)]*\)/g, '').replace(CUT, '').trim();
  if (!core) core = name.trim();
  const first = core.split(/\s+/)[0] ?? '';
  return /^[A-Z0-9-]{2,}$/.test(first) ? core : core.charAt(0).toLowerCase() + core.slice(1);
}

/** "fewer successful VA-ECMO weanings" (benefit higher) or "higher all-cause mortality" (benefit lower). */
export function oppositeWording(name: string, benefit: BenefitDirection): string {
  const noun = outcomeNoun(name);
  if (COUNTABLE.test(noun)) return `${benefit === 'higher' ? 'fewer' : 'more'} ${noun}s`;
  return `${benefit === 'higher' ? 'lower' : 'higher'} ${noun}`;
}

/** Distinctive words of an outcome name, for matching prose to outcomes. */
export function outcomeKeywords(name: string): string[] {
  const STOP = new Set(['the', 'and', 'of', 'with', 'for', 'within', 'by', 'at', 'day', 'days', 'during', 'due', 'to', 'or', 'in', 'up', 'from', 'primary', 'secondary', 'competing', 'risk', 'event', 'events', 'study', 'drug', 'exposure', 'all', 'cause', 'all-cause', 'without', 'before', 'after', 'leading', 'until', 'than', 'into', 'per', 'any']);
  const words = name
    .toLowerCase()
    .replace(/[()/;,.:]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length >= 3 && !STOP.has(w) && !/^\d+$/.test(w));
  return [...new Set(words)];
}
