// What each slide says, for every renderer. The view model is a list of these:
// the story first, then the backup section, already paginated. Marp templates,
// the native PPTX writer, the handout and the studio only lay them out; none of
// them chooses content. Strings are raw data (renderers escape them) and are
// never shortened: text that does not fit continues on a "(cont.)" slide.
import { memberOf } from '../member-of.js';

export const SECTIONS = ['story', 'backup'] as const;
export type Section = (typeof SECTIONS)[number];

/** `split`: a table on the left, a chart's `beside` drawing on the right (the key-results slide). */
export const LAYOUTS = ['title', 'divider', 'content', 'primary', 'chart', 'table', 'columns', 'split'] as const;
export type Layout = (typeof LAYOUTS)[number];
export const isLayout: (v: unknown) => v is Layout = memberOf(LAYOUTS);

/** A bullet: `**lead** · text`, with optional sub-bullets. */
export interface Item {
  lead?: string;
  text: string;
  sub?: string[];
}

export interface TableRow {
  cells: string[];
  /** The primary outcome's row, set in bold. */
  strong?: boolean;
}

export type Block =
  | { type: 'bullets'; items: Item[] }
  | { type: 'paragraph'; text: string; lead?: string; tone?: 'strong' | 'muted' | 'callout' }
  | { type: 'table'; columns: string[]; rows: TableRow[]; widths?: number[] }
  | { type: 'stats'; items: { label: string; big: string; small?: string }[] }
  /** `beside`: the chart's drawing for the column beside a table (layout `split`). */
  | { type: 'chart'; chart: string; beside?: boolean }
  | { type: 'columns'; columns: { heading: string; items: Item[] }[] }
  | { type: 'title'; acronym: string; title: string; journal: string; citation: string; byline?: string; subline?: string };

export type BlockType = Block['type'];

/** Body text is 24 px, 22 px or 20 px (steps 0–2); tables 18, 17 or 16 px, on a 1280×720 slide. */
export type TextStep = 0 | 1 | 2;
export const BODY_PX: Record<TextStep, number> = { 0: 24, 1: 22, 2: 20 };
export const TABLE_PX: Record<TextStep, number> = { 0: 18, 1: 17, 2: 16 };

export interface Slide {
  /** Stable, unique key: `design`, `design-2`, `backup-results-3`. */
  id: string;
  section: Section;
  layout: Layout;
  /** Unique in the deck: `Results`, `Results (cont.)`, `Results (cont. 2)`. */
  title: string;
  subtitle?: string;
  blocks: Block[];
  /** Speaker-note paragraphs: they add to the slide, never replace what it leaves out. */
  notes: string[];
  textStep: TextStep;
}

/** The title of the n-th page (0-based) of a slide that continues. */
export function continuedTitle(title: string, page: number): string {
  if (page === 0) return title;
  return page === 1 ? `${title} (cont.)` : `${title} (cont. ${page})`;
}
