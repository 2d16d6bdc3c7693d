// What the handout shows, as plain data: page one's evidence summary (reusing
// the deck's view model, so numbers are formatted exactly as on the slides)
// and the slides grouped into pages. Strings here are raw data; the template
// escapes them.
import type { RenderedDeck } from '../marp/render.js';
import type { HandoutView, ViewModel } from '../deck/view-model.js';
import { memberOf } from '../member-of.js';

export const HANDOUT_LAYOUTS = ['3-up', '2-up'] as const;
export type HandoutLayout = (typeof HANDOUT_LAYOUTS)[number];
export const isHandoutLayout: (v: unknown) => v is HandoutLayout = memberOf(HANDOUT_LAYOUTS);
export const DEFAULT_HANDOUT_LAYOUT: HandoutLayout = '3-up';

export const SLIDES_PER_PAGE: Record<HandoutLayout, number> = { '3-up': 3, '2-up': 2 };

/** Page one plus the slide pages. */
export function handoutPageCount(slides: number, layout: HandoutLayout): number {
  return 1 + Math.ceil(slides / SLIDES_PER_PAGE[layout]);
}

export interface HandoutSummary extends HandoutView {
  acronym: string;
  title: string;
  journal: string;
  year: number;
  citation: string;
  doi: string | null;
  forest: { title: string; alt: string; uri: string } | null;
}

export interface HandoutSlide {
  number: number;
  /** Marp's rendered `<svg data-marpit-svg>` markup (trusted, not data). */
  html: string;
  notes: string;
}

export interface HandoutModel {
  summary: HandoutSummary;
  pages: HandoutSlide[][];
  layout: HandoutLayout;
}

/** Page one comes from the deck's view model, so numbers read exactly as on the slides. */
export function buildHandoutModel(vm: ViewModel, rendered: RenderedDeck, layout: HandoutLayout): HandoutModel {
  const p = vm.publication;
  const forest = vm.charts.find((c) => c.id === 'forest');
  const summary: HandoutSummary = {
    ...vm.handout,
    acronym: p.acronym,
    title: p.title,
    journal: p.journal,
    year: p.year,
    citation: p.citation,
    doi: p.doi ?? null,
    forest: forest ? { title: forest.title, alt: forest.alt, uri: forest.uri } : null,
  };
  const per = SLIDES_PER_PAGE[layout];
  const slides: HandoutSlide[] = rendered.slides.map((html, i) => ({ number: i + 1, html, notes: rendered.notes[i] ?? '' }));
  const pages: HandoutSlide[][] = [];
  for (let i = 0; i < slides.length; i += per) pages.push(slides.slice(i, i + per));
  return { summary, pages, layout };
}
