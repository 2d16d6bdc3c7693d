// Every chart text of every example trial, in every theme, is at least 18 px
// on the projected slide: its SVG font size times the scale at which the
// theme places the image (placement.ts: the box from the theme CSS, never
// enlarged, shrunk to fit keeping the aspect ratio).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartTrial, type Chart } from '../../src/charts/index.js';
import { chartBox, MIN_SLIDE_TEXT_PX, placementScale, type Placement } from '../../src/charts/placement.js';
import { deriveEvidence } from '../../src/evidence/index.js';
import { themeVars } from '../../src/themes/css-vars.js';
import { resolveLook } from '../../src/themes/look.js';
import { listThemes } from '../../src/themes/registry.js';
import { loadTrial } from '../../src/trial/load.js';
import { svgTexts } from './svg-text.js';

const DATA = join(import.meta.dirname, '../../data');
const TRIALS = readdirSync(DATA).filter((f) => f.endsWith('.yaml')).sort();

interface Drawing { trial: string; theme: string; chart: string; placement: Placement; svg: string; width: number; height: number; scale: number }

/**
 * Each drawing of a chart with every box it may be placed in: its own slide;
 * the forest plot's beside drawing next to a table; the Bayesian chart under
 * its table on a content slide (src/deck: slides-appraisal.ts, fit.ts).
 */
function drawings(c: Chart): { placement: Placement; svg: string; width: number; height: number }[] {
  const main = { svg: c.svg, width: c.width, height: c.height };
  return [
    { placement: 'slide', ...main },
    ...(c.id === 'bayes' ? [{ placement: 'under' as const, ...main }] : []),
    ...(c.beside ? [{ placement: 'beside' as const, ...c.beside }] : []),
  ];
}

const all: Drawing[] = [];
let themeNames: string[] = [];

beforeAll(async () => {
  const themes = await listThemes();
  themeNames = themes.map((t) => t.name).sort();
  for (const theme of themes) {
    const look = await resolveLook({ theme: theme.name });
    const vars = themeVars(theme, themes);
    for (const file of TRIALS) {
      const { trial } = await loadTrial(join(DATA, file));
      const evidence = deriveEvidence(trial, { mcid: trial.evidence?.mcid });
      for (const c of (await chartTrial(trial, { theme: look.chart, evidence })).charts) {
        for (const d of drawings(c)) {
          all.push({ trial: file, theme: theme.name, chart: c.id, ...d, scale: placementScale(d.width, d.height, chartBox(vars, d.placement)) });
        }
      }
    }
  }
}, 120_000);

describe('chart text on the projected slide', () => {
  it('covers every example trial and theme, and the forest plot beside a table', () => {
    expect(TRIALS.length).toBeGreaterThanOrEqual(5);
    expect(themeNames).toEqual(expect.arrayContaining(['accessible', 'cardiology', 'clinical', 'icu']));
    expect(new Set(all.map((d) => `${d.trial} ${d.theme}`)).size).toBe(TRIALS.length * themeNames.length);
    expect(all.some((d) => d.chart === 'forest' && d.placement === 'beside')).toBe(true);
    expect(all.some((d) => d.chart === 'bayes' && d.placement === 'under')).toBe(true);
  });

  it('is at least 18 px: SVG font size × placement scale', () => {
    const small: string[] = [];
    for (const d of all) {
      const texts = svgTexts(d.svg);
      expect(texts.length, `${d.trial} ${d.chart}`).toBeGreaterThan(0);
      for (const t of texts) {
        const size = Number(/^([\d.]+)px$/.exec(t.attrs['font-size'] ?? '')?.[1]);
        // vega writes a size on every text; a missing one would fall back to the browser's 16 px.
        const onSlide = (Number.isFinite(size) ? size : 0) * d.scale;
        if (onSlide < MIN_SLIDE_TEXT_PX - 1e-9) {
          small.push(`${d.theme} ${d.trial} ${d.chart} (${d.placement}, ${d.width}×${d.height}, scale ${d.scale.toFixed(3)}): "${t.text}" ${t.attrs['font-size']} → ${onSlide.toFixed(1)} px`);
        }
      }
    }
    expect(small.slice(0, 25)).toEqual([]);
  });

  it('is drawn at the size it is shown: no chart is shrunk to fit its box', () => {
    const shrunk = all.filter((d) => d.scale < 1).map((d) => `${d.theme} ${d.trial} ${d.chart} (${d.placement}) ${d.width}×${d.height}`);
    expect(shrunk).toEqual([]);
  });
});

describe('placement scale', () => {
  it('is never above 1 and shrinks to the tighter side of the box', () => {
    const box = { width: 1160, height: 540 };
    expect(placementScale(1000, 400, box)).toBe(1);
    expect(placementScale(2320, 540, box)).toBe(0.5);
    expect(placementScale(1160, 1080, box)).toBe(0.5);
  });

  it('reads the boxes from the theme CSS', () => {
    expect(chartBox({ '--td-chart-width': '1000px', '--td-chart-height': '500px' }, 'slide')).toEqual({ width: 1000, height: 500 });
    expect(chartBox({}, 'beside')).toEqual({ width: 620, height: 540 });
    expect(chartBox({ '--td-chart-width': '1160px', '--td-chart-under-height': '260px' }, 'under')).toEqual({ width: 1160, height: 260 });
  });
});
