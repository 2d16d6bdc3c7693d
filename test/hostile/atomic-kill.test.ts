// A build killed at a random moment (SIGKILL: no cleanup runs) must leave
// the previous deck byte-identical or the complete new deck, never a mix or
// a partial file, and the next build cleans up whatever the kill left.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recover } from '../../src/export/atomic-output.js';
import { CLI, runCli } from './cli-runner.js';
import { FIXTURES } from './corpus-cases.js';

const ITERATIONS = 15;
let work: string;
let tmpBefore: string[];

/** Path -> sha256 of every file under a deck folder. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    out[relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return out;
}

const tempNames = (): string[] => readdirSync(tmpdir()).filter((n) => /^(td-|trialdeck|puppeteer|marp-cli)/i.test(n));

function build(input: string, out: string): Promise<number | null> {
  return runCli(['build', input, '-f', 'md,html', '-o', out], { cwd: work, perInputMs: 120_000 }).then((r) => {
    if (r.code !== 0) throw new Error(`build failed: ${r.stderr}`);
    return r.code;
  });
}

beforeAll(() => {
  tmpBefore = tempNames();
  work = mkdtempSync(join(tmpdir(), 'td-kill-'));
  const base = readFileSync(join(FIXTURES, 'base.yaml'), 'utf8');
  // Two versions of the same trial (same id): the deck changes on every slide's footer and in the charts.
  writeFileSync(join(work, 'a.yaml'), base);
  writeFileSync(join(work, 'b.yaml'), base.replace('journal: "JAMA"', 'journal: "NEJM"').replace('events: 26', 'events: 27'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  // Every temp folder this file made is gone (other test files may be making their own meanwhile).
  const mine = tempNames().filter((n) => !tmpBefore.includes(n) && n.startsWith('td-kill-'));
  expect(mine).toEqual([]);
});

describe('a build killed at a random moment', () => {
  it('leaves the old deck byte-identical or the complete new one, and nothing partial', { timeout: 600_000 }, async () => {
    // Reference decks for both versions, and how long a build takes here.
    const started = performance.now();
    await build('a.yaml', 'ref-a');
    const buildMs = performance.now() - started;
    await build('b.yaml', 'ref-b');
    const decks = { a: snapshot(join(work, 'ref-a', 'base')), b: snapshot(join(work, 'ref-b', 'base')) };
    expect(decks.a).not.toEqual(decks.b);
    expect(Object.keys(decks.a)).toContain('deck.html');

    await build('a.yaml', 'out');
    let current: 'a' | 'b' = 'a';
    const seen = { old: 0, new: 0, retiredOnly: 0 };
    for (let i = 0; i < ITERATIONS; i++) {
      const next = current === 'a' ? 'b' : 'a';
      // Kill anywhere from start-up to just after the swap (a build takes `buildMs` here).
      const delay = Math.random() * Math.min(Math.max(buildMs * 1.1, 2000), 8000);
      const child = spawn(process.execPath, [CLI, 'build', `${next}.yaml`, '-f', 'md,html', '-o', 'out'], { cwd: work, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
      // Listen before waiting: a build quicker than `delay` has already exited by the time we kill.
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;

      // Straight after the kill: the old deck, the new deck, or (killed between the two renames) no deck and a retired one.
      const out = join(work, 'out');
      const now = snapshot(join(out, 'base'));
      const retired = readdirSync(out).filter((n) => n.startsWith('.retired-base-'));
      if (Object.keys(now).length === 0) {
        expect(retired, 'a missing deck must survive as .retired-*').toHaveLength(1);
        seen.retiredOnly++;
      } else {
        expect([decks.a, decks.b], `iteration ${i}: a mix of two decks`).toContainEqual(now);
      }

      // recover() (what every build runs first) restores it and removes the dead build's staging folder.
      await recover(out, 'base');
      const after = snapshot(join(out, 'base'));
      expect([decks.a, decks.b], `iteration ${i}: after recover`).toContainEqual(after);
      expect(readdirSync(out).filter((n) => n.startsWith('.staging-') || n.startsWith('.retired-'))).toEqual([]);
      const was = current;
      current = JSON.stringify(after) === JSON.stringify(decks.a) ? 'a' : 'b';
      if (current === was) seen.old++;
      else seen.new++;
    }
    // Most kills must land mid-build, or the test proves nothing (p(all late) ≈ 0.5^15).
    expect(seen.old, 'no kill landed before the swap').toBeGreaterThan(0);
    console.log(`killed ${ITERATIONS} builds (build ≈ ${Math.round(buildMs)} ms): old deck kept ${seen.old}, new deck complete ${seen.new}, caught between renames ${seen.retiredOnly}`);

    // A successful build afterwards leaves no leftovers anywhere in the output folder, cache included.
    await build('b.yaml', 'out');
    expect(snapshot(join(work, 'out', 'base'))).toEqual(decks.b);
    const leftovers = readdirSync(join(work, 'out'), { recursive: true }).map(String).filter((n) => /(^|\/)\.(staging|retired)-|\.tmp$/.test(n));
    expect(leftovers).toEqual([]);
  });

  it('a second, unrelated build into the same folder restores a deck a killed build left retired', async () => {
    const out = join(work, 'out2');
    await build('a.yaml', 'out2');
    const deck = snapshot(join(out, 'base'));
    // Simulate a kill between the two renames of a build of `base` (pid 999999 is not running).
    const { renameSync } = await import('node:fs');
    renameSync(join(out, 'base'), join(out, '.retired-base-999999-abcdef01'));
    mkdirSync(join(out, '.staging-base-999999-abcdef02'));
    writeFileSync(join(work, 'other.yaml'), readFileSync(join(work, 'a.yaml'), 'utf8').replace('id: "base"', 'id: "other"'));
    await build('other.yaml', 'out2');
    expect(snapshot(join(out, 'base'))).toEqual(deck);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual(['.cache']);
  });
});
