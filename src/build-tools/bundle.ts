// `npm run build`, after tsc: bundles the CLI into one CommonJS file and
// records V8's compiled code for it, so that `trialdeck` starts in a fraction
// of the time. Node 20 keeps no compile cache for ES modules: a cold
// `trialdeck build -f html` spent ~250 ms resolving and linking ~600 module
// files and ~400 ms compiling them. Measured on the CI-sized machine, cold
// build 1.96 s → ~1.5 s (bench/run.js has the current ratios).
//
//   dist/cli/main.js ──esbuild──► dist/cli/trialdeck.cjs ──warm-up build──► trialdeck.cjs.cache
//   dist/cli/launch.cjs (the bin) runs the bundle with that cache, or main.js when there is no bundle.
//   dist/charts/chart-worker.js ──esbuild──► dist/charts/chart-worker.cjs (+ .cache, written by the
//   same warm-up build's chart worker), run by dist/charts/chart-worker-launch.cjs.
//
// What the bundle changes, and why it is safe:
// - katex and mathjax-full become stand-ins that throw when used: marp-core
//   requires them at load even with math off (see src/marp/load-marp-core.ts);
// - vega-canvas is its browser build: the node build does a top-level
//   `await import('canvas')`, which CommonJS cannot hold, and trialdeck never
//   draws on a canvas (renderer 'none', our own text metrics);
// - import.meta.url is the bundle's own URL: dist/cli/ is two levels deep
//   like every dist/<stage>/ file, so `../../templates` still finds the package.
// test/cli/bundle.test.ts checks that the bundle and the unbundled CLI write
// byte-identical decks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
export const BUNDLE = join(dist, 'cli', 'trialdeck.cjs');

const STAND_IN = `module.exports = new Proxy(function () {}, { get(_, key) { throw new Error('trialdeck bundle: math module used (' + String(key) + '); math is off'); } });`;

const substitutes: Plugin = {
  name: 'trialdeck-substitutes',
  setup(b) {
    b.onResolve({ filter: /^(?:katex|mathjax-full)(?:\/|$)/ }, (args) => ({ path: args.path, namespace: 'math-stand-in' }));
    b.onLoad({ filter: /.*/, namespace: 'math-stand-in' }, () => ({ contents: STAND_IN, loader: 'js' }));
    b.onResolve({ filter: /^vega-canvas$/ }, () => ({ path: join(root, 'node_modules/vega-canvas/build/vega-canvas.browser.js') }));
  },
};

/** The chart worker's bundle (vega, vega-lite, our drawing code), run by dist/charts/chart-worker-launch.cjs. */
export const WORKER_BUNDLE = join(dist, 'charts', 'chart-worker.cjs');

async function bundle(entry: string, outfile: string): Promise<void> {
  const shim = join(dist, 'build-tools', 'import-meta-shim.js');
  writeFileSync(shim, "export const importMetaUrl = require('node:url').pathToFileURL(__filename).href;\n");
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // Browsers and marp-cli (PPTX) load only when exporting; they stay ordinary packages.
    external: ['puppeteer-core', '@sparticuz/chromium', '@marp-team/marp-cli'],
    plugins: [substitutes],
    inject: [shim],
    define: { 'import.meta.url': 'importMetaUrl' },
    legalComments: 'none',
    // Whole minification halves what V8 reads and compiles. Not keepNames: its __name()
    // wrappers would break functions that puppeteer serialises into the page.
    // TRIALDECK_BUNDLE_MINIFY=0 keeps our own names readable in a --cpu-prof profile.
    minify: process.env.TRIALDECK_BUNDLE_MINIFY !== "0",
    logLevel: 'error',
  });
}

/** Runs one real build through the launcher so V8 compiles (and then saves) what a build uses. */
function warmUp(): void {
  // V8 accepts a code cache whose source has the same length (its check hashes the length, not the
  // text): an edit like 46 → 40 would keep running the old compiled code, and the warm-up would save
  // it again. Start from no cache.
  rmSync(`${BUNDLE}.cache`, { force: true });
  rmSync(`${WORKER_BUNDLE}.cache`, { force: true });
  const out = mkdtempSync(join(tmpdir(), 'trialdeck-warmup-'));
  try {
    const r = spawnSync(process.execPath, [join(dist, 'cli', 'launch.cjs'), 'build', join(root, 'data', 'levoecmo.yaml'), '-f', 'md,html', '-o', out], {
      env: { ...process.env, TRIALDECK_CODE_CACHE: 'write' },
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`warm-up build failed:\n${r.stderr}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

await bundle(join(dist, 'cli', 'main.js'), BUNDLE);
await bundle(join(dist, 'charts', 'chart-worker.js'), WORKER_BUNDLE);
warmUp();
