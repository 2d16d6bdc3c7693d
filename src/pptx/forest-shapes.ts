// The forest plot from native shapes and text. PowerPoint charts have no log
// axis with error bars, so x positions on the log scale are computed here; the
// rows, groups, "Favours" labels and margins are the forest builder's own
// (src/charts/forest.ts: its drawing's y positions, texts and domain), so the
// PPTX shows the same plot as the HTML. Every number stays a text run.
import type { ChartSpecInput } from '../charts/spec-files.js';
import { textWidth } from '../charts/text-metrics.js';
import type { Box } from './geometry.js';
import { hex, type PptxLook } from './pptx-look.js';
import type { Pptx, PptxSlide } from './pptxgen-types.js';
import { addParas } from './text-box.js';
import { INSET_X, INSET_Y, LINE_HEIGHT, paraLines } from './text-fit.js';

interface Text { column: 'label' | 'estimate'; y: number; text: string; size: number; bold: boolean; color: string }
interface Mark { y: number; estimate: number; lower: number; upper: number; color: string; shape: string }
interface Side { side: 'lower' | 'higher'; y: number; text: string }
interface Span { ratio?: number; y: number; y2: number }
interface Note { ratio: number; y: number; text: string }

/** x of a ratio on a log axis spanning `domain` across [left, left + width]. */
export function logX(value: number, domain: readonly [number, number], left: number, width: number): number {
  const [lo, hi] = domain;
  const t = (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
  return left + Math.min(1, Math.max(0, t)) * width;
}

const fmtTick = (t: number): string => String(Number(t.toPrecision(3)));
const GAP = 20;

export function addForestShapes(pptx: Pptx, slide: PptxSlide, look: PptxLook, input: ChartSpecInput, box: Box): void {
  const d = input.datasets;
  const texts = d.texts as unknown as Text[];
  const marks = d.marks as unknown as Mark[];
  const sides = d.sides as unknown as Side[];
  const reference = (d.reference as unknown as Span[])[0];
  const margins = (d.margins ?? []) as unknown as Span[];
  const notes = (d.marginNotes ?? []) as unknown as Note[];
  const p = input.params;
  const domain = p.xDomain as [number, number];
  const ticks = p.xTicks as number[];
  const yMax = (p.yDomain as [number, number])[1];
  const axisTitle = ([] as string[]).concat(p.axisTitle as string | string[]).join(' ');
  const f = Number(p.labelFontSize ?? look.chart.fontSize);
  const small = Number(p.smallFontSize ?? f);

  // The builder's rows, stretched to fill the box (slide text sets lines a little taller than the
  // chart's), or shrunk with their fonts when the box is smaller than the drawing.
  const footer = (k: number): number => 8 + small * k * LINE_HEIGHT + 10 + 2 * f * k * LINE_HEIGHT + 8;
  let k = Math.min(1, box.h / (yMax + footer(1)));
  while (k > 0.5 && yMax * k + footer(k) > box.h) k -= 0.02;
  const stretch = k < 1 ? k : Math.min(1.5, (box.h - footer(1)) / yMax);
  const size = (px: number): number => Math.max(12, Math.round(px * k * 10) / 10);
  const Y = (y: number): number => box.y + y * stretch;
  const lines = (t: Text): string[] => t.text.split('\n');
  const widest = (items: readonly Text[]): number =>
    Math.max(0, ...items.flatMap((t) => lines(t).map((l) => textWidth(l, size(t.size), t.bold) * look.fontScale))) + 2 * INSET_X + 4;

  // Columns: labels | plot | estimates, the text columns as wide as their widest line.
  const labelW = Math.min(box.w * 0.45, widest(texts.filter((t) => t.column === 'label')));
  const estimateTexts = texts.filter((t) => t.column === 'estimate');
  const estimateW = estimateTexts.length > 0 ? widest(estimateTexts) : 0;
  const plotX = box.x + labelW + GAP;
  const plotW = box.w - labelW - GAP - (estimateW > 0 ? GAP + estimateW : 0);
  const estX = plotX + plotW + GAP;
  const X = (ratio: number): number => logX(ratio, domain, plotX, plotW);

  // A text box centred on the builder's y, as tall as its lines need in this width (a line that wraps here gets its room).
  // Boxes without insets, so a label uses all of its row.
  const textBox = (ls: readonly string[], x: number, cy: number, w: number, px: number, bold: boolean, color: string, align: 'left' | 'right' | 'center'): void => {
    // One paragraph: the builder's line breaks were for its own column width; this box wraps the text itself.
    const paras = [{ runs: [{ text: ls.join(' '), bold }] }];
    const h = paras.reduce((sum, para) => sum + paraLines(para, w + 2 * INSET_X, px, look.fontScale), 0) * px * LINE_HEIGHT + 2;
    addParas(slide, paras, { x, y: cy - h / 2, w, h }, { font: look.font, color: hex(color, look.fg), size: px, align, valign: 'middle', flush: true });
  };
  const line = (x1: number, y1: number, x2: number, y2: number, color: string, width: number, name: string, dash?: 'dash'): void => {
    slide.addShape(pptx.ShapeType.line, {
      x: Math.min(x1, x2) / 96, y: Math.min(y1, y2) / 96, w: Math.abs(x2 - x1) / 96, h: Math.abs(y2 - y1) / 96,
      line: { color, width, ...(dash ? { dashType: dash } : {}) }, objectName: name,
    });
  };

  // The line of no difference and the margins first, so intervals draw over them.
  if (reference) line(X(1), Y(reference.y), X(1), Y(reference.y2), look.muted, 1.25, 'Decorative reference line at ratio 1', 'dash');
  for (const m of margins) if (m.ratio !== undefined) line(X(m.ratio), Y(m.y), X(m.ratio), Y(m.y2), look.fg, 2, `Margin at ${m.ratio}`, 'dash');

  for (const t of texts) {
    const x = t.column === 'label' ? box.x : estX;
    textBox(lines(t), x, Y(t.y), t.column === 'label' ? labelW : estimateW, size(t.size), t.bold, t.color, 'left');
  }
  for (const m of marks) {
    const color = hex(m.color, look.fg);
    const cy = Y(m.y);
    line(X(m.lower), cy, X(m.upper), cy, color, 2.25, `Interval ${m.lower} to ${m.upper}`);
    const s = (m.shape === 'diamond' ? 20 : 14) * Math.max(k, 0.7);
    slide.addShape(m.shape === 'diamond' ? pptx.ShapeType.diamond : pptx.ShapeType.rect, {
      x: (X(m.estimate) - s / 2) / 96, y: (cy - s / 2) / 96, w: s / 96, h: s / 96, fill: { color }, line: { color, width: 0.75 }, objectName: `Estimate ${m.estimate}`,
    });
  }
  // "Favours …" either side of 1 on each group's heading line.
  for (const sd of sides) {
    const lower = sd.side === 'lower';
    // The box's insets reach past the plot's edge, so its text has the whole half of the plot.
    const w = (lower ? X(1) - plotX - 6 : plotX + plotW - X(1) - 6) + INSET_X;
    textBox([sd.text.replace(/\n/g, ' ')], lower ? plotX - INSET_X : X(1) + 6, Y(sd.y), w, size(small), false, look.fg, lower ? 'right' : 'left');
  }
  for (const n of notes) {
    const w = Math.min(plotW, textWidth(n.text, size(small), true) * look.fontScale + 2 * INSET_X + 8);
    textBox([n.text], Math.max(plotX, Math.min(X(n.ratio) - w / 2, plotX + plotW - w)), Y(n.y), w, size(small), true, look.fg, 'center');
  }

  // The axis under the rows: ticks, their values, the title.
  const axisY = Y(yMax);
  line(plotX, axisY, plotX + plotW, axisY, look.muted, 1, 'Decorative axis');
  const tickPx = size(small);
  for (const t of ticks) {
    line(X(t), axisY, X(t), axisY + 5, look.muted, 1, 'Decorative tick');
    const label = fmtTick(t);
    const w = textWidth(label, tickPx) + 2 * INSET_X + 6;
    textBox([label], X(t) - w / 2, axisY + 8 + (tickPx * LINE_HEIGHT + 2 * INSET_Y) / 2, w, tickPx, false, look.muted, 'center');
  }
  const titleY = axisY + 8 + tickPx * LINE_HEIGHT + 2 * INSET_Y + 4;
  const titlePx = size(f);
  const h = Math.max(box.y + box.h - titleY, 2 * titlePx * LINE_HEIGHT + 2 * INSET_Y);
  addParas(slide, [{ runs: [{ text: axisTitle }] }], { x: plotX, y: titleY, w: plotW, h }, { font: look.font, color: look.muted, size: titlePx, align: 'center' });
}
