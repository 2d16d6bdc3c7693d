// End to end: in the built deck, opened in a real Chromium, every chart
// image's smallest text is at least 18 px on the 1280×720 slide. Where
// legibility.test.ts trusts the theme's placement boxes, this measures the
// scale the deck's own layout gives each image (rendered width / SVG width),
// so a slide that squeezes a chart under a table is caught too.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDeck } from '../../src/build.js';
import { MIN_SLIDE_TEXT_PX } from '../../src/charts/placement.js';
import { listThemes } from '../../src/themes/registry.js';
import { loadTrial } from '../../src/trial/load.js';
import { withBrowser } from '../helpers/browser.js';

const DATA = join(import.meta.dirname, '../../data');

/** The smallest font size an SVG (as a data URI) declares, in px. */
function smallestText(svg: string): number {
  const sizes = [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
  return Math.min(...sizes);
}

describe('chart text in the built deck (real Chromium)', () => {
  it('is at least 18 px on the slide for every chart of every example trial (every theme for LEVOECMO)', async () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.yaml')).sort();
    const themes = (await listThemes()).map((t) => t.name);
    const runs = [...files.map((file) => ({ file, theme: 'clinical' })), ...themes.filter((t) => t !== 'clinical').map((theme) => ({ file: 'levoecmo.yaml', theme }))];
    const small: string[] = [];
    await withBrowser(async (browser) => {
      for (const { file, theme } of runs) {
        const { trial, warnings } = await loadTrial(join(DATA, file));
        const deck = await makeDeck(trial, warnings, { theme, cacheDir: false });
        const page = await browser.newPage();
        await page.setViewport({ width: 1280, height: 720 });
        await page.emulateMediaType('print');
        await page.setContent(deck.rendered.html, { waitUntil: 'load' });
        const images = await page.evaluate(() =>
          Array.from(document.querySelectorAll('#deck section')).flatMap((s, slide) =>
            Array.from(s.querySelectorAll('img')).map((img) => ({
              slide: slide + 1,
              title: s.querySelector('h2')?.textContent ?? '',
              src: img.getAttribute('src') ?? '',
              scale: img.getBoundingClientRect().width / img.naturalWidth,
            })),
          ),
        );
        await page.close();
        for (const img of images) {
          const chart = deck.charts.find((c) => c.uri === img.src);
          if (!chart) continue; // a logo, not a chart
          const onSlide = smallestText(chart.svg) * img.scale;
          if (onSlide < MIN_SLIDE_TEXT_PX - 0.05) {
            small.push(`${file} (${theme}) slide ${img.slide} "${img.title}": ${chart.id} at scale ${img.scale.toFixed(2)} → ${onSlide.toFixed(1)} px`);
          }
        }
      }
    });
    // A chart under other blocks of a content slide is shrunk to 260 px tall (themes: --td-chart-under-height):
    // only the Bayesian chart is drawn for that. Others go on their own slide (layout 'chart'), or
    // beside the table as their `beside` drawing on a slide with class `chart-beside`.
    expect(small, 'charts shown below 18 px').toEqual([]);
  }, 600_000);
});
