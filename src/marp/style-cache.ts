// Marp packs the theme's CSS through ~20 PostCSS plugins on every render:
// ~150 ms of a cold `trialdeck build` and ~25 ms of every studio or preview
// rebuild, with the same result for every deck of a theme. The packed CSS is
// kept per process, and for this package's own themes it is packed once at
// `npm run build` (dist/marp/styles/<key>.css, see src/build-tools/pack-styles.ts).
//
// The key covers everything pack() reads: the name asked for, every
// registered theme's CSS (marp-core's size plugin swaps in a sized copy of the
// theme during a render, so the CSS is read at call time), the default theme,
// the pack options (inline <style>s included) and marp-core's and marpit's
// versions. A file that cannot be read is a miss; one that cannot be written is
// only a lost speed-up.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Marp } from '@marp-team/marp-core';

/** dist/marp/styles/, from src/marp (tests), dist/marp and the CLI bundle in dist/cli alike. */
export const STYLE_DIR = fileURLToPath(new URL('../../dist/marp/styles/', import.meta.url));

/** The parts of Marpit that renderStyle reads; not all in marp-core's typings. */
interface StyleEngine {
  renderStyle(theme: string | undefined): string;
  themeSetPackOptions(): unknown;
  themeSet: { themes(): Iterable<{ name: string; css: string }>; default?: { name: string } };
}

let versions: string | undefined;

function engineVersions(): string {
  if (versions) return versions;
  const require = createRequire(import.meta.url);
  const version = (pkg: string): string => {
    try {
      return (JSON.parse(readFileSync(join(dirname(require.resolve(pkg)), '..', 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return 'unknown';
    }
  };
  versions = `marp-core ${version('@marp-team/marp-core')}; marpit ${version('@marp-team/marpit')}`;
  return versions;
}

const packed = new Map<string, string>();

export function styleKey(engine: StyleEngine, theme: string | undefined): string {
  const hash = createHash('sha256').update(engineVersions()).update('\0').update(theme ?? '').update('\0').update(engine.themeSet.default?.name ?? '');
  hash.update('\0').update(JSON.stringify(engine.themeSetPackOptions()));
  for (const t of engine.themeSet.themes()) hash.update('\0').update(t.name).update('\0').update(t.css);
  return hash.digest('hex');
}

/** Makes `marp.renderStyle` look the packed CSS up before packing it. */
export function cacheStyles(marp: Marp): void {
  const engine = marp as unknown as StyleEngine;
  const pack = engine.renderStyle.bind(engine);
  engine.renderStyle = (theme) => {
    const key = styleKey(engine, theme);
    let css = packed.get(key);
    if (css === undefined) {
      css = readStyle(key) ?? pack(theme);
      if (process.env.TRIALDECK_STYLE_CACHE === 'write') writeStyle(key, css);
      if (packed.size >= 16) packed.clear();
      packed.set(key, css);
    }
    return css;
  };
}

function readStyle(key: string): string | undefined {
  try {
    return readFileSync(join(STYLE_DIR, `${key}.css`), 'utf8');
  } catch {
    return undefined;
  }
}

function writeStyle(key: string, css: string): void {
  mkdirSync(STYLE_DIR, { recursive: true });
  writeFileSync(join(STYLE_DIR, `${key}.css`), css);
}
