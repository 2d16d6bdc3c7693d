// The render stage with a cache: when a rebuild composes exactly the same
// Markdown (same data, templates, charts and themes), the HTML it would get
// is the HTML it got last time. Loading marp-core and rendering is ~60% of a
// warm `trialdeck build -f html` (~500 of ~850 ms on the CI-sized machine),
// so a hit skips both: this module does not import marp-core, render.ts does,
// and only on a miss.
//
// One entry per deck (`<dir>/<deck id>.json`), replaced on every miss, so the
// cache never grows. The key covers everything the HTML depends on: the
// Markdown, the theme CSS, the document metadata, marp-core's version and the
// code of the render stage itself (every file in this folder), so editing
// html-shell.ts during development cannot serve a stale deck.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sweepDeadTemps, writeCacheFile } from '../cache/cache-file.js';
import type { RenderedDeck, RenderOptions } from './render.js';

export interface RenderCache {
  dir: string;
  /** The deck's id: its entry's file name. */
  name: string;
}

let stamp: string | undefined;

/** marp-core's version and the render stage's own code, hashed once per process. */
function engineStamp(): string {
  if (stamp) return stamp;
  const hash = createHash('sha256');
  const core = createRequire(import.meta.url).resolve('@marp-team/marp-core');
  hash.update(readFileSync(join(dirname(core), '..', 'package.json')));
  const here = dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here).sort()) {
    if (/\.(?:c?js|ts)$/.test(name) && !name.endsWith('.d.ts')) hash.update(name).update(readFileSync(join(here, name)));
  }
  stamp = hash.digest('hex');
  return stamp;
}

function renderKey(markdown: string, options: RenderOptions): string {
  const parts = { markdown, themes: options.themes.map((t) => t.css), title: options.title, author: options.author, description: options.description, lang: options.lang ?? null, engine: engineStamp() };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export async function renderCached(markdown: string, options: RenderOptions, cache?: RenderCache): Promise<RenderedDeck> {
  const render = async (): Promise<RenderedDeck> => (await import('./render.js')).renderDeck(markdown, options);
  if (!cache) return render();
  const file = join(cache.dir, `${cache.name}.json`);
  const key = renderKey(markdown, options);
  await sweepDeadTemps(cache.dir);
  const hit = await readEntry(file, key);
  if (hit) return hit;
  const rendered = await render();
  await writeCacheFile(file, JSON.stringify({ key, rendered }));
  return rendered;
}

/** The cached deck when the entry is for this key; a missing, stale or broken entry is a miss. */
async function readEntry(file: string, key: string): Promise<RenderedDeck | undefined> {
  try {
    const entry = JSON.parse(await readFile(file, 'utf8')) as { key?: unknown; rendered?: RenderedDeck };
    const r = entry.rendered;
    if (entry.key !== key || !r || typeof r.html !== 'string' || !Array.isArray(r.slides) || !Array.isArray(r.notes)) return undefined;
    return r;
  } catch {
    return undefined;
  }
}
