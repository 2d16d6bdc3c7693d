// Marp never shrinks overflowing content. This opens each example deck in a
// real headless Chromium and checks that no slide's content overflows it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeDeck } from '../../src/build.js';
import { parseTrialText, inputFormat } from '../../src/trial/load.js';
import type { Browser } from 'puppeteer-core';
import { renderDeck } from '../../src/marp/render.js';
import { withBrowser } from '../helpers/browser.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const summaries = join(root, 'test/fixtures/summaries');
// LEVOECMO.txt there is a copy of the seed summary.
const inputs = readdirSync(summaries).filter((f) => f.endsWith('.txt')).map((f) => join(summaries, f));

interface SlideReport {
  index: number;
  title: string;
  scroll: number;
  client: number;
  wide: boolean;
  imageOutside: boolean;
}

async function measure(browser: Browser, html: string): Promise<SlideReport[]> {
        const page = await browser.newPage();
        await page.setViewport({ width: 1280, height: 720 });
        // Print media shows every slide at once (the screen view shows one).
        await page.emulateMediaType('print');
        await page.setContent(html, { waitUntil: 'load' });
        const report = await page.evaluate(() =>
          Array.from(document.querySelectorAll('#deck section')).map((s, index) => {
            const section = s as HTMLElement;
            const box = section.getBoundingClientRect();
            const imageOutside = Array.from(section.querySelectorAll('img')).some((img) => {
              const r = img.getBoundingClientRect();
              return r.bottom > box.bottom - 40 + 1 || r.right > box.right + 1 || r.width < 50;
            });
            return {
              index: index + 1,
              title: section.querySelector('h1,h2')?.textContent ?? '',
              scroll: section.scrollHeight,
              client: section.clientHeight,
              wide: section.scrollWidth > section.clientWidth,
              imageOutside,
            };
          }),
        );
        await page.close();
        return report;
}

const overflowing = (report: SlideReport[]): SlideReport[] => report.filter((r) => r.scroll > r.client || r.wide || r.imageOutside);

describe('no slide overflows (real Chromium)', () => {
  it('the check itself catches an overflowing slide', async () => {
    const { listThemes } = await import('../../src/themes/registry.js');
    const md = `---\ntheme: clinical\n---\n\n## Too long\n\n${Array.from({ length: 40 }, (_, i) => `- item ${i}`).join('\n')}\n\n---\n\n## Fine\n\n- one\n`;
    const rendered = renderDeck(md, { themes: await listThemes(), title: 't', author: 'a', description: 'd' });
    const report = await withBrowser((browser) => measure(browser, rendered.html));
    expect(overflowing(report).map((r) => r.title)).toEqual(['Too long']);
  });

  it('holds for LEVOECMO and every fixture trial, in every theme and the example department', async () => {
    // Themes change fonts, sizes and heading styles, so each can overflow where clinical does not.
    const { listThemes } = await import('../../src/themes/registry.js');
    const looks: { theme?: string; department?: string }[] = [...(await listThemes()).map((t) => ({ theme: t.name })), { department: 'example' }];
    await withBrowser(async (browser) => {
      for (const file of inputs) {
        const { trial, warnings } = parseTrialText(readFileSync(file, 'utf8'), file, inputFormat(file) ?? 'summary');
        for (const look of looks) {
          const deck = await makeDeck(trial, warnings, { ...look, cacheDir: false });
          const report = await measure(browser, deck.rendered.html);
          const bad = overflowing(report);
          const what = `${file} (${look.theme ?? `department ${look.department}`})`;
          expect(report.length, what).toBe(deck.rendered.slides.length);
          expect(bad, `${what}: overflowing slides`).toEqual([]);
        }
      }
    });
  }, 300_000);
});
