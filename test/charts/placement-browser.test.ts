// The placement scale that legibility.test.ts assumes, checked in a real
// Chromium with the real themes: a chart image on a `chart` slide, and the
// forest plot's beside drawing on a `chart-beside` slide, are drawn at the
// scale placementScale() computes from the theme CSS (1 for our charts: the
// SVG's 18 px text is 18 px on the slide). An oversized SVG proves the
// measurement sees shrinking.
import { describe, expect, it } from 'vitest';
import { chartTrial, svgDataUri } from '../../src/charts/index.js';
import { chartBox, placementScale, type Placement } from '../../src/charts/placement.js';
import { renderDeck } from '../../src/marp/render.js';
import { themeVars } from '../../src/themes/css-vars.js';
import { resolveLook } from '../../src/themes/look.js';
import { listThemes } from '../../src/themes/registry.js';
import { withBrowser } from '../helpers/browser.js';
import { levoecmo } from './trials.js';

interface Shown { slide: number; natural: number; shown: number; shownHeight: number; inside: boolean; beside?: boolean }

const BIG = `<svg xmlns="http://www.w3.org/2000/svg" width="2320" height="1080" viewBox="0 0 2320 1080"><rect width="2320" height="1080" fill="#888"/></svg>`;

describe('chart placement in a real browser', () => {
  it('draws each chart at the scale the legibility test computes, in every theme', async () => {
    const themes = await listThemes();
    await withBrowser(async (browser) => {
      for (const theme of themes) {
        const look = await resolveLook({ theme: theme.name });
        const forest = (await chartTrial(levoecmo(), { theme: look.chart })).charts.find((c) => c.id === 'forest')!;
        const images: { placement: Placement; svg: string; width: number; height: number }[] = [
          { placement: 'slide', svg: forest.svg, width: forest.width, height: forest.height },
          { placement: 'beside', ...forest.beside! },
          { placement: 'slide', svg: BIG, width: 2320, height: 1080 },
        ];
        const slideClass = { slide: 'chart', beside: 'chart-beside' } as const;
        // Beside a table, as on the key-results slide: the table on the left, the chart on the right.
        const table = '| Outcome | Dabigatran | Warfarin |\n| --- | --- | --- |\n| Stroke | 1.5% | 1.7% |\n| Major bleeding | 2.7% | 3.4% |\n\n';
        const slides = images.map((img) => `<!-- _class: ${slideClass[img.placement]} -->\n\n## Chart\n\n${img.placement === 'beside' ? table : ''}![chart](${svgDataUri(img.svg)})`);
        const md = `---\ntheme: ${theme.name}\n---\n\n${slides.join('\n\n---\n\n')}\n`;
        const rendered = renderDeck(md, { themes, title: 't', author: 'a', description: 'd' });
        const page = await browser.newPage();
        await page.setViewport({ width: 1280, height: 720 });
        await page.emulateMediaType('print');
        await page.setContent(rendered.html, { waitUntil: 'load' });
        const shown: Shown[] = await page.evaluate(() =>
          Array.from(document.querySelectorAll('#deck section')).map((s, slide) => {
            const img = s.querySelector('img') as HTMLImageElement;
            const r = img.getBoundingClientRect();
            const box = s.getBoundingClientRect();
            const table = s.querySelector('table')?.getBoundingClientRect();
            return {
              slide, natural: img.naturalWidth, shown: r.width, shownHeight: r.height,
              inside: r.bottom <= box.bottom + 0.5 && r.right <= box.right + 0.5,
              // The table sits left of the chart, side by side.
              beside: table ? table.right <= r.left + 0.5 && table.top < r.bottom && r.top < table.bottom : undefined,
            };
          }),
        );
        await page.close();
        expect(shown, theme.name).toHaveLength(images.length);
        const vars = themeVars(theme, themes);
        images.forEach((img, i) => {
          const s = shown[i]!;
          const expected = placementScale(img.width, img.height, chartBox(vars, img.placement));
          expect(s.natural, `${theme.name} #${i}`).toBe(img.width);
          expect(s.shown / s.natural, `${theme.name} #${i} (${img.placement})`).toBeCloseTo(expected, 2);
          expect(s.inside, `${theme.name} #${i} inside its slide`).toBe(true);
        });
        // Our charts are shown at 100%; the oversized one is shrunk to the box height.
        expect(shown[0]!.shown).toBe(forest.width);
        expect(shown[1]!.shown).toBe(forest.beside!.width);
        expect(shown[1]!.beside, `${theme.name}: table left of the chart`).toBe(true);
        expect(shown[2]!.shownHeight).toBeCloseTo(chartBox(vars, 'slide').height, 0);
      }
    });
  }, 180_000);
});
