// Where LibreOffice put each word (pdftotext -bbox) and where the PPTX put
// each shape: a word outside every shape of its slide is text that overflowed.
import { execFileSync } from 'node:child_process';
import { relTargets, type Package } from './pptx-reader.js';

const EMU_PER_PT = 12700;
const TOLERANCE = 2; // pt: glyph boxes overhang their advance a little

export interface Rect { x: number; y: number; w: number; h: number }
export interface Word { text: string; x1: number; y1: number; x2: number; y2: number }

/** Every positioned shape of a part (slide or layout), in points. */
export function shapeRects(xml: string): Rect[] {
  const out: Rect[] = [];
  for (const m of xml.matchAll(/<(?:a|p):off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
    const [x, y, w, h] = [m[1], m[2], m[3], m[4]].map((v) => Number(v) / EMU_PER_PT) as [number, number, number, number];
    if (w > 0 || h > 0) out.push({ x, y, w, h });
  }
  return out;
}

export function pdfWords(pdf: string): Word[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return html.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x1: Number(m[1]), y1: Number(m[2]), x2: Number(m[3]), y2: Number(m[4]), text: m[5] ?? '',
    })),
  );
}

const inside = (w: Word, r: Rect): boolean =>
  w.x1 >= r.x - TOLERANCE && w.x2 <= r.x + r.w + TOLERANCE && w.y1 >= r.y - TOLERANCE && w.y2 <= r.y + r.h + TOLERANCE;

function slideRects(pkg: Package, slide: string): Rect[] {
  const layout = relTargets(pkg, slide).find((r) => r.type === 'slideLayout')?.target ?? '';
  return [...shapeRects(pkg.text(slide)), ...shapeRects(pkg.text(layout))];
}


/** Every word outside all shapes of its slide (and its layout), described for a failure message. */
export function outsideWords(pkg: Package, slides: readonly string[], pages: readonly Word[][], titles: readonly string[]): string[] {
  const outside: string[] = [];
  for (const [i, words] of pages.entries()) {
    const rects = slideRects(pkg, slides[i] ?? '');
    for (const w of words) if (!rects.some((r) => inside(w, r))) outside.push(`slide ${i + 1} "${titles[i]}": ${w.text} at ${w.x1.toFixed(0)},${w.y1.toFixed(0)}–${w.x2.toFixed(0)},${w.y2.toFixed(0)}`);
  }
  return outside;
}
