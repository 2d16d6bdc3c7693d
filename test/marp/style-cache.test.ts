// The packed theme CSS (src/marp/style-cache.ts): what a render gets from the
// cache must be exactly what Marp would pack, and the package's own themes
// must really be packed at `npm run build`, or cold builds silently lose
// ~150 ms again (the key is easy to break: front matter, a new plugin).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMarp } from '../../src/marp/engine.js';
import { STYLE_DIR, styleKey } from '../../src/marp/style-cache.js';
import { resolveLook } from '../../src/themes/look.js';
import { listThemes } from '../../src/themes/registry.js';
import { makeDeck } from '../../src/build.js';
import { loadTrial } from '../../src/trial/load.js';

interface Engine {
  render(md: string, env?: object): { css: string };
  themeSetPackOptions(): unknown;
  themeSet: { themes(): Iterable<{ name: string; css: string }>; default?: { name: string }; pack(name: string, opts: unknown): string };
}

describe('packed theme CSS', () => {
  it('for every theme: the cached CSS a deck gets equals a fresh pack of the same theme', async () => {
    for (const theme of await listThemes()) {
      const look = await resolveLook({ theme: theme.name });
      const marp = createMarp({ themes: look.themes.map((t) => t.css) }) as unknown as Engine;
      const md = `---\nmarp: true\ntheme: ${theme.name}\nsize: 16:9\n---\n\n# x\n`;
      const cached = marp.render(md).css;
      // The packing itself, bypassing the cache, with the options of that very render.
      const fresh = createMarp({ themes: look.themes.map((t) => t.css) }) as unknown as Engine;
      let packed = '';
      const original = fresh.themeSet.pack.bind(fresh.themeSet);
      fresh.themeSet.pack = (name, opts) => (packed = original(name, opts));
      (fresh as unknown as { renderStyle(t: string): string }).renderStyle = function (this: Engine, t: string) {
        return this.themeSet.pack(t, this.themeSetPackOptions());
      };
      fresh.render(md);
      expect(packed.length).toBeGreaterThan(1000);
      expect(cached).toBe(packed);
    }
  });

  it("LEVOECMO's real deck finds its theme packed by npm run build, so a cold build skips PostCSS", async () => {
    const { trial, warnings } = await loadTrial(fileURLToPath(new URL('../../data/levoecmo.yaml', import.meta.url)));
    const { markdown, look } = await makeDeck(trial, warnings, { cacheDir: false });
    const marp = createMarp({ themes: look.themes.map((t) => t.css) }) as unknown as Engine;
    let key = '';
    const pack = marp.themeSet.pack.bind(marp.themeSet);
    // The key is computed inside the render, where the size plugin has swapped the sized theme in.
    marp.themeSet.pack = (name, opts) => {
      key = styleKey(marp, name);
      return pack(name, opts);
    };
    (marp as unknown as { renderStyle(t: string): string }).renderStyle = function (this: Engine, t: string) {
      return this.themeSet.pack(t, this.themeSetPackOptions());
    };
    marp.render(markdown);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const file = join(STYLE_DIR, `${key}.css`);
    expect(existsSync(file), `${file} (run npm run build)`).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('section');
  });
});
