// Every output format of one real build (LEVOECMO, real Chromium, real
// marp-cli), read back with the tools a reader would use. One build is shared
// by all assertions.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, makeDeck, type BatchResult, type BuildResult } from '../../src/build.js';
import { loadTrial } from '../../src/trial/load.js';
import { pdfFonts, pdfImageCount, pdfInfo, pdfOutline, pdfPages, pdfText, pngSize, zipEntries, zipText } from './pdf-tools.js';

const TRIAL = 'data/levoecmo.yaml';

let work: string;
let temp: string;
let batch: BatchResult;
let result: BuildResult;
let dir: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'td-export-'));
  temp = join(work, 'tmp');
  mkdirSync(temp);
  batch = await buildDecks([TRIAL], {
    outDir: join(work, 'out'),
    formats: ['md', 'html', 'pdf', 'handout', 'pptx', 'png', 'pptx-images'],
    cacheDir: false,
    tmpDir: temp,
  });
  if (batch.failures[0]) throw batch.failures[0].error;
  result = batch.results[0] as BuildResult;
  dir = result.dir;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('deck.pdf', () => {
  it('has one page per slide, at the slide size', () => {
    expect(result.slides).toBeGreaterThan(10);
    expect(pdfPages(file('deck.pdf'))).toBe(result.slides);
    // 1280×720 CSS px = 960×540 pt
    expect(pdfInfo(file('deck.pdf'))['Page size']).toMatch(/^960 x 540 pts/);
  });

  it('has the primary outcome as text', () => {
    const text = pdfText(file('deck.pdf'));
    for (const s of ['69/101', '71/104', '1.02', '0.74', '1.39', 'Successful VA-ECMO weaning', 'All-cause mortality at day 30']) {
      expect(text).toContain(s);
    }
  });

  it('embeds every font and keeps charts as vectors', () => {
    const fonts = pdfFonts(file('deck.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(pdfImageCount(file('deck.pdf'))).toBe(0);
  });

  it('carries title and author metadata from the trial', () => {
    const info = pdfInfo(file('deck.pdf'));
    expect(info.Title).toMatch(/^LEVOECMO: Levosimendan to Facilitate Weaning/);
    expect(info.Author).toBe('Combes A');
  });

  it('has one bookmark per section, pointing at its first slide', async () => {
    const outline = await pdfOutline(file('deck.pdf'));
    const titles = outline.map((b) => b.title);
    expect(titles[0]).toBe('LEVOECMO');
    expect(titles).toContain('Primary outcome');
    expect(titles).toContain('References');
    // Continuation pages share their section's bookmark.
    expect(titles.filter((t) => /\(cont\.\)/.test(t))).toEqual([]);
    expect(new Set(titles).size).toBe(titles.length);
    const primary = outline.find((b) => b.title === 'Primary outcome');
    expect(pdfText(file('deck.pdf'), primary?.page)).toContain('69/101');
  });
});

describe('handout.pdf', () => {
  it('has a summary page, one page per 3 slides, and a continuation page after a page whose notes run long', async () => {
    const fixed = 1 + Math.ceil(result.slides / 3);
    const pages = pdfPages(file('handout.pdf'));
    const outline = await pdfOutline(file('handout.pdf'));
    const continued = outline.filter((b) => /^Notes of slides \d+–\d+ \(cont\.\)$/.test(b.title));
    expect(outline.length).toBe(1 + Math.ceil(result.slides / 3) + continued.length);
    expect(pages).toBeGreaterThanOrEqual(fixed + continued.length);
    for (const c of continued) expect(pdfText(file('handout.pdf'), c.page).replace(/\s+/g, ' ')).toMatch(/SLIDE \d+: SPEAKER NOTES \(CONTINUED\)/);
    expect(pdfInfo(file('handout.pdf'))['Page size']).toMatch(/A4/);
  });

  it('starts with the evidence summary: citation, PICO, design basics, primary result and its definition, absolute numbers, bottom line, questions', () => {
    const page1 = pdfText(file('handout.pdf'), 1).replace(/\s+/g, ' ');
    expect(page1).toContain('Combes A, Saura O, Nesseler N');
    for (const s of ['POPULATION', 'INTERVENTION', 'COMPARATOR', 'PRIMARY OUTCOME', 'DESIGN', 'IN ABSOLUTE TERMS', 'QUESTIONS FOR DISCUSSION']) expect(page1).toContain(s);
    // Design basics: n, setting, blinding, analysis.
    expect(page1).toContain('Randomised: 205 (Levosimendan 101, Placebo 104)');
    expect(page1).toMatch(/Blinding: Double-blind/);
    expect(page1).toMatch(/Fine–Gray/);
    expect(page1).toMatch(/required survival without ECMO\/other mechanical support or transplant for 30 days after ECMO removal/);
    expect(page1).toContain('sHR 1.02');
    expect(page1).toContain('95% CI 0.74 to 1.39');
    // The key harm in absolute numbers.
    expect(page1).toMatch(/Ventricular arrhythmia .*Levosimendan 17\.8%/);
    expect(page1).toContain('BOTTOM LINE');
    expect(page1).toMatch(/LEVOECMO is a landmark/);
    expect(page1).toMatch(/powered for sHR 1\.75/);
  });

  it('shows the slides with their speaker notes', () => {
    const page2 = pdfText(file('handout.pdf'), 2).replace(/\s+/g, ' ');
    expect(page2).toContain('Slide 1');
    expect(page2).toContain('SPEAKER NOTES');
    expect(page2).toContain('The clinical question');
  });

  it('has page numbers and the citation in every footer', () => {
    const pages = pdfPages(file('handout.pdf'));
    for (let p = 1; p <= pages; p++) {
      const text = pdfText(file('handout.pdf'), p).replace(/\s+/g, ' ');
      expect(text).toContain(`Page ${p} of ${pages}`);
      expect(text).toContain('JAMA. 2026;335(1):60-69.');
    }
  });

  it('embeds its fonts', () => {
    expect(pdfFonts(file('handout.pdf')).filter((f) => !f.embedded)).toEqual([]);
  });

  it('prints every speaker note to its end (long ones continue on the next page) and warns about nothing', async () => {
    const { trial, warnings } = await loadTrial(TRIAL);
    const { rendered } = await makeDeck(trial, warnings, { cacheDir: false });
    expect(result.warnings).toEqual([]);
    const squash = (t: string): string => t.replace(/[\s\u00ad-]+/g, '');
    const handout = squash(pdfText(file('handout.pdf'), undefined, 'raw'));
    rendered.notes.forEach((notes, i) => {
      const tail = squash(notes).slice(-40);
      if (tail) expect(handout, `slide ${i + 1}: the end of its notes`).toContain(tail);
    });
  });
});

describe('deck.pptx and deck-images.pptx', () => {
  it('native: one slide per slide, with speaker notes on each', () => {
    const entries = zipEntries(file('deck.pptx'));
    expect(entries.filter((e) => /^ppt\/slides\/slide\d+\.xml$/.test(e))).toHaveLength(result.slides);
    const notes = entries.filter((e) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(e));
    expect(notes).toHaveLength(result.slides);
    const all = entries.filter((e) => /^ppt\/(slides|notesSlides)\/\w+\d+\.xml$/.test(e)).map((n) => zipText(file('deck.pptx'), n)).join('\n');
    expect(all).toContain('VA-ECMO is increasingly used for refractory cardiogenic shock');
  });

  it('pictures (marp-cli): one slide per slide, with the speaker notes', () => {
    const entries = zipEntries(file('deck-images.pptx'));
    expect(entries.filter((e) => /^ppt\/slides\/slide\d+\.xml$/.test(e))).toHaveLength(result.slides);
    expect(entries.filter((e) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(e))).toHaveLength(result.slides);
  });
});

describe('slides/*.png', () => {
  it('writes one 1280×720 image per slide', () => {
    const pngs = readdirSync(file('slides')).sort();
    expect(pngs).toHaveLength(result.slides);
    expect(pngs[0]).toBe('001.png');
    expect(pngSize(file('slides/001.png'))).toEqual({ width: 1280, height: 720 });
  });
});

describe('the run', () => {
  it('lists every file, warns about nothing unexpected and leaves no temp folder behind', () => {
    expect(result.files).toEqual(expect.arrayContaining(['deck.md', 'deck.html', 'deck.pdf', 'handout.pdf', 'deck.pptx', 'deck-images.pptx', 'slides/001.png']));
    expect(batch.skipped).toEqual([]);
    expect(batch.browser?.path).toBeTruthy();
    expect(readdirSync(temp)).toEqual([]);
    expect(readdirSync(join(work, 'out'))).toEqual([result.id]);
  });
});
