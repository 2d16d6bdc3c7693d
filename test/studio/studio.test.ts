// trialdeck studio end to end, in a real Chromium: paste → deck, a bad edit
// keeps the last good deck and names its line, theme switch, downloads
// checked as files (PDF pages = slides, PPTX unzips), save back with .bak,
// and the keyboard-only path from paste to download.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type StudioServer } from '../../src/studio/index.js';
import { chromiumPath } from '../helpers/browser.js';
import { deckAfter, deckState, downloadsTo, levoecmoSummary, pasteSummary, root, shownVersion, waitForFile } from './helpers.js';

let browser: Browser;
let profile: string;
beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'td-test-chrome-'));
  browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`],
  });
});
afterAll(async () => {
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function openStudio(studio: StudioServer): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // A CSP violation is a console error: the page must need none of what the policy forbids.
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(studio.url);
  return { page, errors };
}

/** The 1-based line of the primary outcome's first `events:` in the editor's YAML. */
function eventsLine(yaml: string): { line: number; text: string } {
  const lines = yaml.split('\n');
  const start = lines.findIndex((l) => /^results:/.test(l));
  const i = lines.findIndex((l, k) => k > start && /^\s+events: \d+$/.test(l));
  return { line: i + 1, text: lines[i] as string };
}

describe('studio: paste, edit, theme, downloads', () => {
  let studio: StudioServer;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    studio = await startStudio({ port: 0 });
    ({ page, errors } = await openStudio(studio));
  });
  afterAll(async () => {
    await page?.close();
    await studio?.close();
  });

  it('pastes the LEVOECMO summary and shows its deck', async () => {
    await pasteSummary(page, levoecmoSummary());
    await deckAfter(page, 0);
    const deck = await deckState(page);
    expect(deck.count).toBeGreaterThan(20);
    expect(deck.count).toBe(studio.session.deck?.rendered.slides.length);
    expect(await page.$eval('#status', (e) => e.textContent)).toMatch(/Slides updated: \d+ slides/);
    const yaml = await page.evaluate(() => (window as unknown as { studio: { text(): string } }).studio.text());
    expect(yaml).toMatch(/^id: levoecmo$/m);
    expect(await page.$eval('#checks', (e) => e.textContent)).toMatch(/Number audit: \d+/);
    expect(errors).toEqual([]);
  });

  it('a bad edit (events above the total) names its line, keeps the last good deck and slide; the fix updates it', async () => {
    // Move to slide 3 first: the rebuilt deck must open on the same slide.
    await page.$eval('#deck', (f) => ((f as HTMLIFrameElement).contentWindow as unknown as { trialdeck: { show(i: number): void } }).trialdeck.show(2));
    const before = await shownVersion(page);
    const yaml = await page.evaluate(() => (window as unknown as { studio: { text(): string } }).studio.text());
    const { line, text } = eventsLine(yaml);
    const lines = yaml.split('\n');
    lines[line - 1] = text.replace(/\d+$/, '999');
    await page.evaluate((t: string) => (window as unknown as { studio: { setText(t: string): void } }).studio.setText(t), lines.join('\n'));
    await page.waitForFunction(() => document.querySelector('#problems li.error') !== null, { timeout: 30_000 });
    const problems = await page.$eval('#problems', (e) => e.textContent ?? '');
    expect(problems).toContain(`line ${line}`);
    expect(problems).toMatch(/events/);
    expect(await shownVersion(page)).toBe(before);
    expect(await page.$eval('#status', (e) => e.textContent)).toMatch(/last good deck/);
    // Clicking the error moves the editor's cursor to that line.
    await page.click('#problems li.error button.jump');
    const cursorLine = await page.evaluate(() => document.querySelector('.cm-activeLine')?.textContent ?? '');
    expect(cursorLine.trim()).toBe(lines[line - 1]?.trim());
    // …where the field itself is marked: the line underlined, a marker in the gutter.
    await page.waitForFunction(() => document.querySelector('.cm-lintRange-error') !== null && document.querySelector('.cm-lint-marker-error') !== null, { timeout: 10_000 });
    expect(await page.$eval('.cm-lintRange-error', (e) => e.closest('.cm-line')?.textContent ?? '')).toBe(lines[line - 1]);

    lines[line - 1] = text.replace(/\d+$/, '70');
    await page.evaluate((t: string) => (window as unknown as { studio: { setText(t: string): void } }).studio.setText(t), lines.join('\n'));
    await deckAfter(page, before);
    expect(await page.$eval('#problems', (e) => e.textContent)).not.toMatch(/Error/);
    expect((await deckState(page)).current).toBe(2);
    expect(studio.session.deck?.trial.results[0]?.arms).toBeDefined();
  });

  it('an edit swaps only the changed slides into the deck on show: no reload, same slide, the new text', async () => {
    type Frame = Window & { trialdeck: { show(i: number): void; current(): number }; loadMark?: number };
    const setTitle = async (suffix: string): Promise<void> => {
      const before = await shownVersion(page);
      const yaml = await page.evaluate(() => (window as unknown as { studio: { text(): string } }).studio.text());
      // The publication title (a folded scalar: its first text line) is on the title slide and the references.
      const edited = yaml.replace(/^( {2}title: >-\n {4}.*?)(?: edit-\w+)?$/m, `$1 ${suffix}`);
      expect(edited).not.toBe(yaml);
      await page.evaluate((t: string) => (window as unknown as { studio: { setText(t: string): void } }).studio.setText(t), edited);
      await deckAfter(page, before);
    };
    await setTitle('edit-one');
    await page.$eval('#deck', (f) => {
      const w = (f as HTMLIFrameElement).contentWindow as Frame;
      w.trialdeck.show(4);
      w.loadMark = 42;
      // Marks on slide elements: an unchanged slide must keep its element, a changed one gets a new one.
      w.document.querySelectorAll('#deck>.marpit>svg').forEach((el) => el.setAttribute('data-test-kept', '1'));
    });
    await setTitle('edit-two');
    const after = await page.$eval('#deck', (f) => {
      const w = (f as HTMLIFrameElement).contentWindow as Frame;
      const slides = [...w.document.querySelectorAll('#deck>.marpit>svg')];
      return {
        loadMark: w.loadMark,
        current: w.trialdeck.current(),
        titleSlide: slides[0]?.textContent ?? '',
        firstKept: slides[0]?.getAttribute('data-test-kept'),
        kept: slides.filter((el) => el.getAttribute('data-test-kept') === '1').length,
        count: slides.length,
        active: slides.findIndex((el) => el.classList.contains('active')),
      };
    });
    expect(after.loadMark).toBe(42);
    expect(after.current).toBe(4);
    expect(after.active).toBe(4);
    expect(after.titleSlide).toContain('edit-two');
    expect(after.firstKept).toBeNull();
    // The title is on the title slide and the references: every other slide is the element it was.
    expect(after.kept).toBeGreaterThan(after.count - 4);
    expect(after.count).toBe(studio.session.deck?.rendered.slides.length);
    expect(errors).toEqual([]);
  });

  it('switching the theme restyles the slides', async () => {
    const before = await shownVersion(page);
    expect((await deckState(page)).theme).toBe('clinical');
    await page.select('#theme', 'icu');
    await deckAfter(page, before);
    expect((await deckState(page)).theme).toBe('icu');
  });

  it('downloads a PPTX that unzips and a PDF with one page per slide', async () => {
    const dir = await downloadsTo(page);
    await page.click('[data-download="pptx"]');
    const pptx = await JSZip.loadAsync(await waitForFile(dir, 'deck.pptx'));
    const slideFiles = Object.keys(pptx.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    const count = (await deckState(page)).count;
    expect(pptx.file('ppt/presentation.xml')).not.toBeNull();
    expect(slideFiles.length).toBe(count);

    await page.click('[data-download="pdf"]');
    expect(await page.$eval('#progress', (e) => e.textContent)).toMatch(/Making the PDF|Downloaded/);
    const pdf = await PDFDocument.load(await waitForFile(dir, 'deck.pdf', 120_000));
    expect(pdf.getPageCount()).toBe(count);
    rmSync(dir, { recursive: true, force: true });
  });

  it('downloads everything as a zip, saying what it is making meanwhile', async () => {
    const dir = await downloadsTo(page);
    const seen = new Set<string>();
    const watch = setInterval(() => {
      void page.$eval('#progress', (e) => e.textContent ?? '').then((t) => seen.add(t), () => {});
    }, 50);
    await page.click('[data-download="zip"]');
    const zip = await JSZip.loadAsync(await waitForFile(dir, 'trialdeck.zip', 120_000));
    clearInterval(watch);
    expect(Object.keys(zip.files).sort()).toEqual(['deck.html', 'deck.pdf', 'deck.pptx', 'handout.pdf', 'trial.yaml']);
    expect([...seen].some((t) => /Making \d of 5: PDF/.test(t))).toBe(true);
    const handout = await PDFDocument.load(await (zip.file('handout.pdf') as JSZip.JSZipObject).async('uint8array'));
    expect(handout.getPageCount()).toBeGreaterThan(1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the department select restyles the slides too', async () => {
    const options = await page.$$eval('#department option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options).toContain('example');
    const before = await shownVersion(page);
    await page.select('#department', 'example');
    await deckAfter(page, before);
    expect(await page.$eval('#problems', (e) => e.textContent)).not.toMatch(/Error/);
    expect((await deckState(page)).theme).not.toBe('icu');
  });
});

describe('studio: open a file', () => {
  it('reads a ClinicalTrials.gov record chosen in the file input into trial YAML', async () => {
    const studio = await startStudio({ port: 0 });
    const { page } = await openStudio(studio);
    try {
      const input = await page.$('#file');
      await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(join(root, 'test/fixtures/ctgov/NCT00763412.json'));
      await page.waitForFunction(() => /nctId|NCT00763412/.test((window as unknown as { studio: { text(): string } }).studio.text()), { timeout: 30_000 });
      // Whatever the registry leaves to decide is listed, and the page says what happened.
      await page.waitForFunction(() => /Slides updated|Not updated/.test(document.getElementById('status')?.textContent ?? ''), { timeout: 60_000 });
      expect(await page.$eval('#problems', (e) => e.children.length)).toBeGreaterThan(0);
    } finally {
      await page.close();
      await studio.close();
    }
  });
});

describe('studio: a blank outline', () => {
  it('fills the paste box with the summary headings; filled in, it makes a deck', async () => {
    const studio = await startStudio({ port: 0 });
    const { page } = await openStudio(studio);
    try {
      await page.click('#outline');
      const outline = await page.$eval('#paste', (e) => (e as HTMLTextAreaElement).value);
      expect(outline).toMatch(/^Publication\n- Title: </);
      expect(outline).toContain('| Outcome |');
      // A clinician's first pass: the primary outcome's numbers filled in.
      const filled = outline.replace('| <primary outcome> (primary) | <events>/<total> (<%>) | <events>/<total> (<%>) | RR <value> | 95% CI <low> to <high>; P=<p> | |', '| Death at day 28 (primary) | 30/100 (30.0%) | 40/100 (40.0%) | RR 0.75 | 95% CI 0.51 to 1.10; P=0.14 | |');
      await pasteSummary(page, filled);
      await deckAfter(page, 0);
      expect((await deckState(page)).count).toBeGreaterThan(3);
    } finally {
      await page.close();
      await studio.close();
    }
  });
});

describe('studio: drop a file', () => {
  it('a summary dropped on the page becomes the deck', async () => {
    const studio = await startStudio({ port: 0 });
    const { page, errors } = await openStudio(studio);
    try {
      await page.evaluate((text: string) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'LEVOECMO.txt', { type: 'text/plain' }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      }, levoecmoSummary());
      await deckAfter(page, 0);
      expect((await deckState(page)).count).toBeGreaterThan(20);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await studio.close();
    }
  });
});

describe('studio: save back to the started file', () => {
  it('writes the editor text to the file atomically and keeps a .bak', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'td-studio-save-'));
    const file = join(dir, 'levoecmo.yaml');
    copyFileSync(join(root, 'data/levoecmo.yaml'), file);
    const original = readFileSync(file, 'utf8');
    const studio = await startStudio({ port: 0, file });
    const { page, errors } = await openStudio(studio);
    try {
      await deckAfter(page, 0);
      const edited = original.replace(/^id: levoecmo$/m, 'id: levoecmo-studio');
      await page.evaluate((t: string) => (window as unknown as { studio: { setText(t: string): void } }).studio.setText(t), edited);
      await page.click('#save');
      await page.waitForFunction(() => /Saved to levoecmo\.yaml/.test(document.getElementById('progress')?.textContent ?? ''), { timeout: 30_000 });
      expect(readFileSync(file, 'utf8')).toBe(edited);
      expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await studio.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('studio: keyboard only, from paste to download', () => {
  it('reaches every step with Tab and Enter', async () => {
    const studio = await startStudio({ port: 0 });
    const { page } = await openStudio(studio);
    const dir = await downloadsTo(page);
    const focusOn = async (selector: string): Promise<void> => {
      for (let i = 0; i < 300; i++) {
        if (await page.evaluate((s: string) => document.activeElement?.matches(s) ?? false, selector)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    try {
      await focusOn('#paste');
      // sendCharacter inserts the text as typing (or a paste) would, in one input event.
      await page.keyboard.sendCharacter(levoecmoSummary());
      await focusOn('#use-paste');
      await page.keyboard.press('Enter');
      await deckAfter(page, 0);
      await focusOn('[data-download="pptx"]');
      await page.keyboard.press('Enter');
      const pptx = await JSZip.loadAsync(await waitForFile(dir, 'deck.pptx'));
      expect(pptx.file('ppt/presentation.xml')).not.toBeNull();
      expect(existsSync(join(dir, 'deck.pptx'))).toBe(true);
    } finally {
      await page.close();
      await studio.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
