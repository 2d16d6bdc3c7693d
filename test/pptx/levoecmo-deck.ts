// Builds the LEVOECMO PPTX from the hand-made slide list, with the real
// trial, its real charts and a real theme: what the structure and render
// tests read back.
import { buildChartInputs, chartTrial } from '../../src/charts/index.js';
import { occasionView } from '../../src/deck/occasion.js';
import { deriveEvidence } from '../../src/evidence/index.js';
import { writePptx, type PptxResult } from '../../src/pptx/index.js';
import { resolveLook } from '../../src/themes/look.js';
import { loadTrial } from '../../src/trial/load.js';
import { levoecmoSlides } from './fixtures/levoecmo-slides.js';
import type { Slide } from '../../src/deck/slides.js';
import { makeDeck, type DeckBuild } from '../../src/build.js';
import type { Diagnostic } from '../../src/errors.js';
import { nativePptx } from '../../src/export/native-pptx.js';

export const TRIAL = 'data/levoecmo.yaml';

export interface Built extends PptxResult {
  slides: Slide[];
  ms: number;
}

export async function buildLevoecmo(options: { theme?: string; department?: string } = {}): Promise<Built> {
  const { trial } = await loadTrial(TRIAL);
  const look = await resolveLook(options);
  const evidence = deriveEvidence(trial, { mcid: trial.evidence?.mcid });
  const { charts } = await chartTrial(trial, { evidence, theme: look.chart });
  const slides = levoecmoSlides(trial);
  const p = trial.publication;
  const t0 = performance.now();
  const result = await writePptx({
    meta: { footer: occasionView(p, look.occasion).footer },
    slides,
    charts,
    chartInputs: buildChartInputs(trial, look.chart, evidence),
    look,
    info: { title: `${p.acronym}: ${p.title}`, author: p.citation.split(/[.;]/)[0] ?? p.acronym, subject: p.citation },
  });
  return { ...result, slides, ms: performance.now() - t0 };
}

/** The real LEVOECMO deck through the build's own stages (makeDeck → nativePptx): what `trialdeck build` writes. */
export async function buildRealLevoecmo(options: { theme?: string; department?: string } = {}): Promise<{ bytes: Uint8Array; deck: DeckBuild; slides: Slide[]; warnings: Diagnostic[] }> {
  const { trial, warnings } = await loadTrial(TRIAL);
  const deck = await makeDeck(trial, warnings, { cacheDir: false, theme: options.theme, department: options.department });
  const r = await nativePptx(deck);
  return { bytes: r.bytes, deck, slides: deck.viewModel.slides, warnings: r.warnings };
}
