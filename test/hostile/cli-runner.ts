// Runs the compiled CLI the way a user does, optionally under strace, with
// a watchdog: a run is killed when it makes no progress within the per-case
// limit. For a batch (many inputs, one process) the time of each input is
// read off the progress lines: `[k/n] input` (stderr) when it starts, the
// next such line or ✓/✗ (stdout) when it is done.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { ROOT } from './corpus-cases.js';

import { CLI } from '../helpers/cli.js';

export { CLI };

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the whole process, ms. */
  ms: number;
  /**
   * CPU time (user + system) of the process and its children, ms: the work a
   * case costs, which a busy machine stretches far less than wall time.
   */
  cpuMs?: number;
  /** Per input of a batch: ms from its `[k/n]` start line to the next progress line (start-up excluded). */
  perInput: Map<string, number>;
  timedOut: boolean;
  /** strace output, when strace ran. */
  trace?: string;
}

let straceChecked: boolean | undefined;
/** strace with seccomp-bpf costs almost nothing; without it the file-read check falls back to the canary. */
export function haveStrace(): boolean {
  straceChecked ??= spawnSync('strace', ['-V'], { encoding: 'utf8' }).status === 0;
  return straceChecked;
}

export interface RunOptions {
  cwd: string;
  /** Kill the run when no input has finished for this long. */
  perInputMs: number;
  /** Trace file-opening, connect and exec system calls into this file. */
  traceFile?: string;
  env?: Record<string, string>;
}

export function runCli(args: readonly string[], opts: RunOptions): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', TRIALDECK_BROWSER_SEARCH: 'none', ...opts.env };
  delete env.TRIALDECK_DEBUG;
  const command = opts.traceFile
    ? ['strace', '-f', '-qq', '--seccomp-bpf', '-e', 'trace=open,openat,openat2,creat,connect,execve,execveat', '-o', opts.traceFile, process.execPath, CLI, ...args]
    : [process.execPath, CLI, ...args];
  const start = performance.now();
  return new Promise((done) => {
    // bash runs the command and then prints its children's CPU times (`times`) on fd 3.
    // Its own process group, so the watchdog kills the CLI too, not just bash.
    const child = spawn('bash', ['-c', '"$@"; rc=$?; times >&3; exit $rc', 'trialdeck-run', ...command], { cwd: opts.cwd, env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    let times = '';
    // All four are pipes (stdio above); the typings cannot know that for an array.
    const [, out, err, fd3] = child.stdio as unknown as [null, Readable, Readable, Readable];
    fd3.setEncoding('utf8');
    fd3.on('data', (chunk: string) => (times += chunk));
    let timedOut = false;
    // Batches print `[k/n] input` on stderr when an input starts and `✓ input` when decks are committed.
    const marks: { at: number; input?: string }[] = [];
    let watchdog = setTimeout(kill, opts.perInputMs);
    function kill(): void {
      timedOut = true;
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }
    const mark = (input?: string): void => {
      marks.push({ at: performance.now(), input });
      clearTimeout(watchdog);
      watchdog = setTimeout(kill, opts.perInputMs);
    };
    out.setEncoding('utf8');
    err.setEncoding('utf8');
    out.on('data', (chunk: string) => {
      stdout += chunk;
      for (const _ of chunk.matchAll(/^[✓✗] /gmu)) mark();
    });
    err.on('data', (chunk: string) => {
      stderr += chunk;
      for (const m of chunk.matchAll(/^\[\d+\/\d+\] (\S+)$/gm)) mark(m[1]);
    });
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      const trace = opts.traceFile && existsSync(opts.traceFile) ? readFileSync(opts.traceFile, 'utf8') : undefined;
      const end = performance.now();
      const perInput = new Map<string, number>();
      marks.forEach((m, i) => {
        if (m.input) perInput.set(m.input, (marks[i + 1]?.at ?? end) - m.at);
      });
      done({ code, signal, stdout, stderr, ms: end - start, cpuMs: childrenCpuMs(times), perInput, timedOut, trace });
    });
  });
}

/** The second line of bash's `times` ("0m1.234s 0m0.210s": the children's user and system time), in ms. */
function childrenCpuMs(times: string): number | undefined {
  const line = times.trim().split('\n')[1];
  const parts = line ? [...line.matchAll(/(\d+)m([\d.]+)s/g)] : [];
  if (parts.length !== 2) return undefined;
  return parts.reduce((sum, m) => sum + (Number(m[1]) * 60 + Number(m[2])) * 1000, 0);
}

/** Runs jobs with at most `limit` at a time, keeping their order in the result. */
export async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface TraceReport {
  /** Paths opened (or attempted) outside every allowed root. */
  outside: string[];
  connects: string[];
  /** execve calls after the first (the CLI itself). */
  execs: string[];
}

/**
 * Reads an strace log. A path counts as allowed inside the project, the
 * given folders, the system libraries and pseudo-filesystems node reads at
 * start-up, and node_modules folders that module resolution probes.
 */
export function checkTrace(trace: string, cwd: string, allowed: readonly string[]): TraceReport {
  const roots = [...new Set([ROOT, ...allowed].flatMap((p) => [resolve(p), safeRealpath(p)]))];
  const system = ['/etc/ld.so.cache', '/etc/ssl/', '/etc/localtime', '/usr/share/zoneinfo/', '/lib/', '/lib64/', '/usr/lib/', '/usr/lib64/', '/usr/local/lib/', '/proc/', '/sys/', '/dev/', process.execPath, safeRealpath(process.execPath)];
  const outside: string[] = [];
  const connects: string[] = [];
  const execs: string[] = [];
  let firstExec = true;
  for (const line of trace.split('\n')) {
    const call = /^\d+\s+(\w+)\((.*)$/.exec(line);
    if (!call) continue;
    const [, name = '', rest = ''] = call;
    if (name === 'connect') connects.push(line);
    else if (name === 'execve' || name === 'execveat') {
      if (firstExec) firstExec = false;
      else execs.push(line);
    } else if (/^(open|openat|openat2|creat)$/.test(name)) {
      const m = /"((?:[^"\\]|\\.)*)"/.exec(rest);
      if (!m) continue;
      const raw = (m[1] ?? '').replace(/\\(.)/g, '$1');
      // openat(AT_FDCWD, …) with a relative path is relative to the working folder.
      const path = isAbsolute(raw) ? resolve(raw) : resolve(cwd, raw);
      const ok =
        roots.some((r) => path === r || path.startsWith(r + sep)) ||
        system.some((s) => (s.endsWith('/') ? path.startsWith(s) : path === s)) ||
        /(^|\/)node_modules(\/|$)/.test(path) && isAncestorProbe(path) ||
        [join(homedir(), '.node_modules'), join(homedir(), '.node_libraries')].some((p) => path.startsWith(p));
      if (!ok) outside.push(path);
    }
  }
  return { outside: [...new Set(outside)], connects, execs };
}

/** `/work/node_modules/x` while resolving from /work/main: node looks in every ancestor's node_modules. */
function isAncestorProbe(path: string): boolean {
  const base = path.slice(0, path.indexOf('node_modules'));
  return ROOT.startsWith(base) || base === '/';
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}
