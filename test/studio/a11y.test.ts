// Accessibility of the studio page, checked by axe-core in a real Chromium
// with a deck, problems and checks on screen: no serious or critical
// violations, the deck inside the iframe included.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { startStudio, type StudioServer } from '../../src/studio/index.js';
import { chromiumPath } from '../helpers/browser.js';
import { deckAfter, levoecmoSummary, pasteSummary } from './helpers.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe('studio: accessibility (axe-core)', () => {
  let browser: Browser;
  let studio: StudioServer;
  beforeAll(async () => {
    studio = await startStudio({ port: 0 });
    browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  });
  afterAll(async () => {
    await browser?.close();
    await studio?.close();
  });

  async function audit(setup: (page: import('puppeteer-core').Page) => Promise<void>): Promise<Violation[]> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await page.goto(studio.url);
    await setup(page);
    // Evaluated through the DevTools protocol, which the page's CSP does not govern.
    // Into the deck's frame too, so axe checks the slides the iframe shows.
    for (const frame of page.frames()) await frame.evaluate(axeSource);
    const result = (await page.evaluate(() => (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe.run(document, { resultTypes: ['violations'] }))) as { violations: Violation[] };
    await page.close();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  const describeAll = (vs: Violation[]): string => vs.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n');

  it('the empty page has no serious or critical violations', async () => {
    const vs = await audit(async () => {});
    expect(vs, describeAll(vs)).toEqual([]);
  });

  it('with a deck, an error, problems and checks shown: none either', async () => {
    const vs = await audit(async (page) => {
      await pasteSummary(page, levoecmoSummary());
      await deckAfter(page, 0);
      await page.evaluate(() => {
        const s = (window as unknown as { studio: { text(): string; setText(t: string): void } }).studio;
        s.setText(s.text().replace(/events: \d+/, 'events: 999'));
      });
      await page.waitForFunction(() => document.querySelector('#problems li.error') !== null, { timeout: 30_000 });
    });
    expect(vs, describeAll(vs)).toEqual([]);
  });

  it('with the Form tab open on LEVOECMO, an error shown at its field: none either', async () => {
    const vs = await audit(async (page) => {
      await pasteSummary(page, levoecmoSummary());
      await deckAfter(page, 0);
      await page.click('#tab-form');
      await page.waitForSelector('#form input', { timeout: 30_000 });
      await page.evaluate(() => {
        const s = (window as unknown as { studio: { text(): string; setText(t: string): void } }).studio;
        s.setText(s.text().replace(/events: \d+/, 'events: 999'));
      });
      await page.waitForFunction(() => document.querySelector('#form .error-detail li') !== null, { timeout: 30_000 });
    });
    expect(vs, describeAll(vs)).toEqual([]);
  });
});
