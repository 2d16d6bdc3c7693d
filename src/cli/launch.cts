#!/usr/bin/env node
// The `trialdeck` command. Runs the bundled CLI (dist/cli/trialdeck.cjs, made
// by src/build-tools/bundle.ts) with V8's cached compiled code, which starts
// far faster than Node loading the ES modules one by one (Node 20 caches no
// compiled code for them). Without a bundle it runs dist/cli/main.js as is.
// A cache from another Node version is rejected by V8 and simply not used.
import fs = require('node:fs');
import Module = require('node:module');
import path = require('node:path');
import vm = require('node:vm');
const { existsSync, readFileSync, writeFileSync } = fs;
const { join } = path;

const bundle = join(__dirname, 'trialdeck.cjs');
const cacheFile = `${bundle}.cache`;

if (!existsSync(bundle)) {
  void import('./main.js');
} else {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // See src/export/import-external.ts: code restored from the cache cannot import() by itself.
  (globalThis as Record<symbol, unknown>)[Symbol.for('trialdeck.import')] = (specifier: string) => import(specifier);
  const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
    // The bundle imports puppeteer and marp-cli with import(): resolve them like any module.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  // Written once, by `npm run build`, after a real build has compiled what builds use.
  if (process.env.TRIALDECK_CODE_CACHE === 'write') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, __dirname);
}
