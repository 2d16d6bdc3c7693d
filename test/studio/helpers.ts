// Shared by the studio tests: a studio in a real Chromium, downloads into a
// folder, and raw HTTP requests that can lie about Host and Origin.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const levoecmoSummary = (): string => readFileSync(join(root, 'test/fixtures/summaries/LEVOECMO.txt'), 'utf8');

export interface Raw {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

export function raw(port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { 'content-length': Buffer.byteLength(body), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Sends every download of this page into a fresh folder. */
export async function downloadsTo(page: Page): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'td-studio-dl-'));
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
  return dir;
}

/** Waits until `name` is in `dir` and Chromium has finished writing it. */
export async function waitForFile(dir: string, name: string, timeoutMs = 60_000): Promise<Buffer> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const partial = readdirSync(dir).some((f) => f.endsWith('.crdownload'));
    if (existsSync(join(dir, name)) && !partial) return readFileSync(join(dir, name));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} was not downloaded within ${timeoutMs} ms`);
}

/** The deck version the iframe shows, once it has loaded one newer than `after`. */
export async function deckAfter(page: Page, after: number, timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction((v: number) => Number(document.getElementById('deck')?.getAttribute('data-version') ?? 0) > v, { timeout: timeoutMs }, after);
  return shownVersion(page);
}

export function shownVersion(page: Page): Promise<number> {
  return page.$eval('#deck', (f) => Number(f.getAttribute('data-version') ?? 0));
}

/** What the deck in the iframe shows: slide count, current slide, theme. */
export function deckState(page: Page): Promise<{ count: number; current: number; theme: string | null }> {
  return page.$eval('#deck', (f) => {
    const w = (f as HTMLIFrameElement).contentWindow as Window & { trialdeck: { count: number; current(): number } };
    return { count: w.trialdeck.count, current: w.trialdeck.current(), theme: w.document.querySelector('section[data-theme]')?.getAttribute('data-theme') ?? null };
  });
}

export async function pasteSummary(page: Page, text: string): Promise<void> {
  await page.$eval('#paste', (el, v) => {
    (el as HTMLTextAreaElement).value = v;
  }, text);
  await page.click('#use-paste');
}
