#!/usr/bin/env node
// The `trialdeck` command. Runs the bundled CLI (dist/cli/trialdeck.cjs, made
// by src/build-tools/bundle.ts) with V8's cached compiled code (see
// src/cache/cached-bundle.cts). Without a bundle it runs dist/cli/main.js as is.
import fs = require('node:fs');
import path = require('node:path');
import cached = require('../cache/cached-bundle.cjs');

const bundle = path.join(__dirname, 'trialdeck.cjs');

if (!fs.existsSync(bundle)) {
  void import('./main.js');
} else {
  const run = cached.runCachedBundle(bundle, module);
  // Written once, by `npm run build`, after a real build has compiled what builds use.
  if (process.env.TRIALDECK_CODE_CACHE === 'write') process.once('exit', () => run.save());
}
