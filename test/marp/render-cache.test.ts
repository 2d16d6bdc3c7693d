import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderCached } from '../../src/marp/render-cache.js';
import { resolveLook } from '../../src/themes/look.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  vi.doUnmock('../../src/marp/render.js');
  vi.resetModules();
});
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'td-render-cache-'));
  dirs.push(d);
  return d;
};

const MD = '---\nmarp: true\ntheme: clinical\n---\n\n# LEVOECMO\n\n69/101 (68.3%) vs 71/104 (68.3%)\n\n---\n\n## Second slide\n\n<!-- notes for slide two -->\n';

async function options(theme = 'clinical') {
  const look = await resolveLook({ theme });
  return { themes: look.themes, title: 'LEVOECMO: a trial', author: 'Combes A', description: 'JAMA 2026' };
}

describe('render cache', () => {
  it('renders on a miss, keeps one entry per deck, and serves the same deck on a hit without loading the renderer', async () => {
    const dir = tempDir();
    const opts = await options();
    const first = await renderCached(MD, opts, { dir, name: 'levoecmo' });
    expect(first.slides).toHaveLength(2);
    expect(first.notes[1]).toContain('notes for slide two');
    expect(readdirSync(dir)).toEqual(['levoecmo.json']);

    vi.resetModules();
    vi.doMock('../../src/marp/render.js', () => {
      throw new Error('render.js (and marp-core) must not load on a hit');
    });
    const fresh = await import('../../src/marp/render-cache.js');
    const hit = await fresh.renderCached(MD, opts, { dir, name: 'levoecmo' });
    expect(hit).toEqual(first);
  });

  it('misses when the Markdown, a theme or the metadata changes, replacing the entry', async () => {
    const dir = tempDir();
    const opts = await options();
    const base = await renderCached(MD, opts, { dir, name: 'd' });
    const file = join(dir, 'd.json');
    const keyOf = (): string => (JSON.parse(readFileSync(file, 'utf8')) as { key: string }).key;
    const k0 = keyOf();

    const edited = await renderCached(MD.replace('68.3%)\n', '68.4%)\n'), opts, { dir, name: 'd' });
    expect(edited.html).toContain('68.4%');
    const k1 = keyOf();
    expect(k1).not.toBe(k0);

    await renderCached(MD, await options('icu'), { dir, name: 'd' });
    expect(keyOf()).not.toBe(k1);
    const k2 = keyOf();
    const retitled = await renderCached(MD, { ...opts, title: 'Another title' }, { dir, name: 'd' });
    expect(retitled.html).toContain('<title>Another title</title>');
    expect(keyOf()).not.toBe(k2);
    expect(readdirSync(dir)).toEqual(['d.json']);
    expect(base.html).not.toBe(retitled.html);
  });

  it('treats a broken or foreign entry as a miss, and sweeps a dead writer\u2019s temp file', async () => {
    const dir = tempDir();
    const opts = await options();
    writeFileSync(join(dir, 'd.json'), '{"key": "not this one", "rendered": {"html": "<p>stale</p>", "slides": [], "notes": []}}');
    writeFileSync(join(dir, 'd.json.999999.abcdef01.tmp'), 'half a file');
    const r = await renderCached(MD, opts, { dir, name: 'd' });
    expect(r.html).not.toContain('stale');
    expect(readdirSync(dir)).toEqual(['d.json']);
    writeFileSync(join(dir, 'd.json'), '{ truncated');
    expect((await renderCached(MD, opts, { dir, name: 'd' })).slides).toHaveLength(2);
  });
});
