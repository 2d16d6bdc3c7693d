// Decks are diffed in git, so the same input must give byte-identical
// deck.md, deck.html and charts: whatever the clock, time zone, locale,
// working folder, output folder or chart-cache state. Only --date (the user
// asking for a date) may put a date into a deck.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli-runner.js';
import { ROOT, SUMMARY } from './corpus-cases.js';

let work: string;

/** Relative path -> sha256 for deck.md, deck.html and charts/*.svg. */
function textOutputs(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.(md|html|svg)$/.test(e.name)) continue;
    const file = join(e.parentPath, e.name);
    out[relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

async function build(input: string, outDir: string, env: Record<string, string>, extra: string[] = []): Promise<void> {
  const r = await runCli(['build', input, '-f', 'md,html', '-o', outDir, ...extra], { cwd: work, perInputMs: 120_000, env });
  expect(r.code, r.stderr).toBe(0);
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'td-determinism-'));
  copyFileSync(join(ROOT, 'data/levoecmo.yaml'), join(work, 'levoecmo.yaml'));
  copyFileSync(SUMMARY, join(work, 'LEVOECMO.txt'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the same input gives the same bytes', () => {
  it('YAML and summary inputs: cold vs warm chart cache, other time zone, locale and output folder', { timeout: 180_000 }, async () => {
    for (const input of ['levoecmo.yaml', 'LEVOECMO.txt']) {
      await build(input, 'one', { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
      // A second build into the same folder reads charts from the cache.
      await build(input, 'one', { TZ: 'UTC', LANG: 'C', LC_ALL: 'C' });
      // A fresh folder (cold cache) in another time zone and locale, seconds later.
      await build(input, 'two', { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
      const one = textOutputs(join(work, 'one', 'levoecmo'));
      const two = textOutputs(join(work, 'two', 'levoecmo'));
      expect(Object.keys(one)).toEqual(expect.arrayContaining(['deck.md', 'deck.html']));
      expect(Object.keys(one).filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(3);
      expect(two, `${input}: a rebuild changed bytes`).toEqual(one);
      rmSync(join(work, 'one'), { recursive: true });
      rmSync(join(work, 'two'), { recursive: true });
    }
  });

  it('nothing time-dependent goes in unless asked: no build date; --date puts exactly that date in', { timeout: 120_000 }, async () => {
    await build('levoecmo.yaml', 'plain', {});
    const md = readFileSync(join(work, 'plain', 'levoecmo', 'deck.md'), 'utf8');
    const html = readFileSync(join(work, 'plain', 'levoecmo', 'deck.html'), 'utf8');
    const year = String(new Date().getUTCFullYear());
    const today = new Date().toISOString().slice(0, 10);
    for (const text of [md, html]) {
      expect(text).not.toContain(today);
      // The trial was published in 2023; this year appears nowhere unless the data says so.
      if (!readFileSync(join(work, 'levoecmo.yaml'), 'utf8').includes(year)) expect(text).not.toContain(year);
    }
    await build('levoecmo.yaml', 'dated', {}, ['--date', '2026-03-12']);
    const dated = readFileSync(join(work, 'dated', 'levoecmo', 'deck.md'), 'utf8');
    expect(dated).toContain('2026-03-12');
  });
});
