// Every theme of themes/ registers with marp-core (its @import resolved),
// builds the LEVOECMO deck with the same slides as clinical, and gives the
// charts its own palette, with the arm colours the slides use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDeck, type DeckBuild } from '../../src/build.js';
import { createMarp } from '../../src/marp/engine.js';
import { themeVars } from '../../src/themes/css-vars.js';
import { listThemes, type Theme } from '../../src/themes/registry.js';
import { parseTrialText } from '../../src/trial/load.js';

const levoecmo = fileURLToPath(new URL('../../data/levoecmo.yaml', import.meta.url));
const EXPECTED = ['accessible', 'cardiology', 'clinical', 'icu'];

let themes: Theme[];
const decks = new Map<string, DeckBuild>();

/** Every fill/stroke colour an SVG uses, lower-cased. */
function colours(svg: string): Set<string> {
  return new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9a-f]{3,8})"/gi)].map((m) => (m[1] ?? '').toLowerCase()));
}

beforeAll(async () => {
  themes = await listThemes();
  const { trial, warnings } = parseTrialText(readFileSync(levoecmo, 'utf8'), levoecmo, 'data');
  for (const t of themes) decks.set(t.name, await makeDeck(trial, warnings, { theme: t.name, cacheDir: false }));
}, 180_000);

describe('the themes folder', () => {
  it('holds the clinical default and three department looks, each with a one-line description', () => {
    expect(themes.map((t) => t.name)).toEqual(expect.arrayContaining(EXPECTED));
    for (const t of themes) {
      expect(t.description, t.name).toMatch(/^\S.{20,160}$/);
      expect(t.description, t.name).not.toContain('\n');
    }
  });

  it('department themes @import clinical and only restyle it', () => {
    for (const name of EXPECTED.filter((n) => n !== 'clinical')) {
      const t = themes.find((x) => x.name === name)!;
      expect(t.css, name).toMatch(/^\s*@import 'clinical';/m);
      // Themes leave background-image free: a department's logo goes there.
      expect(t.css, name).not.toMatch(/background(?:-image)?\s*:[^;]*url\(/);
    }
  });

  it('every theme registers in marp-core with its imports resolved', () => {
    const marp = createMarp({ themes: themes.map((t) => t.css) });
    for (const t of themes) {
      expect(marp.themeSet.has(t.name), t.name).toBe(true);
      const { css } = marp.render(`---\ntheme: ${t.name}\n---\n\n# Hello\n`);
      // Resolved @import: clinical's layout rules and the theme's own colours are both in, no @import is left.
      expect(css, t.name).not.toMatch(/@import\s+['"]/);
      expect(css, t.name).toContain('grid-template-columns');
      const own = /--td-bg:\s*(#[0-9a-f]+)/i.exec(t.css)?.[1];
      if (own) expect(css, t.name).toContain(own);
    }
  });
});

describe('the LEVOECMO deck in every theme', () => {
  it('builds with the same slides as clinical, in the theme named in the front matter', () => {
    const clinical = decks.get('clinical')!;
    for (const [name, deck] of decks) {
      expect(deck.rendered.slides.length, name).toBe(clinical.rendered.slides.length);
      expect(deck.markdown, name).toContain(`theme: "${name}"`);
      expect(deck.rendered.slides[0], name).toContain(`data-theme="${name}"`);
      expect(deck.warnings.filter((w) => w.code.startsWith('THEME')), name).toEqual([]);
    }
  });

  it('shows page numbers and a footer on every slide but the title', () => {
    for (const [name, deck] of decks) {
      const slides = deck.rendered.slides;
      expect(slides[0], name).not.toContain('data-marpit-pagination=');
      for (const s of slides.slice(1)) {
        expect(s, name).toContain('data-marpit-pagination=');
        expect(s, name).toContain('<footer>LEVOECMO · JAMA 2026</footer>');
      }
    }
  });

  it('charts take the theme palette: forest and event-rate colours differ between clinical and icu', () => {
    for (const id of ['forest', 'event-rates']) {
      const a = colours(decks.get('clinical')!.charts.find((c) => c.id === id)!.svg);
      const b = colours(decks.get('icu')!.charts.find((c) => c.id === id)!.svg);
      expect([...a].sort(), id).not.toEqual([...b].sort());
    }
  });

  it('every chart of a deck uses the arm colours of its slides (--td-arm-1, --td-arm-2)', () => {
    for (const [name, deck] of decks) {
      const vars = themeVars(themes.find((t) => t.name === name)!, themes);
      const arms = [vars['--td-arm-1'], vars['--td-arm-2']].map((c) => c!.toLowerCase());
      for (const id of ['event-rates', 'continuous', 'flow']) {
        const svg = deck.charts.find((c) => c.id === id)?.svg;
        if (!svg) continue;
        for (const arm of arms) expect(colours(svg), `${name} ${id}`).toContain(arm);
      }
      // The chart background is the slide background.
      const forest = deck.charts.find((c) => c.id === 'forest')!.svg;
      expect(forest.toLowerCase(), name).toContain(`fill="${vars['--td-bg']!.toLowerCase()}"`);
    }
  });
});
