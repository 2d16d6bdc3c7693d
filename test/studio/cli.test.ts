// `trialdeck studio` as a user runs it: the URL on stdout, the page on that
// URL, and a clean stop on SIGTERM with exit code 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI, ROOT, runCliSync } from '../helpers/cli.js';
import { raw } from './helpers.js';

describe('trialdeck studio (CLI)', () => {
  it('prints its 127.0.0.1 URL, serves the page there and stops cleanly on SIGTERM', async () => {
    assertCliBuilt();
    const cwd = mkdtempSync(join(tmpdir(), 'td-studio-cli-'));
    const child = spawn(process.execPath, [CLI, 'studio', join(ROOT, 'data/levoecmo.yaml'), '--port', '0'], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const until = Date.now() + 30_000;
      let m: RegExpExecArray | null = null;
      while (!(m = /Studio http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(m, out).not.toBeNull();
      const port = Number(m?.[1]);
      const page = await raw(port, 'GET', '/', { host: `127.0.0.1:${port}` });
      expect(page.status).toBe(200);
      expect(page.body).toContain('Save to levoecmo.yaml');
      expect((await raw(port, 'GET', '/assets/studio.js', { host: `127.0.0.1:${port}` })).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('rejects a bad port and more than one file', () => {
    expect(runCliSync(['studio', '--port', 'x'], { cwd: ROOT }).code).not.toBe(0);
    expect(runCliSync(['studio', 'a.yaml', 'b.yaml'], { cwd: ROOT }).code).not.toBe(0);
  });
});
