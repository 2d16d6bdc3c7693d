// deck.pptx, native: the view model's slides written by src/pptx (no browser,
// no screenshots). marp-cli's picture-per-slide export stays available as the
// `pptx-images` format (src/export/pptx.ts).
import { buildChartInputs } from '../charts/index.js';
import type { Slide } from '../deck/slides.js';
import { TrialdeckError, type Diagnostic } from '../errors.js';
import type { Evidence } from '../evidence/types.js';
import type { Look } from '../themes/look.js';
import type { Trial } from '../trial/schema.js';
import { MESSAGES } from './messages.js';

/** What the native writer reads from a composed deck. */
export interface NativePptxInput {
  trial: Trial;
  evidence: Evidence;
  look: Look;
  /** The composed view model: `{ meta, slides, charts }` (src/deck/view-model.ts). */
  viewModel: unknown;
  charts: readonly { id: string; title: string; alt: string; svg: string }[];
}

interface SlideView {
  slides: Slide[];
  meta?: { footer?: string };
  footer?: string;
}

/** The view model as a slide list, when it is one (the renderers' shared model, issue 11). */
export function slideView(viewModel: unknown): SlideView | undefined {
  const v = viewModel as Partial<SlideView> | undefined;
  return v && Array.isArray(v.slides) ? (v as SlideView) : undefined;
}

export async function nativePptx(deck: NativePptxInput): Promise<{ bytes: Uint8Array; warnings: Diagnostic[] }> {
  const view = slideView(deck.viewModel);
  if (!view) throw new TrialdeckError('EXPORT', MESSAGES.pptxNoSlides);
  const { writePptx } = await import('../pptx/index.js');
  const p = deck.trial.publication;
  const result = await writePptx({
    meta: { footer: view.meta?.footer ?? view.footer ?? p.acronym },
    slides: view.slides,
    charts: deck.charts,
    chartInputs: buildChartInputs(deck.trial, deck.look.chart, deck.evidence),
    look: deck.look,
    info: { title: `${p.acronym}: ${p.title}`, author: p.citation.split(/[.;]/)[0] ?? p.acronym, subject: p.citation },
  });
  return { bytes: result.bytes, warnings: result.warnings };
}
