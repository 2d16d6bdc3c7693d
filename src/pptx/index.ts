// The native PPTX writer: the view model's slides → an editable PowerPoint file.
//
//   meta + slides + charts ──► masters (one per theme and layout: colours, fonts,
//   (src/deck/slides.ts)       logo, footer, slide number)
//                          ──► one slide per Slide: title placeholder, text boxes,
//                              native tables, native charts, forest/flow as shapes,
//                              PNG only for charts with no native form; notes
//                          ──► pptxgenjs zip ──► package step (repairs, checks,
//                              fixed dates, sorted entries) ──► bytes
import type { PptxCtor } from './pptxgen-types.js';
import type { ChartSpecInput } from '../charts/spec-files.js';
import type { Slide } from '../deck/slides.js';
import type { Diagnostic } from '../errors.js';
import { importExternal } from '../export/import-external.js';
import type { Look } from '../themes/look.js';
import { defineMasters } from './masters.js';
import { finishPackage, type DocInfo } from './package.js';
import { pptxLook } from './pptx-look.js';
import { writeSlide, type ChartSource, type WriteContext } from './slide-writer.js';
import { svgToPng } from './chart-png.js';
import { xmlSafeDeep } from './xml-safe.js';

export interface PptxDeck {
  meta: { footer: string };
  slides: readonly Slide[];
  /** Rendered charts (their SVG is the PNG fallback's source). */
  charts: readonly { id: string; title: string; alt: string; svg: string }[];
  /** The chart builders' inputs for the same trial and theme (src/charts buildChartInputs). */
  chartInputs: readonly ChartSpecInput[];
  look: Look;
  info: DocInfo;
}

export interface PptxResult {
  bytes: Uint8Array;
  /** Slide titles as written, in order. */
  titles: string[];
  warnings: Diagnostic[];
}

export async function writePptx(input: PptxDeck): Promise<PptxResult> {
  // Every string XML-safe before layout (the look, parsed from files we checked, is kept as it is).
  const deck: PptxDeck = { ...xmlSafeDeep({ meta: input.meta, slides: input.slides, charts: input.charts, chartInputs: input.chartInputs, info: input.info }), look: input.look };
  const { default: PptxGen } = await importExternal<{ default: PptxCtor }>('pptxgenjs');
  const pptx = new PptxGen();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.info.title;
  pptx.author = deck.info.author;
  pptx.subject = deck.info.subject;
  pptx.company = '';
  const look = pptxLook(deck.look);
  pptx.theme = { headFontFace: look.headingFont, bodyFontFace: look.font };
  // SVG logos become PNG: PowerPoint needs a PNG beside every SVG picture, which pptxgenjs does not write.
  if (look.logo?.type === 'svg') {
    const svg = Buffer.from(look.logo.data.slice(look.logo.data.indexOf(',') + 1), 'base64').toString('utf8');
    const { png } = await svgToPng(svg, 600);
    look.logo = { type: 'png', data: `data:image/png;base64,${png.toString('base64')}` };
  }
  defineMasters(pptx, look, deck.meta.footer);
  const inputs = new Map<string, ChartSpecInput>(deck.chartInputs.map((c) => [c.id, c]));
  const charts = new Map<string, ChartSource>(deck.charts.map((c) => [c.id, { ...c, input: inputs.get(c.id) }]));
  // Every title of the view model is taken before the first slide is written: a continuation never borrows a later slide's title.
  const ctx: WriteContext = { pptx, look, charts, warnings: [], titles: new Set(deck.slides.map((s) => s.title)), written: [] };
  for (const slide of deck.slides) await writeSlide(ctx, slide);
  const raw = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  const bytes = finishPackage(raw, deck.info, { titleCaps: look.headingCaps });
  return { bytes, titles: ctx.written, warnings: ctx.warnings };
}

