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
import { openPackage, slideNames, type Package } from './pptx-reader.js';
import { outsideWords, pdfWords, type Word } from './render-tools.js';

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
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
      expect(outsideWords(deck.pkg, slideNames(deck.pkg), deck.words, deck.built.slides.map((s) => s.title))).toEqual([]);
      // The check has teeth: the words were found.
      expect(deck.words.flat().length).toBeGreaterThan(500);
    });
  }
});
