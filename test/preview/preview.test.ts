// `trialdeck preview` end to end in a real headless Chromium: navigate, edit
// the trial file, watch the tab reload on the same slide, break the file, see
// the overlay, fix it, see the deck again. Then the DNS-rebinding guard and a
// clean shutdown.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { withBrowser } from '../helpers/browser.js';
import { broken, EventLog, rawGet, trialCopy, withBackgroundMarker } from './helpers.js';

declare global {
  interface Window {
    trialdeck: { show(i: number): void; current(): number; count: number };
    tdBeforeEdit?: boolean;
  }
}

const MARKER = `PREVIEW-MARKER-${process.pid}`;
let copy: ReturnType<typeof trialCopy>;
let server: PreviewServer;
const log = new EventLog();

beforeAll(async () => {
  copy = trialCopy('td-preview-e2e-');
  server = await startPreview({ input: copy.file, port: 0, onEvent: log.listener });
});
afterAll(async () => {
  await server?.close();
  rmSync(copy.dir, { recursive: true, force: true });
});

interface SlideState {
  hash: string;
  current: number;
  visible: number[];
  activeText: string;
  overlay: { shown: boolean; text: string };
  sameDocument: boolean;
}

/** What the user sees: which slides are visible, the active one's text, the overlay. */
function state(page: Page): Promise<SlideState> {
  return page.evaluate(() => {
    const slides = [...document.querySelectorAll<SVGElement>('#deck > .marpit > svg')];
    const visible = slides.flatMap((s, i) => (getComputedStyle(s).display !== 'none' && s.getBoundingClientRect().width > 0 ? [i] : []));
    const overlay = document.getElementById('td-preview-error');
    const shown = !!overlay && getComputedStyle(overlay).display !== 'none' && overlay.getBoundingClientRect().height > 0;
    return {
      hash: location.hash,
      current: window.trialdeck.current(),
      visible,
      activeText: document.querySelector('#deck > .marpit > svg.active')?.textContent ?? '',
      overlay: { shown, text: overlay?.textContent ?? '' },
      sameDocument: window.tdBeforeEdit === true,
    };
  });
}

/** Polls through reloads (an evaluate during navigation throws) until `ok` holds. */
async function waitForState(page: Page, ok: (s: SlideState) => boolean, what: string, timeoutMs = 20_000): Promise<SlideState> {
  const until = Date.now() + timeoutMs;
  let last: SlideState | undefined;
  while (Date.now() < until) {
    try {
      last = await state(page);
      if (ok(last)) return last;
    } catch {
      // The page is reloading.
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(last && { ...last, activeText: last.activeText.slice(0, 200) })}`);
}

describe('trialdeck preview in Chromium', () => {
  it('navigates, reloads edits on the same slide, shows and clears build errors', async () => {
    await withBrowser(async (browser) => {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 720 });
      await page.goto(server.url, { waitUntil: 'load' });

      // 1. The deck is there, first slide shown, no overlay.
      const first = await state(page);
      expect(await page.evaluate(() => window.trialdeck.count)).toBeGreaterThan(3);
      expect(first.visible).toEqual([0]);
      expect(first.overlay.shown).toBe(false);

      // 2. Arrow keys: slide 3, in the URL and on screen.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const third = await state(page);
      expect(third.hash).toBe('#3');
      expect(third.current).toBe(2);
      expect(third.visible).toEqual([2]);
      expect(third.activeText).not.toContain(MARKER);

      // 3. Edit the data: the tab reloads by itself and stays on slide 3.
      await page.evaluate(() => {
        window.tdBeforeEdit = true;
      });
      const rebuilt = log.next('rebuilt');
      writeFileSync(copy.file, withBackgroundMarker(copy.text, MARKER));
      expect((await rebuilt).changed).toEqual(['data']);
      const edited = await waitForState(page, (s) => s.activeText.includes(MARKER), 'the marker on the active slide');
      expect(edited.sameDocument).toBe(false); // reloaded, not patched
      expect(edited.hash).toBe('#3');
      expect(edited.current).toBe(2);
      expect(edited.visible).toEqual([2]);
      expect(edited.overlay.shown).toBe(false);

      // 4. Break the YAML: the overlay names the file and line; the deck stays underneath.
      await page.evaluate(() => {
        window.tdBeforeEdit = true;
      });
      const bad = broken(withBackgroundMarker(copy.text, MARKER));
      const failed = log.next('error');
      writeFileSync(copy.file, bad.text);
      const error = await failed;
      expect(error.report.message).toMatch(/levoecmo\.yaml: not valid YAML/);
      const overlaid = await waitForState(page, (s) => s.overlay.shown, 'the error overlay');
      const where = /levoecmo\.yaml:(\d+):(\d+): /.exec(overlaid.overlay.text);
      expect(where, overlaid.overlay.text).not.toBeNull();
      expect(Number(where?.[1])).toBeGreaterThanOrEqual(bad.line);
      expect(overlaid.overlay.text).toContain('build failed');
      expect(overlaid.activeText).toContain(MARKER);
      expect(overlaid.visible).toEqual([2]);
      expect(overlaid.hash).toBe('#3');

      // A tab opened now gets the overlay from the server, over the last good deck.
      const fresh = await browser.newPage();
      await fresh.goto(`${server.url}#3`, { waitUntil: 'load' });
      const freshState = await state(fresh);
      expect(freshState.overlay.shown).toBe(true);
      expect(freshState.overlay.text).toMatch(/levoecmo\.yaml:\d+:\d+: /);
      expect(freshState.activeText).toContain(MARKER);
      await fresh.close();

      // 5. Fix it: overlay gone, deck reloaded, still on slide 3 with the marker.
      const fixed = log.next('rebuilt');
      writeFileSync(copy.file, withBackgroundMarker(copy.text, MARKER));
      await fixed;
      const back = await waitForState(page, (s) => !s.overlay.shown && !s.sameDocument, 'the overlay to go');
      expect(back.activeText).toContain(MARKER);
      expect(back.hash).toBe('#3');
      expect(back.visible).toEqual([2]);
    });
  });

  it('refuses requests whose Host is not localhost or 127.0.0.1 (DNS rebinding)', async () => {
    const port = server.port;
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost:${port + 1}`]) {
      expect((await rawGet(port, '/', host)).status, host).toBe(403);
      expect((await rawGet(port, '/__events', host)).status, host).toBe(403);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost']) {
      const ok = await rawGet(port, '/', host);
      expect(ok.status, host).toBe(200);
      expect(ok.headers['content-security-policy']).toMatch(/connect-src 'self'/);
    }
  });

  it('close() ends the streams, frees the port and removes the temp folder', async () => {
    const { port, tempDir } = server;
    expect(existsSync(tempDir)).toBe(true);
    const stream = rawGet(port, '/__events?v=current', `127.0.0.1:${port}`, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await server.close();
    // The open event stream was ended by close(), not by rawGet's own timeout.
    expect((await stream).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(existsSync(tempDir)).toBe(false);
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    await expect(server.rebuild()).rejects.toThrow(/closed/);
  });
});
