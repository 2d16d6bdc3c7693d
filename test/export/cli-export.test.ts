// The compiled CLI's export behaviour, as a user sees it: exit codes, the
// no-browser message, batches, Ctrl-C and the bundled Chromium. `npm test`
// compiles first; run `npm run build` before `npx vitest run test/export`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, CLI, ROOT, runCliSync, type CliResult } from '../helpers/cli.js';
import { pdfPages } from './pdf-tools.js';

const root = ROOT;
const trial = join(root, 'data/levoecmo.yaml');
let work: string;

/** The CLI with a clean environment: no CHROME_PATH unless given, its own TMPDIR. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  if (!('CHROME_PATH' in extra)) delete e.CHROME_PATH;
  return e;
}

function run(args: string[], extra: Record<string, string> = {}): CliResult {
  return runCliSync(args, { cwd: work, env: env(extra), timeout: 180_000 });
}

const freshTmp = (name: string): string => {
  const dir = join(work, name);
  mkdirSync(dir);
  return dir;
};

beforeAll(() => {
  assertCliBuilt();
  work = mkdtempSync(join(tmpdir(), 'td-cli-export-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('trialdeck build: browsers', () => {
  it('a wrong --browser-path is an error naming the path (exit 1), and nothing is built', () => {
    const r = run(['build', trial, '-o', 'bad', '--browser-path', '/opt/no/chrome']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error --browser-path \/opt\/no\/chrome: no executable browser there/);
    expect(existsSync(join(work, 'bad/levoecmo'))).toBe(false);
  });

  it('without a browser: HTML, Markdown and PPTX, a clear message, exit 0 by default and 1 when PDF was asked for', () => {
    const tmp = freshTmp('nobrowser-tmp');
    const r = run(['build', trial, '-o', 'nb'], { TRIALDECK_BROWSER_SEARCH: 'none', TMPDIR: tmp });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning no Chrome, Chromium or Edge found, so pdf, handout were skipped/);
    expect(r.stderr).toMatch(/CHROME_PATH/);
    expect(r.stdout).toMatch(/✓ .*levoecmo\.yaml → nb\/levoecmo\/ \(\d+ slides: deck\.md, deck\.html, deck\.pptx\)/);
    expect(readdirSync(join(work, 'nb/levoecmo')).sort()).toEqual(['charts', 'deck.html', 'deck.md', 'deck.pptx']);
    const asked = run(['build', trial, '-o', 'nb2', '-f', 'html,pdf'], { TRIALDECK_BROWSER_SEARCH: 'none', TMPDIR: tmp });
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(/pdf was skipped/);
    expect(existsSync(join(work, 'nb2/levoecmo/deck.html'))).toBe(true);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('Ctrl-C closes the browser, removes its profile and exits 130', async () => {
    const tmp = freshTmp('sigint-tmp');
    const child = spawn(process.execPath, [CLI, 'build', trial, '-o', 'sig', '-f', 'pdf,handout,png'], { cwd: work, env: env({ TMPDIR: tmp }), stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until Chromium has its profile, i.e. the browser is running.
    const started = Date.now();
    while (Date.now() - started < 90_000) {
      const session = readdirSync(tmp).find((d) => d.startsWith('trialdeck-'));
      if (session && existsSync(join(tmp, session, 'profile', 'Default'))) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(readdirSync(tmp).some((d) => d.startsWith('trialdeck-'))).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(tmp)).toEqual([]);
  });

  const bundled = (() => {
    try {
      createRequire(import.meta.url).resolve('@sparticuz/chromium');
      return process.platform === 'linux' && process.arch === 'x64';
    } catch {
      return false;
    }
  })();

  it.skipIf(!bundled)('falls back to the bundled @sparticuz/chromium when no system browser is visible', () => {
    // A fresh TMPDIR: the bundled Chromium decompresses there (a few seconds) instead of reusing /tmp/chromium.
    const tmp = freshTmp('bundled-tmp');
    const r = run(['build', trial, '-o', 'bundled', '-f', 'pdf'], { TRIALDECK_BROWSER_SEARCH: 'bundled', TMPDIR: tmp });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readdirSync(tmp)).toContain('chromium');
    expect(readdirSync(tmp).filter((d) => d.startsWith('trialdeck-'))).toEqual([]);
    const slides = Number(/\((\d+) slides/.exec(r.stdout)?.[1]);
    expect(pdfPages(join(work, 'bundled/levoecmo/deck.pdf'))).toBe(slides);
  });
});

describe('trialdeck build: batches', () => {
  it('builds every trial with one browser, keeps going past a failure and names it (exit 1)', () => {
    const tmp = freshTmp('batch-tmp');
    const r = run(['build', trial, join(root, 'data/recovery.yaml'), 'missing.yaml', '-o', 'many', '-f', 'html,pdf'], { TMPDIR: tmp });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✓ .*levoecmo\.yaml → many\/levoecmo\//);
    expect(r.stdout).toMatch(/✓ .*recovery\.yaml → many\/recovery/);
    expect(r.stdout).toMatch(/✗ missing\.yaml/);
    expect(r.stdout).toMatch(/2 built, 1 failed: missing\.yaml \(\d+\.\d s\)/);
    expect(r.stderr).toMatch(/missing\.yaml: no such file/);
    // Without a TTY, progress is one plain line per trial.
    expect(r.stderr).toMatch(/\[1\/3\] .*levoecmo\.yaml\n\[2\/3\] .*recovery\.yaml\n\[3\/3\] missing\.yaml/);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('--handout 2-up prints two slides per page; an unknown layout is a usage error', () => {
    const r = run(['build', trial, '-o', 'two', '-f', 'handout', '--handout', '2-up']);
    expect(r.code).toBe(0);
    const slides = Number(/\((\d+) slides/.exec(r.stdout)?.[1]);
    expect(pdfPages(join(work, 'two/levoecmo/handout.pdf'))).toBe(1 + Math.ceil(slides / 2));
    const bad = run(['build', trial, '--handout', '4-up']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown handout layout "4-up"/);
  });
});
