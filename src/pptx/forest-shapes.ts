// The forest plot from native shapes and text. PowerPoint charts have no log
// axis with error bars, so positions on the log scale are computed here from
// the forest builder's own rows and domain; every number stays a text run the
// presenter can read, search and edit.
import type { Pptx, PptxSlide } from './pptxgen-types.js';
import type { ChartSpecInput } from '../charts/spec-files.js';
import { textWidth } from '../charts/text-metrics.js';
import type { Box } from './geometry.js';
import type { PptxLook } from './pptx-look.js';
import { addParas } from './text-box.js';
import { INSET_X, LINE_HEIGHT, paraLines } from './text-fit.js';

interface ForestRow { order: number; primary: boolean; label: string; estimate: number; lower: number; upper: number; estimateText: string }

/** x of a ratio on a log axis spanning `domain` across [left, left + width]. */
export function logX(value: number, domain: readonly [number, number], left: number, width: number): number {
  const [lo, hi] = domain;
  const t = (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
  return left + Math.min(1, Math.max(0, t)) * width;
}

const fmtTick = (t: number): string => String(Number(t.toPrecision(3)));

export function addForestShapes(pptx: Pptx, slide: PptxSlide, look: PptxLook, input: ChartSpecInput, box: Box): void {
  const rows = (input.datasets.rows as unknown as ForestRow[]).slice().sort((a, b) => a.order - b.order);
  const headers = input.datasets.headers as unknown as { column: string; text: string }[];
  const sides = input.datasets.sides as unknown as { side: string; text: string }[];
  const domain = input.params.xDomain as [number, number];
  const ticks = input.params.xTicks as number[];
  const axisTitle = (input.params.axisTitle as string[]).join(' ');
  const sideText = (s: { text: string }): string => s.text.replace(/\n/g, ' ');
  const layout = (f: number) => {
    const lh = f * LINE_HEIGHT;
    // Columns: outcome labels | plot | estimates; the estimate column as wide as its widest text.
    const estimateW = Math.ceil(Math.max(...[...headers.map((h) => textWidth(h.text, f, true)), ...rows.map((r) => textWidth(r.estimateText, f))]) * look.fontScale) + 2 * INSET_X + 8;
    const labelW = Math.round(box.w * 0.34);
    const plotW = box.w - labelW - estimateW - 32;
    // Header, rows, then the axis, its tick labels, the side labels and the axis title.
    const headerH = lh + 10;
    // Each side label gets the half of the plot on its side of 1 (the domain is symmetric).
    const sideLines = Math.max(...sides.map((s) => paraLines({ runs: [{ text: sideText(s), bold: true }] }, plotW / 2 - 6, f, look.fontScale)));
    const titleH = paraLines({ runs: [{ text: axisTitle }] }, plotW, f, look.fontScale) * lh + 10;
    const footH = 8 + lh + 6 + sideLines * lh + 10 + titleH;
    const labelLines = Math.max(...rows.map((r) => paraLines({ runs: [{ text: r.label.replace(/\n/g, ' '), bold: r.primary }] }, labelW, f, look.fontScale)));
    const rowH = Math.max(labelLines * lh + 10, Math.min(56, (box.h - headerH - footH) / rows.length));
    return { f, lh, estimateW, labelW, plotW, headerH, sideLines, footH, rowH, height: headerH + rows.length * rowH + footH };
  };
  // The theme's chart size, else smaller (never below 12 px) until every row fits the slide.
  let L = layout(look.chart.fontSize);
  for (let f = look.chart.fontSize - 1; L.height > box.h && f >= 12; f--) L = layout(f);
  const { f, lh, estimateW, labelW, plotW, headerH, sideLines, rowH } = L;
  const style = { font: look.font, color: look.fg, size: f };
  const plotX = box.x + labelW + 16;
  const estX = plotX + plotW + 16;
  const top = box.y + headerH;
  const axisY = top + rows.length * rowH;

  const header = (text: string, x: number, w: number, align: 'left' | 'right'): void =>
    addParas(slide, [{ runs: [{ text, bold: true }] }], { x, y: box.y, w, h: headerH }, { ...style, align, valign: 'bottom' });
  header(headers.find((h) => h.column === 'label')?.text ?? 'Outcome', box.x, labelW, 'left');
  header(headers.find((h) => h.column === 'estimate')?.text ?? '', estX, estimateW, 'left');

  const line = (x: number, y: number, w: number, h: number, color: string, width: number, dash?: 'dash', name = 'Decorative line'): void => {
    slide.addShape(pptx.ShapeType.line, { x: x / 96, y: y / 96, w: w / 96, h: h / 96, line: { color, width, ...(dash ? { dashType: dash } : {}) }, objectName: name });
  };
  // The line of no difference first, so the intervals draw over it.
  const oneX = logX(1, domain, plotX, plotW);
  line(oneX, top - 4, 0, axisY - top + 4, look.muted, 1, 'dash', 'Decorative reference line at ratio 1');

  for (const [i, r] of rows.entries()) {
    const cy = top + i * rowH + rowH / 2;
    const color = r.primary ? look.highlight : look.fg;
    addParas(slide, [{ runs: [{ text: r.label.replace(/\n/g, ' '), bold: r.primary }] }], { x: box.x, y: top + i * rowH, w: labelW, h: rowH }, { ...style, valign: 'middle' });
    addParas(slide, [{ runs: [{ text: r.estimateText, bold: r.primary }] }], { x: estX, y: top + i * rowH, w: estimateW, h: rowH }, { ...style, valign: 'middle' });
    const x1 = logX(r.lower, domain, plotX, plotW);
    const x2 = logX(r.upper, domain, plotX, plotW);
    line(x1, cy, x2 - x1, 0, color, 2, undefined, `Interval ${r.lower} to ${r.upper}`);
    const s = r.primary ? 20 : 14;
    const ex = logX(r.estimate, domain, plotX, plotW);
    slide.addShape(r.primary ? pptx.ShapeType.diamond : pptx.ShapeType.rect, {
      x: (ex - s / 2) / 96, y: (cy - s / 2) / 96, w: s / 96, h: s / 96, fill: { color }, line: { color, width: 0.75 }, objectName: `Estimate ${r.estimate}`,
    });
  }

  // Axis with ticks and their values.
  line(plotX, axisY, plotW, 0, look.muted, 1);
  for (const t of ticks) {
    const x = logX(t, domain, plotX, plotW);
    line(x, axisY, 0, 6, look.muted, 1);
    const label = fmtTick(t);
    const w = textWidth(label, f) + 2 * INSET_X + 6;
    addParas(slide, [{ runs: [{ text: label }] }], { x: x - w / 2, y: axisY + 8, w, h: lh + 6 }, { ...style, color: look.muted, align: 'center' });
  }
  const sidesY = axisY + 8 + lh + 6;
  for (const s of sides) {
    const lower = s.side === 'lower';
    const w = oneX - plotX - 6;
    const wHigh = plotX + plotW - oneX - 6;
    addParas(slide, [{ runs: [{ text: sideText(s), bold: true }] }], lower ? { x: plotX, y: sidesY, w, h: sideLines * lh + 10 } : { x: oneX + 6, y: sidesY, w: wHigh, h: sideLines * lh + 10 }, { ...style, align: lower ? 'right' : 'left' });
  }
  const titleY = sidesY + sideLines * lh + 10;
  addParas(slide, [{ runs: [{ text: axisTitle }] }], { x: plotX, y: titleY, w: plotW, h: box.y + box.h - titleY }, { ...style, color: look.muted, align: 'center' });
}
