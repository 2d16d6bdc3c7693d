// What the handout shows, as plain data: page one's evidence summary (reusing
// the deck's view model, so numbers are formatted exactly as on the slides)
// and the slides grouped into pages. Strings here are raw data; the template
// escapes them.
import type { RenderedDeck } from '../marp/render.js';
import { buildViewModel, type DeckChart } from '../deck/view-model.js';
import type { Trial } from '../trial/schema.js';

export const HANDOUT_LAYOUTS = ['3-up', '2-up'] as const;
export type HandoutLayout = (typeof HANDOUT_LAYOUTS)[number];
export function isHandoutLayout(v: unknown): v is HandoutLayout {
  return typeof v === 'string' && (HANDOUT_LAYOUTS as readonly string[]).includes(v);
}
export const DEFAULT_HANDOUT_LAYOUT: HandoutLayout = '3-up';

export const SLIDES_PER_PAGE: Record<HandoutLayout, number> = { '3-up': 3, '2-up': 2 };

/** Page one plus the slide pages. */
export function handoutPageCount(slides: number, layout: HandoutLayout): number {
  return 1 + Math.ceil(slides / SLIDES_PER_PAGE[layout]);
}

export interface HandoutSummary {
  acronym: string;
  title: string;
  journal: string;
  year: number;
  citation: string;
  doi: string | null;
  question: string | null;
  pico: { letter: string; label: string; text: string }[];
  primary: { name: string; arms: { label: string; big: string; small: string }[]; estimate: string; ci: string; p: string } | null;
  forest: { title: string; alt: string; uri: string } | null;
  bottomLine: string[];
  keyPoints: string[];
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

export function buildHandoutModel(trial: Trial, charts: readonly DeckChart[], rendered: RenderedDeck, layout: HandoutLayout): HandoutModel {
  const vm = buildViewModel(trial, [...charts]);
  const p = trial.publication;
  const forest = charts.find((c) => c.id === 'forest');
  const summaryBullets = trial.summary.map((b) => b.text);
  const bottomLine = trial.takeaway ? [trial.takeaway] : summaryBullets.length > 0 ? summaryBullets : trial.overallSummary.map((b) => b.text);
  const summary: HandoutSummary = {
    acronym: p.acronym,
    title: p.title,
    journal: p.journal,
    year: p.year,
    citation: p.citation,
    doi: p.doi ?? null,
    question: vm.pico.question ?? null,
    pico: [
      { letter: 'P', label: 'Population', text: vm.pico.population },
      { letter: 'I', label: 'Intervention', text: vm.pico.intervention },
      { letter: 'C', label: 'Comparator', text: vm.pico.comparator },
      { letter: 'O', label: 'Primary outcome', text: vm.pico.outcome },
    ],
    primary: vm.primary
      ? { name: vm.primary.name, arms: vm.primary.arms, estimate: vm.primary.estimate, ci: vm.primary.ci, p: vm.primary.p }
      : null,
    forest: forest ? { title: forest.title, alt: forest.alt, uri: forest.uri } : null,
    bottomLine,
    // Only when the bottom line is the takeaway, or the same bullets would print twice.
    keyPoints: trial.takeaway ? summaryBullets : [],
  };
  const per = SLIDES_PER_PAGE[layout];
  const slides: HandoutSlide[] = rendered.slides.map((html, i) => ({ number: i + 1, html, notes: rendered.notes[i] ?? '' }));
  const pages: HandoutSlide[][] = [];
  for (let i = 0; i < slides.length; i += per) pages.push(slides.slice(i, i + per));
  return { summary, pages, layout };
}
