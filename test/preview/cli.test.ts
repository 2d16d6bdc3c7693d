// `trialdeck preview` as a user runs it (the compiled CLI): the URL on
// stdout, build errors on stderr in the CLI's format, and a clean stop on
// Ctrl-C or SIGTERM with exit code 0 and nothing left in the temp folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli.js';
import { broken, rawGet, trialCopy } from './helpers.js';

const root = ROOT;
const cli = CLI;
let copy: ReturnType<typeof trialCopy>;

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/preview-command.js'))) throw new Error('dist/ is missing or stale: run `npm run build` (npm test does it)');
  copy = trialCopy('td-preview-cli-');
});
afterAll(() => rmSync(copy.dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  tmp: string;
  out: () => string;
  err: () => string;
  waitFor: (stream: 'out' | 'err', pattern: RegExp, timeoutMs?: number) => Promise<RegExpExecArray>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs the CLI with its own TMPDIR, so that leftovers can be counted. */
function start(...args: string[]): Running {
  const tmp = mkdtempSync(join(tmpdir(), 'td-preview-clitmp-'));
  const child = spawn(process.execPath, [cli, 'preview', ...args], { cwd: copy.dir, env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const waitFor = async (stream: 'out' | 'err', pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const m = pattern.exec(stream === 'out' ? out : err);
      if (m) return m;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ${pattern} on std${stream} within ${timeoutMs} ms:\n${out}\n${err}`);
  };
  return { child, tmp, out: () => out, err: () => err, waitFor, exit };
}

async function stopsCleanly(run: Running, signal: NodeJS.Signals, port: number): Promise<void> {
  const sent = Date.now();
  run.child.kill(signal);
  const { code } = await run.exit;
  expect(code, run.err()).toBe(0);
  // A hang check, not a speed test: stopping waits for a rebuild that is still
  // running, which on a loaded two-core CI machine has taken 12 s.
  expect(Date.now() - sent).toBeLessThan(30_000);
  expect(readdirSync(run.tmp)).toEqual([]);
  await expect(rawGet(port, '/', `127.0.0.1:${port}`)).rejects.toThrow(/ECONNREFUSED/);
  rmSync(run.tmp, { recursive: true, force: true });
}

describe('trialdeck preview (CLI)', () => {
  it('prints the URL, reports a broken edit like the CLI does, and stops on Ctrl-C with exit 0', async () => {
    const run = start('levoecmo.yaml', '--port', '0');
    try {
      const port = Number((await run.waitFor('out', /Preview http:\/\/127\.0\.0\.1:(\d+)\//))[1]);
      await run.waitFor('out', /✓ built in \d+ ms \(\d+ slides\)/);
      expect((await rawGet(port, '/', `localhost:${port}`)).status).toBe(200);
      expect(readdirSync(run.tmp)).toHaveLength(1); // the chart cache lives here while running

      const bad = broken(copy.text);
      writeFileSync(copy.file, bad.text);
      await run.waitFor('out', /✗ build failed; still serving the last good deck/);
      await run.waitFor('err', /^error levoecmo\.yaml: not valid YAML\/JSON$/m);
      const first = await run.waitFor('err', /^ {2}levoecmo\.yaml:(\d+):(\d+): \S.*$/m);
      expect(Number(first[1])).toBeGreaterThanOrEqual(bad.line);
      expect(run.err()).not.toMatch(/^\s+at /m); // no stack trace

      writeFileSync(copy.file, copy.text);
      await run.waitFor('out', /✓ rebuilt \(data changed\) in \d+ ms/);
      await stopsCleanly(run, 'SIGINT', port);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('stops on SIGTERM with exit 0', async () => {
    const run = start('levoecmo.yaml', '--port', '0');
    try {
      const port = Number((await run.waitFor('out', /Preview http:\/\/127\.0\.0\.1:(\d+)\//))[1]);
      await run.waitFor('out', /✓ built/);
      await stopsCleanly(run, 'SIGTERM', port);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('stops cleanly on Ctrl-C during the first build', async () => {
    const run = start('levoecmo.yaml', '--port', '0');
    try {
      // "Preview <url>" is printed when the server listens, before the first build.
      const port = Number((await run.waitFor('out', /Preview http:\/\/127\.0\.0\.1:(\d+)\//))[1]);
      expect(run.out()).not.toMatch(/✓ built/);
      await stopsCleanly(run, 'SIGINT', port);
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('exits 2 on usage errors and 1 on an unknown theme', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, [cli, 'preview', ...args], { cwd: copy.dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run().status).toBe(2);
    const port = run('levoecmo.yaml', '--port', 'abc');
    expect(port.status).toBe(2);
    expect(port.stderr).toMatch(/--port must be a number from 0 to 65535/);
    const theme = run('levoecmo.yaml', '--port', '0', '-t', 'nope');
    expect(theme.status).toBe(1);
    expect(theme.stderr).toMatch(/unknown theme "nope"/);
  });
});
