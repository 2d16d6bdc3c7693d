// Draws charts in a worker thread, so that vega (the slowest stage of a cold
// build: ~0.4 s for LEVOECMO's eight drawings) runs on the other core while
// the main thread composes and renders the slides with placeholders
// (src/build.ts). One worker per process, started on the first chart that
// is not in the cache, kept for the next deck (batch builds, the preview and
// the studio), and unref'd whenever it has nothing to do, so it never keeps
// a finished process alive.
//
//   main: prepareChart ─► cache? ─► draw(chart) ──postMessage──► worker: vega ─► SVG
//                                        ▲                               │
//                                        └─────────── {id, svg | error} ◄┘
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TrialdeckError, type ErrorCode, type Problem } from '../errors.js';
import type { DrawReply, DrawRequest } from './chart-worker.js';
import { drawHere, type PreparedChart } from './render.js';

/** dist/charts/, found from src/charts (tests), dist/charts and the CLI bundle in dist/cli alike. */
const LAUNCHER = fileURLToPath(new URL('../../dist/charts/chart-worker-launch.cjs', import.meta.url));

type Pending = { resolve: (svg: string) => void; reject: (err: unknown) => void };

export class ChartWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Set when the worker could not start or died: every later chart is drawn in-process. */
  private broken = false;

  /** Whether charts go to a worker: off with TRIALDECK_CHART_WORKER=0, or when dist/ has no launcher. */
  static available(): boolean {
    return process.env.TRIALDECK_CHART_WORKER !== '0' && existsSync(LAUNCHER);
  }

  draw(chart: PreparedChart): Promise<string> {
    const worker = this.broken ? undefined : this.start();
    if (!worker) return drawHere(chart);
    const id = this.nextId++;
    if (this.pending.size === 0) worker.ref();
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, chart } satisfies DrawRequest);
    });
  }

  /** Starts the worker and has it import vega, so that the first chart does not wait for either. */
  warm(): void {
    if (!this.broken) this.start()?.postMessage({ warm: true } satisfies DrawRequest);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const worker = adoptEarlyWorker() ?? new Worker(LAUNCHER);
      worker.on('message', (reply: DrawReply) => this.settle(reply));
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      worker.unref();
      this.worker = worker;
      return worker;
    } catch {
      this.broken = true;
      return undefined;
    }
  }

  private settle(reply: DrawReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    if ('svg' in reply) job.resolve(reply.svg);
    else job.reject(new TrialdeckError(reply.error.code as ErrorCode, reply.error.message, reply.error.problems as Problem[]));
  }

  /** A crashed worker fails no deck: its charts are drawn again in this thread. */
  private fail(): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.broken = true;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.reject(new WorkerLost());
  }
}

/** Internal: the job must be redone in-process (see drawInWorker). */
class WorkerLost extends Error {}

/** The worker src/cli/launch.cts started before the bundle loaded, if it is still alive. */
function adoptEarlyWorker(): Worker | undefined {
  const key = Symbol.for('trialdeck.chartWorker.early');
  const early = (globalThis as Record<symbol, unknown>)[key] as { worker: Worker; failed: boolean } | undefined;
  delete (globalThis as Record<symbol, unknown>)[key];
  if (!early || early.failed) return undefined;
  early.worker.removeAllListeners();
  return early.worker;
}

let shared: ChartWorker | undefined;

/** Draws one prepared chart in the process-wide worker, or in this thread when no worker can run. */
export async function drawInWorker(chart: PreparedChart): Promise<string> {
  if (!ChartWorker.available()) return drawHere(chart);
  shared ??= new ChartWorker();
  try {
    return await shared.draw(chart);
  } catch (err) {
    if (err instanceof WorkerLost) return drawHere(chart);
    throw err;
  }
}

/**
 * Starts the shared worker ahead of the first chart (a cold build calls this before loading the
 * trial; the studio and preview when they start). Does nothing where no worker can run.
 */
export function warmChartWorker(): void {
  if (!ChartWorker.available()) return;
  shared ??= new ChartWorker();
  shared.warm();
}

/** Stops the shared worker (tests, and servers on close). */
export async function closeChartWorker(): Promise<void> {
  await shared?.close();
  shared = undefined;
}
