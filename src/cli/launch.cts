#!/usr/bin/env node
// The `trialdeck` command. Runs the bundled CLI (dist/cli/trialdeck.cjs, made
// by src/build-tools/bundle.ts) with V8's cached compiled code (see
// src/cache/cached-bundle.cts). Without a bundle it runs dist/cli/main.js as is.
import fs = require('node:fs');
import path = require('node:path');
import threads = require('node:worker_threads');
import cached = require('../cache/cached-bundle.cjs');

/**
 * A first `build` into a folder draws every chart in the chart worker
 * (src/charts/chart-worker-pool.ts). Started here, the worker boots and loads
 * vega while this thread loads the bundle (~150 ms) instead of after it; the
 * pool adopts it. A rebuild (the folder has a chart cache, as src/build.ts
 * names it) finds its charts cached and starts none.
 */
function startChartWorkerEarly(args: string[]): void {
  if (args[0] !== 'build' || process.env.TRIALDECK_CHART_WORKER === '0') return;
  let out = 'output';
  args.forEach((a, i) => {
    if ((a === '-o' || a === '--output') && args[i + 1]) out = args[i + 1] as string;
    else if (a.startsWith('--output=')) out = a.slice('--output='.length);
  });
  const launcher = path.join(__dirname, '..', 'charts', 'chart-worker-launch.cjs');
  if (fs.existsSync(path.join(out, '.cache', 'charts')) || !fs.existsSync(launcher)) return;
  const early = { worker: new threads.Worker(launcher), failed: false };
  // Until the pool adopts it, a worker that fails only marks itself (an unheard 'error' would throw).
  early.worker.on('error', () => (early.failed = true));
  early.worker.on('exit', () => (early.failed = true));
  early.worker.postMessage({ warm: true });
  early.worker.unref();
  (globalThis as Record<symbol, unknown>)[Symbol.for('trialdeck.chartWorker.early')] = early;
}

const bundle = path.join(__dirname, 'trialdeck.cjs');

if (!fs.existsSync(bundle)) {
  void import('./main.js');
} else {
  startChartWorkerEarly(process.argv.slice(2));
  const run = cached.runCachedBundle(bundle, module);
  // Written once, by `npm run build`, after a real build has compiled what builds use.
  if (process.env.TRIALDECK_CODE_CACHE === 'write') process.once('exit', () => run.save());
}
