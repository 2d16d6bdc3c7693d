// The chart worker thread's entry (see chart-worker-pool.ts). Runs the bundled
// worker (dist/charts/chart-worker.cjs: vega, vega-lite and our drawing code)
// with V8's cached compiled code, as the CLI launcher does: importing vega's
// ES modules one by one would cost the worker ~0.5 s before its first chart.
// Without a bundle (a build that skipped bundling) it imports the modules.
import fs = require('node:fs');
import path = require('node:path');
import cached = require('../cache/cached-bundle.cjs');

const bundle = path.join(__dirname, 'chart-worker.cjs');

if (!fs.existsSync(bundle)) {
  void import('./chart-worker.js');
} else {
  // `npm run build` runs a real build with TRIALDECK_CODE_CACHE=write: the worker saves what
  // it compiled after each chart (a worker has no reliable moment to do it at exit).
  const write = process.env.TRIALDECK_CODE_CACHE === 'write';
  let run: ReturnType<typeof cached.runCachedBundle> | undefined;
  (globalThis as Record<symbol, unknown>)[Symbol.for('trialdeck.chartWorker.afterDraw')] = () => {
    if (write) run?.save();
  };
  run = cached.runCachedBundle(bundle, module);
}
