// What happens to an SVG after vega: stable ids, accessible name and
// description, size, data URIs; and the content-addressed cache that lets a
// warm build skip vega entirely (writes: src/cache/cache-file.ts).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sweepDeadTemps, writeCacheFile } from '../cache/cache-file.js';

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&${({ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' } as const)[c as '<']};`);
}

const ROOT = /<svg\b[^>]*>/;

/**
 * Puts `<title>` and `<desc>` first inside the root `<svg>`, where screen
 * readers look for an image's name and description, and labels the root.
 * `idPrefix` keeps ids unique when several charts are inlined in one page.
 */
export function insertAccessibility(svg: string, title: string, desc: string, idPrefix = 'chart'): string {
  const m = ROOT.exec(svg);
  if (!m) throw new Error('not an SVG document');
  const [t, d] = [`${idPrefix}-title`, `${idPrefix}-desc`];
  const open = m[0].replace(/^<svg\b/, `<svg role="img" aria-labelledby="${t} ${d}"`);
  const head = `<title id="${t}">${escapeXml(title)}</title><desc id="${d}">${escapeXml(desc)}</desc>`;
  return svg.slice(0, m.index) + open + head + svg.slice(m.index + m[0].length);
}

/**
 * vega numbers clip paths and gradients with process-wide counters, so the
 * same chart rendered second in a process would get other ids. Renumbering
 * them per document keeps output byte-identical (and cacheable); the prefix
 * keeps them unique when several charts are inlined in one page.
 */
export function normaliseIds(svg: string, idPrefix = 'chart'): string {
  const seen = new Map<string, string>();
  // Only ids and references to them: a label that says "clip3" stays as it is.
  return svg.replace(/(id="|url\(#)(clip|gradient_)(\d+)(?=[")])/g, (_, lead: string, kind: string, n: string) => {
    const old = kind + n;
    let id = seen.get(old);
    if (!id) {
      id = `${idPrefix}-${kind.replace('_', '')}${seen.size + 1}`;
      seen.set(old, id);
    }
    return lead + id;
  });
}

/**
 * vega writes coordinates with full float precision ("538.775294117647");
 * a hundredth of a pixel is invisible and the data URIs get much smaller.
 * Only geometry attributes are touched, never text.
 */
export function roundCoordinates(svg: string): string {
  return svg.replace(/\s(d|transform|x|y|x1|y1|x2|y2|width|height|rx|ry)="([^"]*)"/g, (_, name: string, value: string) =>
    ` ${name}="${value.replace(/-?\d+\.\d{3,}(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100))}"`,
  );
}

/** The root element's width and height attributes, in px. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = ROOT.exec(svg)?.[0] ?? '';
  const num = (name: string): number => Number(new RegExp(`\\s${name}="([\\d.]+)"`).exec(root)?.[1] ?? NaN);
  return { width: num('width'), height: num('height') };
}

/** `data:image/svg+xml;base64,…`, for Markdown images in a self-contained deck. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

// ── Cache ──────────────────────────────────────────────────────────────────

export function cacheKey(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function cachePath(cacheDir: string, key: string): string {
  return join(cacheDir, `${key}.svg`);
}

/** The cached SVG, or undefined when absent or unreadable (a broken entry is just a miss). */
export async function readCached(cacheDir: string, key: string): Promise<string | undefined> {
  await sweepDeadTemps(cacheDir);
  try {
    const svg = await readFile(cachePath(cacheDir, key), 'utf8');
    return svg.startsWith('<svg') ? svg : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCached(cacheDir: string, key: string, svg: string): Promise<void> {
  await writeCacheFile(cachePath(cacheDir, key), svg);
}
