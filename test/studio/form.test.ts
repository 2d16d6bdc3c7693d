// The Form tab end to end, in a real Chromium on LEVOECMO: a bad number typed
// in the form shows at its field and keeps the last good deck, the fix updates
// it; arms and results rows are added and removed through the form and the
// YAML follows with its comments intact; a problem clicked in the list
// focuses its field; all of it without one CSP violation; and keyboard only.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, type StudioServer } from '../../src/studio/index.js';
import { chromiumPath } from '../helpers/browser.js';
import { deckAfter, root, shownVersion } from './helpers.js';

const COMMENT = '  # hand-written: the acronym the slides use';
const EVENTS = 'tdf.results.0.arms.levosimendan.events';
const byId = (id: string): string => `[id="${id}"]`;

interface Trial {
  results: { name: string; arms: Record<string, unknown> }[];
}

let browser: Browser;
let studio: StudioServer;
let dir: string;
let page: Page;
const errors: string[] = [];

const yamlText = (): Promise<string> => page.evaluate(() => (window as unknown as { studio: { text(): string } }).studio.text());
const waitForYaml = (pred: string): Promise<unknown> => page.waitForFunction(pred, { timeout: 30_000 });

/** Replaces a form field's value the way a person does: select all, type. */
async function typeInto(id: string, value: string): Promise<void> {
  await page.focus(byId(id));
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(value);
}

async function openForm(p: Page): Promise<void> {
  await p.click('#tab-form');
  await p.waitForSelector(byId(EVENTS), { timeout: 30_000 });
}

async function newPage(): Promise<Page> {
  const p = await browser.newPage();
  // Any script, style or eval the page's CSP refuses lands here (and as a console error).
  await p.evaluateOnNewDocument(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await p.setViewport({ width: 1400, height: 900 });
  await p.goto(studio.url);
  await deckAfter(p, 0);
  return p;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'td-studio-form-'));
  const levo = readFileSync(join(root, 'data/levoecmo.yaml'), 'utf8');
  const file = join(dir, 'levoecmo.yaml');
  writeFileSync(file, levo.replace('  acronym: LEVOECMO\n', `${COMMENT}\n  acronym: LEVOECMO\n`));
  studio = await startStudio({ port: 0, file });
  browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
  page = await newPage();
});
afterAll(async () => {
  await browser?.close();
  await studio?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('studio: the Form tab', () => {
  it('shows the trial in a form generated from the schema, with help text, and no CSP violation', async () => {
    await openForm(page);
    expect(await page.$eval(byId(EVENTS), (e) => (e as HTMLInputElement).value)).toBe('69');
    expect(await page.$eval('#tab-form', (e) => e.getAttribute('aria-selected'))).toBe('true');
    expect(await page.$eval('#panel-yaml', (e) => (e as HTMLElement).hidden)).toBe(true);
    // Help text comes from the schema's descriptions.
    expect(await page.$eval('#form', (e) => e.textContent)).toMatch(/One quantity per arm id/);
    // The arm's quantity kind is chosen by the schema's oneOf, which needs the (precompiled) validator.
    expect(await page.$eval(byId('tdf.results.0.arms.levosimendan__oneof_select'), (e) => (e as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('events');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('an impossible number typed in the form shows at its field and keeps the last good deck; the fix updates it', async () => {
    const before = await yamlText();
    await typeInto(EVENTS, '999');
    await waitForYaml(`window.studio.text().includes('        events: 999\\n')`);
    // Only that line changed: no defaults or re-printing elsewhere.
    const after = (await yamlText()).split('\n');
    expect(before.split('\n').filter((l, i) => l !== after[i])).toEqual(['        events: 69']);
    expect(after.length).toBe(before.split('\n').length);
    await page.waitForFunction((id: string) => (document.getElementById(`${id}__error`)?.textContent ?? '').length > 0, { timeout: 30_000 }, EVENTS);
    expect(await page.$eval(byId(`${EVENTS}__error`), (e) => e.textContent)).toMatch(/Error/);
    expect(await page.$eval('#status', (e) => e.textContent)).toMatch(/Not updated.*last good deck/);
    const good = await shownVersion(page);
    await new Promise((r) => setTimeout(r, 500));
    expect(await shownVersion(page)).toBe(good);

    await typeInto(EVENTS, '69');
    await deckAfter(page, good);
    // Typing "69" can build twice ("6", then "69"): wait for the last build, not the first.
    await page.waitForFunction(() => /Slides updated/.test(document.getElementById('status')?.textContent ?? ''), { timeout: 30_000 });
    await page.waitForFunction((id: string) => !document.getElementById(`${id}__error`)?.textContent, { timeout: 30_000 }, EVENTS);
  });

  it('clicking a problem in the list focuses its field in the form', async () => {
    await typeInto(EVENTS, '500');
    const jump = await page.waitForSelector('#problems li.error button.jump', { timeout: 30_000 });
    expect(await jump?.evaluate((b) => b.textContent)).toMatch(/results\[0\]\.arms\.levosimendan/);
    await page.focus('#tab-form');
    await jump?.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^tdf\.results\.0\.arms\.levosimendan/);
    await typeInto(EVENTS, '69');
    await page.waitForFunction(() => document.querySelector('#problems li.error') === null, { timeout: 30_000 });
  });

  it('adds an arm entry to a results row through the form, picks its kind, and removes it', async () => {
    await page.click(byId('tdf.results.0.arms__add'));
    await waitForYaml(`(window.studio.text().match(/^results:[\\s\\S]*?^    effect:/m) || [''])[0].includes('newKey')`);
    const added = parse(await yamlText()) as Trial;
    expect(Object.keys(added.results[0]?.arms ?? {})).toEqual(['levosimendan', 'placebo', 'newKey']);
    expect(added.results[0]?.arms.newKey).toEqual({ kind: 'events' });
    // Another kind picked for the new entry: its `kind` follows in the YAML.
    await page.select(byId('tdf.results.0.arms.newKey__oneof_select'), '1');
    await page.waitForFunction(() => /newKey:\n {8}kind: count\n/.test((window as unknown as { studio: { text(): string } }).studio.text()), { timeout: 30_000 });
    await page.waitForSelector(byId('tdf.results.0.arms.newKey__remove'));
    await page.click(byId('tdf.results.0.arms.newKey__remove'));
    await waitForYaml(`!window.studio.text().includes('newKey')`);
  });

  it('adds a results row through the form and fills in its name: a block entry at the end of results', async () => {
    const rows = (parse(await yamlText()) as Trial).results.length;
    await page.click(byId('tdf.results__add'));
    const name = `tdf.results.${rows}.name`;
    await page.waitForSelector(byId(name), { timeout: 30_000 });
    await page.type(byId(name), 'New outcome');
    await page.waitForFunction(() => /\n  - name: New outcome\n\n?resultsSummary:/.test((window as unknown as { studio: { text(): string } }).studio.text()), { timeout: 30_000 });
    // And removed again, so the rows below are LEVOECMO's.
    await page.click(byId(`tdf.results.${rows}__remove`));
    await waitForYaml(`!window.studio.text().includes('New outcome')`);
    expect((parse(await yamlText()) as Trial).results.length).toBe(rows);
  });

  it('removes a results row; the YAML loses that row only and a comment elsewhere survives', async () => {
    const before = await yamlText();
    const rows = (parse(before) as Trial).results;
    const v = await shownVersion(page);
    await page.click(byId('tdf.results.1__remove'));
    await waitForYaml(`!window.studio.text().includes(${JSON.stringify(`- name: ${rows[1]?.name}`)})`);
    const after = await yamlText();
    expect((parse(after) as Trial).results.map((r) => r.name)).toEqual(rows.filter((_, i) => i !== 1).map((r) => r.name));
    expect(after).toContain(`${COMMENT}\n`);
    expect(after.split('\n')[0]).toBe(before.split('\n')[0]);
    await deckAfter(page, v);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });

  it('a YAML edit shows in the form; YAML that does not parse leaves the form as it was', async () => {
    await page.click('#tab-yaml');
    await page.evaluate(() => {
      const s = (window as unknown as { studio: { text(): string; setText(t: string): void } }).studio;
      s.setText(s.text().replace('        events: 69\n', '        events: 68\n'));
    });
    await page.click('#tab-form');
    await page.waitForFunction((sel: string) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '68', { timeout: 30_000 }, byId(EVENTS));
    // YAML that does not parse: the form keeps the last data that did and says why.
    await page.evaluate(() => {
      const s = (window as unknown as { studio: { text(): string; setText(t: string): void } }).studio;
      s.setText(s.text().replace('        events: 68\n', '        events: [68\n'));
    });
    await page.waitForFunction(() => /does not parse/.test(document.getElementById('form-status')?.textContent ?? ''), { timeout: 30_000 });
    expect(await page.$eval(byId(EVENTS), (e) => (e as HTMLInputElement).value)).toBe('68');
    await page.evaluate(() => {
      const s = (window as unknown as { studio: { text(): string; setText(t: string): void } }).studio;
      s.setText(s.text().replace('        events: [68\n', '        events: 69\n'));
    });
    await page.waitForFunction((sel: string) => (document.querySelector(sel) as HTMLInputElement | null)?.value === '69', { timeout: 30_000 }, byId(EVENTS));
    expect(await page.$eval('#form-status', (e) => e.textContent)).toBe('');
  });

  it('a field emptied and typed again comes back on its own line', async () => {
    const before = await yamlText();
    await typeInto('tdf.publication.journal', '');
    await page.keyboard.press('Backspace');
    await waitForYaml(`!/^  journal:/m.test(window.studio.text())`);
    await page.keyboard.type('JAMA');
    await waitForYaml(`/^  journal: JAMA$/m.test(window.studio.text())`);
    const after = (await yamlText()).split('\n');
    expect(before.split('\n').map((l, i) => (l === after[i] ? '' : `${i}: ${l} -> ${after[i]}`)).filter(Boolean)).toEqual([]);
  });

  it('keyboard only: Tab to the tabs, arrow to Form, Tab to a field and change it', async () => {
    const p = await newPage();
    let steps = 0;
    while ((await p.evaluate(() => document.activeElement?.id)) !== 'tab-yaml' && steps++ < 40) await p.keyboard.press('Tab');
    await p.keyboard.press('ArrowLeft');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('tab-form');
    await p.waitForSelector(byId(EVENTS), { timeout: 30_000 });
    steps = 0;
    while ((await p.evaluate(() => document.activeElement?.id)) !== 'tdf.id' && steps++ < 20) await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('tdf.id');
    await p.keyboard.press('End');
    await p.keyboard.type('-kb');
    await p.waitForFunction(() => /^id: levoecmo-kb$/m.test((window as unknown as { studio: { text(): string } }).studio.text()), { timeout: 30_000 });
    await p.close();
  });

  it('a new trial starts as a blank form: each empty required field shows its error there, and what is typed reaches the YAML', async () => {
    const p = await newPage();
    p.on('dialog', (d) => void d.accept());
    await p.click('#start summary');
    await p.click('#new-trial');
    expect(await p.$eval('#tab-form', (e) => e.getAttribute('aria-selected'))).toBe('true');
    const title = 'tdf.publication.title';
    await p.waitForSelector(byId(title), { timeout: 30_000 });
    // The first build lists what is missing, each at its own field and in the Problems list.
    await p.waitForFunction((id: string) => (document.getElementById(`${id}__error`)?.textContent ?? '').length > 0, { timeout: 30_000 }, title);
    const problems = await p.$eval('#problems', (e) => e.textContent ?? '');
    for (const path of ['publication.title', 'publication.year', 'arms[0].label', 'results[0].name', 'results[0].arms.intervention.events']) expect(problems).toContain(path);
    await p.focus(byId('tdf.publication.acronym'));
    await p.keyboard.type('NEWTRIAL');
    await p.waitForFunction(() => /^ {2}acronym: NEWTRIAL$/m.test((window as unknown as { studio: { text(): string } }).studio.text()), { timeout: 30_000 });
    await p.close();
  });
});
