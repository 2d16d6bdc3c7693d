// The chart worker's side: vega runs here, on the machine's other core, while
// the main thread composes and renders the slides (src/charts/chart-worker-pool.ts).
// It only draws: the main thread has already checked the template, filled in
// the data and looked in the cache. Errors travel back as code + message +
// problems and become the same TrialdeckError in the main thread.
import { parentPort } from 'node:worker_threads';
import { isTrialdeckError } from '../errors.js';
import { drawPrepared, type PreparedChart } from './render.js';
import { importVegaEngine } from './sandbox.js';

export type DrawRequest = { id: number; chart: PreparedChart } | { warm: true };

export type DrawReply =
  | { id: number; svg: string }
  | { id: number; error: { code: string; message: string; problems: unknown[] } };

/** Set by the launcher (chart-worker-launch.cts) so a build can save V8's compiled code. */
const afterDraw = (globalThis as Record<symbol, unknown>)[Symbol.for('trialdeck.chartWorker.afterDraw')] as (() => void) | undefined;

parentPort?.on('message', (request: DrawRequest) => {
  // A build that will draw charts starts the worker early: vega is imported while the trial loads.
  if ('warm' in request) return void importVegaEngine().catch(() => {});
  void (async (): Promise<DrawReply> => {
    try {
      return { id: request.id, svg: await drawPrepared(request.chart, await importVegaEngine()) };
    } catch (err) {
      if (isTrialdeckError(err)) return { id: request.id, error: { code: err.code, message: err.message, problems: [...err.problems] } };
      return { id: request.id, error: { code: 'CHART', message: `Chart rendering failed: ${err instanceof Error ? err.message : String(err)}`, problems: [] } };
    }
  })().then((reply) => {
    parentPort?.postMessage(reply);
    afterDraw?.();
  });
});
