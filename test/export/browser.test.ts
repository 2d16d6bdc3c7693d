// Browser discovery, the locked-down page, the shared browser and clean-up,
// in-process against a real Chromium.
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDecks } from '../../src/build.js';
import { TrialdeckError } from '../../src/errors.js';
import { discoverBrowser, wellKnownPaths } from '../../src/export/browser-discovery.js';
import { BrowserSession } from '../../src/export/browser-session.js';
import { convertPptx } from '../../src/export/pptx.js';

const TRIAL = 'data/levoecmo.yaml';
let work: string;
const savedChromePath = process.env.CHROME_PATH;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'td-browser-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => {
  if (savedChromePath === undefined) delete process.env.CHROME_PATH;
  else process.env.CHROME_PATH = savedChromePath;
  vi.restoreAllMocks();
});

const fresh = (name: string): string => {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe('discoverBrowser', () => {
  it('rejects a --browser-path that does not exist or cannot run, naming it', async () => {
    const missing = join(work, 'no-such-chrome');
    await expect(discoverBrowser({ browserPath: missing })).rejects.toMatchObject({ code: 'BROWSER_NOT_FOUND', message: expect.stringContaining(missing) });
    const notExecutable = join(work, 'chrome.txt');
    writeFileSync(notExecutable, 'not a browser');
    chmodSync(notExecutable, 0o644);
    await expect(discoverBrowser({ browserPath: notExecutable })).rejects.toBeInstanceOf(TrialdeckError);
  });

  it('rejects a CHROME_PATH pointing nowhere, naming the variable', async () => {
    const err = await discoverBrowser({ env: { CHROME_PATH: '/nowhere/chrome' } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BROWSER_NOT_FOUND' });
    expect((err as Error).message).toMatch(/^CHROME_PATH \/nowhere\/chrome:/);
  });

  it('takes --browser-path before CHROME_PATH, and CHROME_PATH before searching', async () => {
    const fake = join(work, 'fake-chrome');
    writeFileSync(fake, '#!/bin/sh\n');
    chmodSync(fake, 0o755);
    expect(await discoverBrowser({ browserPath: fake, env: { CHROME_PATH: '/nowhere' } })).toEqual({ path: fake, source: 'option' });
    expect(await discoverBrowser({ env: { CHROME_PATH: fake } })).toEqual({ path: fake, source: 'CHROME_PATH' });
  });

  it('finds a browser on PATH by its well-known names, and nothing when searching is off', async () => {
    const bin = fresh('bin');
    const chromium = join(bin, 'chromium-browser');
    writeFileSync(chromium, '#!/bin/sh\n');
    chmodSync(chromium, 0o755);
    // 'freebsd' has no well-known install paths, so only PATH can find it.
    expect(await discoverBrowser({ env: { PATH: bin }, search: 'system', platform: 'freebsd' })).toEqual({ path: chromium, source: 'system' });
    expect(await discoverBrowser({ env: { PATH: bin }, search: 'none' })).toBeUndefined();
    await expect(discoverBrowser({ env: { TRIALDECK_BROWSER_SEARCH: 'everywhere' } })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('knows where Chrome, Chromium and Edge live on macOS and Windows', () => {
    expect(wellKnownPaths('darwin', { HOME: '/Users/a' })).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(wellKnownPaths('darwin', { HOME: '/Users/a' })).toContain('/Users/a/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(wellKnownPaths('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
  });
});

describe('BrowserSession pages', () => {
  let server: Server;
  let hits = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('run no page script and make no network request; data: images still load', async () => {
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    const svg = encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"/>');
    const html = `<!DOCTYPE html><html><head><title>before</title><link rel="stylesheet" href="${url}/a.css"></head>
<body><img id="remote" src="${url}/a.png"><img id="local" src="data:image/svg+xml,${svg}">
<iframe src="${url}/frame"></iframe><script>document.title = 'script ran'; fetch('${url}/fetch');</script></body></html>`;
    const session = new BrowserSession({ tmpDir: fresh('session-tmp') });
    try {
      const seen = await session.withPage(async (page) => {
        await page.setContent(html, { waitUntil: 'load' });
        return page.evaluate(() => ({
          title: document.title,
          local: (document.getElementById('local') as HTMLImageElement).naturalWidth,
          remote: (document.getElementById('remote') as HTMLImageElement).naturalWidth,
        }));
      });
      expect(seen).toEqual({ title: 'before', local: 20, remote: 0 });
      expect(hits).toBe(0);
    } finally {
      await session.close();
    }
    expect(readdirSync(join(work, 'session-tmp'))).toEqual([]);
  });
});

describe('convertPptx', () => {
  it('reports a marp-cli failure on every deck of the call instead of throwing', async () => {
    const results = await convertPptx([{ id: 'a', markdown: '# A' }, { id: 'b', markdown: '# B' }], {
      browserPath: '/bin/true',
      themeDir: 'themes',
      themes: [],
      workDir: fresh('pptx-fail'),
    });
    expect([...results.keys()]).toEqual(['a', 'b']);
    for (const r of results.values()) {
      expect(r).toBeInstanceOf(TrialdeckError);
      expect(r).toMatchObject({ code: 'EXPORT', message: expect.stringMatching(/^PPTX conversion \(marp-cli\) failed: Failed to launch the browser process/) });
    }
  });
});

describe('buildDecks and the browser', () => {
  it('launches one browser for a whole batch and removes its profile afterwards', async () => {
    const launch = vi.spyOn(puppeteer, 'launch');
    const temp = fresh('batch-tmp');
    const out = join(work, 'batch-out');
    const batch = await buildDecks([TRIAL, 'data/recovery.yaml'], { outDir: out, formats: ['pdf', 'handout'], cacheDir: false, tmpDir: temp });
    expect(batch.failures).toEqual([]);
    expect(batch.results).toHaveLength(2);
    for (const r of batch.results) expect(r.files).toEqual(expect.arrayContaining(['deck.pdf', 'handout.pdf']));
    expect(launch).toHaveBeenCalledTimes(1);
    const args = (launch.mock.calls[0]?.[0]?.args ?? []).join(' ');
    for (const flag of ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-quic']) {
      expect(args).toContain(flag);
    }
    if (process.getuid?.() === 0) expect(args).toContain('--no-sandbox');
    expect(launch.mock.calls[0]?.[0]?.userDataDir).toMatch(new RegExp(`^${temp}/trialdeck-`));
    expect(readdirSync(temp)).toEqual([]);
  });

  it('removes the profile and the staging folder when a deck fails after the browser started', async () => {
    const templates = fresh('broken-templates');
    cpSync('templates', templates, { recursive: true });
    writeFileSync(join(templates, 'handout.hbs'), readFileSync('templates/handout.hbs', 'utf8').replace('{{/each}}', ''));
    const temp = fresh('fail-tmp');
    const out = join(work, 'fail-out');
    const launch = vi.spyOn(puppeteer, 'launch');
    const batch = await buildDecks([TRIAL], { outDir: out, formats: ['md', 'pdf', 'handout'], cacheDir: false, tmpDir: temp, templateDir: templates });
    expect(launch).toHaveBeenCalledTimes(1);
    expect(batch.failures).toHaveLength(1);
    expect(batch.failures[0]?.error).toMatchObject({ code: 'TEMPLATE' });
    expect(readdirSync(temp)).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('removes the profile when every deck fails while the browser is still starting', async () => {
    // The trial loads (which starts the browser), then composing fails at once.
    const templates = fresh('broken-deck-templates');
    cpSync('templates', templates, { recursive: true });
    writeFileSync(join(templates, 'deck.hbs'), '{{#if vm}}never closed');
    const temp = fresh('early-fail-tmp');
    const launch = vi.spyOn(puppeteer, 'launch');
    const batch = await buildDecks([TRIAL], { outDir: join(work, 'early-out'), formats: ['pdf'], tmpDir: temp, templateDir: templates, cacheDir: false });
    expect(batch.failures[0]?.error).toMatchObject({ code: 'TEMPLATE' });
    expect(launch).toHaveBeenCalledTimes(1);
    // Chromium's helpers could recreate the profile just after it was removed: look again a moment later.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readdirSync(temp)).toEqual([]);
  });

  it('does not start a browser when no trial even loads', async () => {
    const launch = vi.spyOn(puppeteer, 'launch');
    const batch = await buildDecks(['no-such-trial.yaml'], { outDir: join(work, 'none-out'), formats: ['pdf'], tmpDir: fresh('none-tmp') });
    expect(batch.failures[0]?.error).toMatchObject({ code: 'INPUT_NOT_FOUND' });
    expect(launch).not.toHaveBeenCalled();
  });

  it('without any browser writes HTML, Markdown and the native PPTX, skips the rest and says how to get them', async () => {
    delete process.env.CHROME_PATH;
    const out = join(work, 'nobrowser-out');
    const batch = await buildDecks([TRIAL], { outDir: out, formats: ['md', 'html', 'pdf', 'handout', 'pptx'], cacheDir: false, browserSearch: 'none' });
    expect(batch.failures).toEqual([]);
    expect(batch.skipped).toEqual(['pdf', 'handout']);
    expect(batch.results[0]?.files.filter((f) => !f.startsWith('charts/'))).toEqual(['deck.md', 'deck.html', 'deck.pptx']);
    const message = batch.warnings.map((w) => w.message).join('\n');
    for (const hint of ['no Chrome, Chromium or Edge found', 'pdf, handout were skipped', 'apt install chromium', 'CHROME_PATH', '--browser-path', 'npm install @sparticuz/chromium']) {
      expect(message).toContain(hint);
    }
  });

  it('fails a wrong browserPath before building anything', async () => {
    const out = join(work, 'badpath-out');
    await expect(buildDecks([TRIAL], { outDir: out, formats: ['md', 'html'], browserPath: '/opt/nothing/chrome' })).rejects.toMatchObject({
      code: 'BROWSER_NOT_FOUND',
      message: expect.stringContaining('/opt/nothing/chrome'),
    });
    expect(() => readdirSync(out)).toThrow();
  });
});
