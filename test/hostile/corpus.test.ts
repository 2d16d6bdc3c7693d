// The hostile corpus, run through the compiled CLI as a user would:
// `trialdeck build <case> -f md,html -o <tmp>`. Every case either builds or
// fails cleanly; see test/fixtures/hostile/README.md for the list.
//
//   builds ─► exit 0, same slide count as its benign twin, every payload
//             shown literally, only the shell's own scripts, no event
//             handlers, nothing loaded from the network or disk
//   fails  ─► exit 1 (2 for usage), an error naming the field or line,
//             no stack trace, no output folder, no staging leftovers
//   always ─► exit 0/1/2 within 10 s per case, no "internal error", no file
//             opened outside the project/input/output folders (strace), no
//             connect(), no child process, the canary's secret nowhere, and
//             no prototype pollution when the same inputs load in-process
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDeck } from '../../src/build.js';
import { isTrialdeckError } from '../../src/errors.js';
import { loadTrial } from '../../src/trial/load.js';
import { checkTrace, CLI, haveStrace, pool, runCli, type CliRun } from './cli-runner.js';
import { loadCases, materialise, writeTwin, type HostileCase } from './corpus-cases.js';
import { isExternal, notesOf, shown, slideCount, tags, urls, visibleText } from './html-checks.js';

/** The hang limit on an idle machine. */
const PER_CASE_MS = 10_000;
/** `base.yaml` built alone, cold, on an idle 2-core machine: about 2.5 s. */
const NOMINAL_BASE_MS = 3_000;
/** The wall-time limit for cases in a batch, scaled when the machine is busy (measured by timing base.yaml first). */
let limitMs = PER_CASE_MS;
/** Cases heavy enough to get a process of their own (so their time is their own). */
const ALONE = new Set(['base', 'size-200-outcomes', 'size-all-limits', 'size-1mb-bullet', 'size-10k-bullets', 'size-long-word', 'size-10k-outcomes', 'summary-duplicated-sections']);
const BATCH = 7;

interface Outcome {
  c: HostileCase;
  run: CliRun;
  input: string;
  outDir: string;
  /** ✓ or ✗ for this input (a batch prints one line per input). */
  built: boolean;
  /** CPU time for a case run alone; wall time from the progress lines for a case in a batch. */
  ms: number;
  clock: 'cpu' | 'wall';
  trace?: ReturnType<typeof checkTrace>;
  twinSlides?: number;
  twinImages?: number;
}

const allCases = loadCases();
/** `HOSTILE_ONLY=name,name npx vitest run test/hostile/corpus.test.ts` runs a few cases. */
const only = process.env.HOSTILE_ONLY?.split(',').filter(Boolean);
const cases = only ? allCases.filter((c) => only.includes(c.name)) : allCases;
let work: string;
let canary: string;
let secret: string;
const outcomes = new Map<string, Outcome>();
const inProcess = new Map<string, unknown>();
let protoBefore: string[] = [];

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npx tsc -p .` (npm test does it)');
  work = mkdtempSync(join(tmpdir(), 'td-hostile-'));
  canary = mkdtempSync(join(tmpdir(), 'td-hostile-canary-'));
  secret = `CANARY-${Math.random().toString(36).slice(2)}-SECRET`;
  writeFileSync(join(canary, 'secret.txt'), secret);
  for (const d of ['in', 'twins', 'tmp']) mkdirSync(join(work, d));
  const ready = materialise(cases, join(work, 'in'), canary);

  // Batches of inputs that need no options of their own; everything else runs alone.
  const batchable = ready.filter((c) => c.file && c.expect !== 'fail' && !c.args && !ALONE.has(c.name));
  const runs: HostileCase[][] = [];
  for (let i = 0; i < batchable.length; i += BATCH) runs.push(batchable.slice(i, i + BATCH));
  for (const c of ready) if (c.file && !batchable.includes(c)) runs.push([c]);

  // base.yaml first and alone: it calibrates the time limit for a busy machine,
  // and its chart cache seeds every other run (most cases change no chart data).
  const first = ready.find((c) => c.name === 'base');
  const rest = runs.filter((g) => g[0] !== first);
  const runGroup = async (group: HostileCase[], seed?: string): Promise<void> => {
    const key = group.length === 1 ? group[0]?.name : `batch-${runs.indexOf(group)}`;
    const outDir = join(work, `out-${key}`);
    if (seed) cpSync(seed, join(outDir, '.cache'), { recursive: true });
    const inputs = group.map((c) => join('in', c.file as string));
    const traceFile = haveStrace() ? join(work, `trace-${key}.txt`) : undefined;
    const run = await runCli(['build', ...inputs, '-f', 'md,html', '-o', relative(work, outDir), ...(group[0]?.args ?? [])], {
      cwd: work,
      // The watchdog only catches real hangs; the time limit is asserted per case below.
      perInputMs: 6 * PER_CASE_MS,
      traceFile,
      // The CLI's own temp files go here, so leftovers can be seen.
      env: { TMPDIR: join(work, 'tmp') },
    });
    // Folders the user named on the command line are inputs too (a templates folder, a department file's folder).
    const named = (group[0]?.args ?? []).flatMap((a, i, all) => {
      const flag = all[i - 1];
      if (flag === '--templates') return [resolve(work, a)];
      if (flag === '--department' && /\.ya?ml$/.test(a)) return [dirname(resolve(work, a))];
      return [];
    });
    const trace = run.trace !== undefined ? checkTrace(run.trace, work, [join(work, 'in'), outDir, join(work, 'tmp'), ...named]) : undefined;
    for (const [i, c] of group.entries()) {
      const input = inputs[i] as string;
      const line = new RegExp(`^([✓✗]) ${escapeRegExp(input)}( |$)`, 'mu').exec(run.stdout);
      // A case alone is held to its CPU time: on a loaded two-core CI machine its wall time
      // measures the neighbours (size-dense-512kb once took 14 s wall for 3 s of work).
      const cpu = group.length === 1 ? run.cpuMs : undefined;
      const ms = cpu ?? run.perInput.get(input) ?? run.ms;
      outcomes.set(c.name, { c, run, input, outDir, built: line?.[1] === '✓', ms, clock: cpu === undefined ? 'wall' : 'cpu', trace });
    }
  };
  const baseGroup = runs.find((g) => g[0] === first);
  if (baseGroup) {
    await runGroup(baseGroup);
    const baseMs = outcomes.get('base')?.run.ms ?? NOMINAL_BASE_MS;
    limitMs = PER_CASE_MS * Math.min(4, Math.max(1, baseMs / NOMINAL_BASE_MS));
  }
  const seed = join(work, 'out-base', '.cache');
  await pool(rest, 2, (group) => runGroup(group, existsSync(seed) ? seed : undefined));

  // Benign twins, in-process: the slide count and image count a harmless deck of the same shape has.
  for (const c of ready) {
    const o = outcomes.get(c.name);
    const twin = writeTwin(c, join(work, 'in'), join(work, 'twins'));
    if (!o || !twin) continue;
    const { trial, warnings } = await loadTrial(twin);
    const deck = await makeDeck(trial, warnings, { cacheDir: join(work, 'twin-cache') });
    o.twinSlides = deck.rendered.slides.length;
    o.twinImages = (deck.rendered.html.match(/<img /g) ?? []).length;
  }

  // The same inputs in-process: only TrialdeckError may come out, and no prototype may change.
  protoBefore = protoKeys();
  for (const c of ready) {
    if (!c.file || c.args) continue;
    try {
      await loadTrial(join(work, 'in', c.file));
      inProcess.set(c.name, 'ok');
    } catch (err) {
      inProcess.set(c.name, err);
    }
  }
}, 900_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (canary) rmSync(canary, { recursive: true, force: true });
  expect(work && existsSync(work)).toBeFalsy();
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function protoKeys(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].flatMap((p, i) => Reflect.ownKeys(p).map((k) => `${i}:${String(k)}`)).sort();
}

/** Every file under a folder, relative paths. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

const STACK = /\n\s+at .+[:(]\d+:\d+\)?/;

describe('hostile corpus through the CLI', () => {
  it('has at least 40 cases, each listed in the README', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(40);
    const readme = readFileSync(new URL('../fixtures/hostile/README.md', import.meta.url), 'utf8');
    for (const c of allCases) expect(readme, c.name).toContain(`| ${c.name} |`);
  });

  for (const c of cases) {
    it(`${c.name}: ${c.attacks}`, () => {
      const o = outcomes.get(c.name);
      expect(o, 'the case ran').toBeDefined();
      if (!o) return;
      const { run } = o;
      const all = `${run.stdout}\n${run.stderr}`;
      // Never: a hang, a crash, an internal error, a stack trace.
      expect(run.timedOut, `${c.name} hung: killed after ${6 * PER_CASE_MS} ms without progress`).toBe(false);
      const limit = o.clock === 'cpu' ? PER_CASE_MS : limitMs;
      expect(o.ms, `${c.name} took ${Math.round(o.ms)} ms of ${o.clock} time (limit ${Math.round(limit)} ms)`).toBeLessThan(limit);
      expect(run.signal).toBeNull();
      expect([0, 1, 2]).toContain(run.code);
      expect(all).not.toMatch(/internal error/i);
      expect(run.stderr).not.toMatch(STACK);
      expect(all).not.toContain(secret);
      // Never: a file opened outside the project and the input/output folders, a connection, a child process.
      if (o.trace) {
        expect(o.trace.outside, 'files opened outside the allowed folders').toEqual([]);
        expect(o.trace.connects, 'network connections').toEqual([]);
        expect(o.trace.execs, 'child processes').toEqual([]);
      }
      const entries = existsSync(o.outDir) ? readdirSync(o.outDir, { withFileTypes: true }) : [];
      const deckDir = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
      expect(entries.map((e) => e.name).filter((f) => f.startsWith('.staging-') || f.startsWith('.retired-')), 'staging leftovers').toEqual([]);

      if (c.expect === 'fail') expect(o.built, `${c.name} should have failed`).toBe(false);
      if (c.expect === 'build') expect(o.built, `${c.name} should have built:\n${run.stderr}`).toBe(true);

      if (!o.built) {
        // Fails cleanly: exit 1 (2 only for usage), and the error names the field or the line.
        expect(run.code).toBe(1);
        expect(run.stderr).toMatch(/^error /m);
        if (c.error) expect(run.stderr).toMatch(new RegExp(c.error));
        if (o.run.perInput.size <= 1) expect(deckDir, 'no deck folder after a failure').toEqual([]);
        return;
      }

      // Builds: the deck is complete and shows the hostile text as text.
      const id = /→ \S*?([^/\s]+)\/ \(/u.exec(new RegExp(`^✓ ${escapeRegExp(o.input)} → .*$`, 'mu').exec(run.stdout)?.[0] ?? '')?.[1];
      expect(id, 'the ✓ line names the output folder').toBeDefined();
      const dir = join(o.outDir, id as string);
      const html = readFileSync(join(dir, 'deck.html'), 'utf8');
      const md = readFileSync(join(dir, 'deck.md'), 'utf8');
      expect(md.startsWith('---\nmarp: true\n'), 'front matter intact').toBe(true);
      if (o.twinSlides !== undefined) {
        expect(slideCount(html), 'same slide count as the benign twin').toBe(o.twinSlides);
        expect((html.match(/<img /g) ?? []).length, 'no extra images').toBe(o.twinImages);
      }
      const text = visibleText(html);
      for (const p of o.c.payloads ?? []) {
        const s = shown(p);
        if (s.length > 0) expect(text.includes(s), `payload shown literally: ${JSON.stringify(p).slice(0, 120)}`).toBe(true);
      }
      // Only the shell's two scripts; no event handlers; nothing to fetch.
      expect(html.match(/<script/gi)).toHaveLength(2);
      const all_tags = tags(html);
      expect(all_tags.flatMap((t) => t.attrs.filter((a) => a.name.startsWith('on')).map((a) => `${t.name} ${a.name}`))).toEqual([]);
      expect(all_tags.filter((t) => ['iframe', 'object', 'embed', 'link', 'base', 'form', 'input', 'video', 'audio'].includes(t.name)).map((t) => t.name)).toEqual([]);
      expect(urls(html).filter(isExternal), 'URLs the page would load').toEqual([]);
      expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
      expect(all_tags.filter((t) => t.name === 'meta' && t.attrs.some((a) => a.name === 'http-equiv')), 'only the CSP meta').toHaveLength(1);
      for (const note of notesOf(html)) expect(note).not.toMatch(/-->|<!--/);
      for (const f of filesUnder(dir)) expect(readFileSync(join(dir, f), 'latin1'), f).not.toContain(secret);
    });
  }

  it('the same inputs loaded in-process throw only TrialdeckError and pollute no prototype', () => {
    for (const [name, r] of inProcess) {
      if (r !== 'ok') expect(isTrialdeckError(r), `${name}: ${String(r)}`).toBe(true);
    }
    expect(protoKeys()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the CLI left nothing in its temp folder', () => {
    expect(readdirSync(join(work, 'tmp'))).toEqual([]);
  });

  it('reports per-case times', () => {
    const times = [...outcomes.values()].map((o) => [`${o.c.name} (${o.clock})`, Math.round(o.ms)] as const).sort((a, b) => b[1] - a[1]);
    // Visible with --reporter=verbose; the slowest five.
    console.log(`hostile corpus: limit ${PER_CASE_MS} ms CPU alone, ${Math.round(limitMs)} ms wall in a batch; slowest (ms): ${times.slice(0, 6).map(([n, ms]) => `${n} ${ms}`).join(', ')}`);
    expect(times.length).toBe(cases.length);
  });
});
