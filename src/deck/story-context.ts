// What every slide builder reads: the trial, its evidence, and the choices made
// once for the whole deck (which outcome is primary, which arm is the control).
import type { Evidence } from '../evidence/types.js';
import type { Bullet, Outcome, Trial } from '../trial/schema.js';
import type { EvidenceView } from './evidence-view.js';
import type { OccasionView } from './occasion.js';

/** A chart as the deck embeds it (see src/charts). */
export interface DeckChart {
  id: string;
  title: string;
  alt: string;
  uri: string;
  /** The drawing for the ~55% column beside a table, when the chart has one (the forest plot). */
  besideUri?: string;
}

export interface StoryContext {
  trial: Trial;
  evidence: Evidence;
  ev: EvidenceView;
  charts: readonly DeckChart[];
  occasion: OccasionView;
  primary: Outcome | undefined;
}

export const text = (b: Bullet): string => b.text;

/** Validity items whose aspect or text matches, in order (e.g. baseline imbalances, blinding). */
export function validityItems(trial: Trial, aspect: RegExp): Trial['internalValidity']['items'] {
  return [...trial.internalValidity.items, ...trial.externalValidity.items].filter((i) => aspect.test(i.aspect));
}

/** " [2, 3]": the bibliography numbers a bullet cites, after its text. */
export const refs = (r: readonly number[] | undefined): string => (r && r.length > 0 ? ` [${r.join(', ')}]` : '');

/** "205 (Levosimendan 101, Placebo 104)", or undefined when no arm gives its size. */
export function randomisedText(trial: Trial): string | undefined {
  const arms = trial.arms.filter((a) => a.randomised !== undefined);
  if (arms.length === 0) return undefined;
  const total = arms.reduce((n, a) => n + (a.randomised ?? 0), 0);
  return `${total} (${arms.map((a) => `${a.label} ${a.randomised}`).join(', ')})`;
}
