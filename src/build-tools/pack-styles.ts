// `npm run build`, after tsc: packs the CSS of each of this package's themes
// once, as Marp would on every render, into dist/marp/styles/ (see
// src/marp/style-cache.ts). A cold `trialdeck build` then skips ~150 ms of
// PostCSS. Themes from elsewhere (a --theme-dir, a department) are packed at
// run time as before. test/marp/style-cache.test.ts checks that a real
// LEVOECMO deck finds its theme here.
import { rmSync } from 'node:fs';
import { renderDeck } from '../marp/render.js';
import { STYLE_DIR } from '../marp/style-cache.js';
import { resolveLook } from '../themes/look.js';
import { listThemes } from '../themes/registry.js';

rmSync(STYLE_DIR, { recursive: true, force: true });
process.env.TRIALDECK_STYLE_CACHE = 'write';
for (const theme of await listThemes()) {
  const look = await resolveLook({ theme: theme.name });
  // The same front matter as templates/deck.hbs: the size directive changes the packed CSS.
  renderDeck(`---\nmarp: true\ntheme: ${JSON.stringify(look.name)}\nsize: 16:9\npaginate: true\n---\n\n# ${theme.name}\n`, { themes: look.themes, title: theme.name, author: '', description: '' });
}
