// The real LEVOECMO PPTX (the build's own view model) as LibreOffice renders it (soffice --headless → PDF):
// one page per slide, and no word outside the shape that holds it. Text sizes
// are chosen by the writer; boxes never shrink text (LibreOffice would, and
// PowerPoint would not), so a word outside every shape is a real overflow.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRealLevoecmo } from './levoecmo-deck.js';
import type { Slide } from '../../src/deck/slides.js';
import { openPackage, relTargets, slideNames, type Package } from './pptx-reader.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const EMU_PER_PT = 12700;
const TOLERANCE = 2; // pt: glyph boxes overhang their advance a little

interface Rect { x: number; y: number; w: number; h: number }
interface Word { text: string; x1: number; y1: number; x2: number; y2: number }

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

let work: string;
afterAll(() => work && rmSync(work, { recursive: true, force: true }));

describe.skipIf(!soffice)('LibreOffice render', () => {
  // Two themes (sans and serif headings) and the example department (DejaVu Sans headings, a logo).
  const looks: Record<string, { theme?: string; department?: string }> = { clinical: { theme: 'clinical' }, cardiology: { theme: 'cardiology' }, department: { department: 'example' } };
  const themes = Object.keys(looks);
  const decks = new Map<string, { built: { bytes: Uint8Array; slides: Slide[] }; pkg: Package; words: Word[][] }>();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'td-pptx-render-'));
    const files: string[] = [];
    for (const theme of themes) {
      const built = await buildRealLevoecmo(looks[theme]);
      const file = join(work, `${theme}.pptx`);
      writeFileSync(file, built.bytes);
      files.push(file);
      decks.set(theme, { built, pkg: await openPackage(built.bytes), words: [] });
    }
    // One soffice call for both decks, with its own profile (a shared one locks).
    execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, ...files], { stdio: 'ignore', timeout: 360_000 });
    for (const theme of themes) {
      const deck = decks.get(theme);
      if (deck) deck.words = pdfWords(join(work, `${theme}.pdf`));
    }
  }, 400_000);

  for (const theme of themes) {
    it(`${theme}: one page per slide`, () => {
      const deck = decks.get(theme);
      expect(deck?.words.length).toBe(deck?.built.slides.length);
    });

    it(`${theme}: every word inside a shape`, () => {
      const deck = decks.get(theme);
      if (!deck) throw new Error('not built');
      const slides = slideNames(deck.pkg);
      const outside: string[] = [];
      for (const [i, words] of deck.words.entries()) {
        const rects = slideRects(deck.pkg, slides[i] ?? '');
        for (const w of words) if (!rects.some((r) => inside(w, r))) outside.push(`slide ${i + 1} "${deck.built.slides[i]?.title}": ${w.text} at ${w.x1.toFixed(0)},${w.y1.toFixed(0)}–${w.x2.toFixed(0)},${w.y2.toFixed(0)}`);
      }
      expect(outside).toEqual([]);
      // The check has teeth: the words were found.
      expect(deck.words.flat().length).toBeGreaterThan(500);
    });
  }
});
