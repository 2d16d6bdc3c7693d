// The participant flow from native shapes: each box a rectangle holding its
// own text (so the numbers are editable text, and move with the box), the
// links as lines with arrowheads. Geometry is the flow builder's, scaled
// uniformly into the slide's chart area.
import type { Pptx, PptxSlide } from './pptxgen-types.js';
import type { ChartSpecInput } from '../charts/spec-files.js';
import type { Box } from './geometry.js';
import { hex, type PptxLook } from './pptx-look.js';
import { addParas } from './text-box.js';
import { parasHeight } from './text-fit.js';

interface FlowBox { x: number; x2: number; y: number; y2: number; stroke: string; strokeWidth: number }
interface FlowText { text: string }
interface Link { x: number; y: number; x2: number; y2: number }
interface Head { x: number; y: number }

export function addFlowShapes(pptx: Pptx, slide: PptxSlide, look: PptxLook, input: ChartSpecInput, box: Box): void {
  const boxes = input.datasets.boxes as unknown as FlowBox[];
  const titles = input.datasets.titles as unknown as FlowText[];
  const bodies = input.datasets.bodies as unknown as FlowText[];
  const links = input.datasets.links as unknown as Link[];
  const heads = input.datasets.heads as unknown as Head[];
  const width = Math.max(...boxes.map((b) => b.x2)) - Math.min(...boxes.map((b) => b.x), 0);
  const height = Math.max(...boxes.map((b) => b.y2));
  // Uniform scale, never enlarged past the builder's size (its text was measured at that size).
  const k = Math.min(1, box.w / width, box.h / height);
  const ox = box.x + (box.w - width * k) / 2;
  const oy = box.y;
  const X = (x: number): number => ox + x * k;
  const Y = (y: number): number => oy + y * k;

  for (const l of links) {
    const arrow = heads.some((h) => Math.abs(h.x - l.x2) < 0.5 && Math.abs(h.y - l.y2) < 0.5);
    // A head sits 6 px above the box it points at: the arrow ends on the box.
    const y2 = arrow ? l.y2 + 6 : l.y2;
    slide.addShape(pptx.ShapeType.line, {
      x: X(Math.min(l.x, l.x2)) / 96, y: Y(Math.min(l.y, y2)) / 96, w: (Math.abs(l.x2 - l.x) * k) / 96, h: (Math.abs(y2 - l.y) * k) / 96,
      line: { color: look.muted, width: 1.5, ...(arrow ? { endArrowType: 'triangle' as const } : {}) },
      objectName: 'Decorative flow link',
    });
  }
  const size = Math.max(12, look.chart.fontSize * k);
  for (const [i, b] of boxes.entries()) {
    const title = (titles[i]?.text ?? '').split('\n').map((t) => ({ runs: [{ text: t, bold: true }] }));
    const body = (bodies[i]?.text ?? '').split('\n').filter(Boolean).map((t) => ({ runs: [{ text: t }] }));
    const paras = [...title, ...body];
    const r = { x: X(b.x), y: Y(b.y), w: (b.x2 - b.x) * k, h: Math.max((b.y2 - b.y) * k, parasHeight(paras, (b.x2 - b.x) * k, size, look.fontScale)) };
    addParas(slide, paras, r, {
      font: look.font, color: look.fg, size, align: 'center', valign: 'middle', fill: look.bg,
      line: { color: hex(b.stroke, look.muted), width: b.strokeWidth * 0.75 },
      name: `Flow box ${i + 1}`,
    });
  }
}
