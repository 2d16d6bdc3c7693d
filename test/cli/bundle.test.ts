// The `trialdeck` command runs a bundle of the CLI with V8's code cache
// (src/build-tools/bundle.ts, src/cli/launch.cts). It must write exactly what
// the unbundled CLI writes, and the cache must be one this Node accepts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'dist/cli/trialdeck.cjs');
const work = mkdtempSync(join(tmpdir(), 'td-bundle-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function outputs(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex');
  }
  return out;
}

describe('the bundled CLI', () => {
  it('exists with a code cache this Node accepts', () => {
    expect(existsSync(bundle), 'npm run build makes it').toBe(true);
    const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
    const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData: readFileSync(`${bundle}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('writes byte-identical decks to the unbundled CLI, for data and for a summary', { timeout: 120_000 }, () => {
    for (const input of ['data/levoecmo.yaml', 'test/fixtures/summaries/DAPA-HF.txt']) {
      const run = (entry: string, out: string): Record<string, string> => {
        const r = spawnSync(process.execPath, [join(root, 'dist/cli', entry), 'build', join(root, input), '-f', 'md,html', '-o', join(work, out)], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        expect(r.status, r.stderr).toBe(0);
        const [id] = readdirSync(join(work, out)).filter((n) => !n.startsWith('.'));
        return outputs(join(work, out, id as string));
      };
      const tag = input.replace(/\W/g, '-');
      const bundled = run('launch.cjs', `b-${tag}`);
      expect(Object.keys(bundled)).toEqual(expect.arrayContaining(['deck.md', 'deck.html', 'charts/forest.svg']));
      expect(run('main.js', `m-${tag}`)).toEqual(bundled);
    }
  });

  it('reports bad input the same way (no stack trace, exit 1)', () => {
    const r = spawnSync(process.execPath, [join(root, 'dist/cli/launch.cjs'), 'check', join(root, 'test/fixtures/hostile/yaml-duplicate-keys.yaml')], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/yaml-duplicate-keys\.yaml:\d+:\d+: Map keys must be unique/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
