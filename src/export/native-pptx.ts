// deck.pptx, native: the view model's slides written by src/pptx (no browser,
// no screenshots). marp-cli's picture-per-slide export stays available as the
// `pptx-images` format (src/export/pptx.ts).
import { buildChartInputs } from '../charts/index.js';
import type { ViewModel } from '../deck/view-model.js';
import type { Diagnostic } from '../errors.js';
import type { Evidence } from '../evidence/types.js';
import type { Look } from '../themes/look.js';
import type { Trial } from '../trial/schema.js';

/** What the native writer reads from a composed deck. */
export interface NativePptxInput {
  trial: Trial;
  evidence: Evidence;
  look: Look;
  /** The slides the Marp templates rendered: the PPTX has the same ones. */
  viewModel: ViewModel;
  charts: readonly { id: string; title: string; alt: string; svg: string }[];
}

export async function nativePptx(deck: NativePptxInput): Promise<{ bytes: Uint8Array; warnings: Diagnostic[] }> {
  const { writePptx } = await import('../pptx/index.js');
  const p = deck.trial.publication;
  const result = await writePptx({
    meta: { footer: deck.viewModel.footer },
    slides: deck.viewModel.slides,
    charts: deck.charts,
    chartInputs: buildChartInputs(deck.trial, deck.look.chart, deck.evidence),
    look: deck.look,
    info: { title: `${p.acronym}: ${p.title}`, author: p.citation.split(/[.;]/)[0] ?? p.acronym, subject: p.citation },
  });
  return { bytes: result.bytes, warnings: result.warnings };
}
