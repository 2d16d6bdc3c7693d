// A chart block → the most editable form PowerPoint has for it:
//   event-rates, competing ─► native chart (data in an embedded workbook)
//   forest, flow            ─► native shapes and text (log positions computed here)
//   anything else           ─► PNG of the chart's SVG, with its alt text
import type { PptxSlide } from './pptxgen-types.js';
import { svgToPng, pngDataUri } from './chart-png.js';
import { addFlowShapes } from './flow-shapes.js';
import { addForestShapes } from './forest-shapes.js';
import type { Box } from './geometry.js';
import { addNativeChart, competingData, eventRatesData } from './native-charts.js';
import type { WriteContext } from './slide-writer.js';

export const NATIVE_CHARTS = ['event-rates', 'competing'] as const;
export const SHAPE_CHARTS = ['forest', 'flow'] as const;

export async function addChart(ctx: WriteContext, slide: PptxSlide, id: string, box: Box): Promise<void> {
  const chart = ctx.charts.get(id);
  if (!chart) {
    ctx.warnings.push({ level: 'warning', code: 'PPTX_CHART_MISSING', message: `pptx: no chart "${id}" to draw` });
    return;
  }
  const { input } = chart;
  if (input && id === 'event-rates') return addNativeChart(ctx.pptx, slide, ctx.look, eventRatesData(input), box, chart.alt, chart.title);
  if (input && id === 'competing') return addNativeChart(ctx.pptx, slide, ctx.look, competingData(input), box, chart.alt, chart.title);
  if (input && id === 'forest') return addForestShapes(ctx.pptx, slide, ctx.look, input, box);
  if (input && id === 'flow') return addFlowShapes(ctx.pptx, slide, ctx.look, input, box);
  // A picture: as large as the box allows at the SVG's aspect ratio, centred; drawn at 1.25× for projectors.
  const { png, width, height } = await svgToPng(chart.svg, Math.round(box.w * 1.25));
  const k = Math.min(box.w / width, box.h / height);
  const w = width * k;
  const h = height * k;
  slide.addImage({ data: pngDataUri(png), x: (box.x + (box.w - w) / 2) / 96, y: box.y / 96, w: w / 96, h: h / 96, altText: chart.alt, objectName: chart.title });
}
