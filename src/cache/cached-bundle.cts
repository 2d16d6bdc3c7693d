// Runs a bundled CommonJS file (made by src/build-tools/bundle.ts) with V8's
// cached compiled code, which starts far faster than Node loading the ES
// modules one by one (Node 20 caches no compiled code for them). Used by the
// CLI launcher and the chart worker's launcher. A cache from another Node
// version is rejected by V8 and simply not used.
import fs = require('node:fs');
import Module = require('node:module');
import path = require('node:path');
import vm = require('node:vm');

interface CachedBundle {
  /** Writes V8's compiled code for everything run so far next to the bundle (`<bundle>.cache`). */
  save(): void;
}

function runCachedBundle(bundle: string, parent: NodeJS.Module): CachedBundle {
  const cacheFile = `${bundle}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // See src/export/import-external.ts: code restored from the cache cannot import() by itself.
  (globalThis as Record<symbol, unknown>)[Symbol.for('trialdeck.import')] = (specifier: string) => import(specifier);
  const source = fs.readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
    // The bundle imports puppeteer and marp-cli with import(): resolve them like any module.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const dir = path.dirname(bundle);
  const mod = new Module(bundle, parent);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dir);
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, dir);
  return { save: () => fs.writeFileSync(cacheFile, script.createCachedData()) };
}

export = { runCachedBundle };
