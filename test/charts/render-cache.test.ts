import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartTrial } from '../../src/charts/index.js';
import { renderChart } from '../../src/charts/render.js';
import { roundCoordinates, svgDataUri } from '../../src/charts/svg-cache.js';
import { importVegaEngine, RENDERER_VERSION } from '../../src/charts/sandbox.js';
import { levoecmo } from './trials.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'trialdeck-chart-cache-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.doUnmock('vega');
  vi.doUnmock('vega-lite');
});

const template = {
  data: { name: 'rows' },
  mark: 'bar',
  encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 'arm', type: 'nominal' } },
};
const rows = [{ arm: 'Levosimendan', n: 69 }, { arm: 'Placebo', n: 71 }];

describe('SVG cache', () => {
  it('serves the second render from the cache without loading vega', async () => {
    const cacheDir = tempDir();
    const engine = vi.fn(importVegaEngine);
    const first = await renderChart(template, { rows }, { cacheDir, engine, width: 400, height: 200 });
    const second = await renderChart(template, { rows }, { cacheDir, engine, width: 400, height: 200 });
    expect(engine).toHaveBeenCalledTimes(1);
    expect([first.fromCache, second.fromCache]).toEqual([false, true]);
    expect(second.svg).toBe(first.svg);
    expect([second.width, second.height]).toEqual([400, 200]);
    // One entry, named by its SHA-256, and no temp files left behind.
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.svg$/)]);
  });

  it('re-renders when data, size, theme or alt text change', async () => {
    const cacheDir = tempDir();
    const engine = vi.fn(importVegaEngine);
    await renderChart(template, { rows }, { cacheDir, engine });
    await renderChart(template, { rows: [{ arm: 'Placebo', n: 70 }] }, { cacheDir, engine });
    await renderChart(template, { rows }, { cacheDir, engine, width: 500 });
    await renderChart(template, { rows }, { cacheDir, engine, desc: 'other' });
    expect(engine).toHaveBeenCalledTimes(4);
    expect(readdirSync(cacheDir)).toHaveLength(4);
  });

  it('treats an unreadable entry as a miss and rewrites it', async () => {
    const cacheDir = tempDir();
    const engine = vi.fn(importVegaEngine);
    await renderChart(template, { rows }, { cacheDir, engine });
    const file = join(cacheDir, readdirSync(cacheDir)[0]!);
    writeFileSync(file, 'garbage');
    const again = await renderChart(template, { rows }, { cacheDir, engine });
    expect(again.fromCache).toBe(false);
    expect(readFileSync(file, 'utf8')).toBe(again.svg);
  });

  it('a warm deck build never imports vega or vega-lite', async () => {
    const cacheDir = tempDir();
    const cold = await chartTrial(levoecmo(), { cacheDir });

    vi.resetModules();
    const imported: string[] = [];
    vi.doMock('vega', () => {
      imported.push('vega');
      throw new Error('vega must not be imported on a warm cache');
    });
    vi.doMock('vega-lite', () => {
      imported.push('vega-lite');
      throw new Error('vega-lite must not be imported on a warm cache');
    });
    const fresh = await import('../../src/charts/index.js');
    const warm = await fresh.chartTrial(levoecmo(), { cacheDir });
    expect(imported).toEqual([]);
    expect(warm.charts.map((c) => c.svg)).toEqual(cold.charts.map((c) => c.svg));
  });

  it('is keyed to the installed vega and vega-lite versions', () => {
    const version = (pkg: string): string =>
      (JSON.parse(readFileSync(join(process.cwd(), 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    expect(RENDERER_VERSION).toContain(`vega ${version('vega')}`);
    expect(RENDERER_VERSION).toContain(`vega-lite ${version('vega-lite')}`);
  });
});

describe('accessible SVG', () => {
  it('puts escaped <title> and <desc> first inside the root <svg>', async () => {
    const { svg } = await renderChart(template, { rows }, { title: 'Weaning <30 d> & "more"', desc: "Levosimendan 68.3% vs Placebo 68.3% — it's equal" });
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="(td-\w+)-title \1-desc"[^>]*><title id="\1-title">Weaning &lt;30 d&gt; &amp; &quot;more&quot;<\/title><desc id="\1-desc">Levosimendan 68\.3% vs Placebo 68\.3% — it&apos;s equal<\/desc>/);
  });

  it('gives ids that are stable per chart and unique across charts', async () => {
    const ids = (svg: string): string[] => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    const a = await renderChart(template, { rows }, { width: 400, height: 200, title: 'a' });
    const again = await renderChart(template, { rows }, { width: 400, height: 200, title: 'a' });
    const b = await renderChart(template, { rows }, { width: 400, height: 200, title: 'b' });
    expect(again.svg).toBe(a.svg);
    expect(ids(a.svg).filter((id) => ids(b.svg).includes(id))).toEqual([]);
  });

  it('rounds geometry to 0.01 px but never touches text', () => {
    const svg = '<svg width="10" height="10"><path d="M538.775294117647,0L1.5,2.123456"/><text transform="translate(3.14159,0)">p = 0.74123</text></svg>';
    expect(roundCoordinates(svg)).toBe('<svg width="10" height="10"><path d="M538.78,0L1.5,2.12"/><text transform="translate(3.14,0)">p = 0.74123</text></svg>');
  });

  it('makes a base64 data URI that round-trips', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>–μ≥</title></svg>';
    const uri = svgDataUri(svg);
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64').toString('utf8')).toBe(svg);
  });
});
