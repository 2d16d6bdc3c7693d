// Loads @marp-team/marp-core without MathJax and KaTeX.
//
// marp-core requires both math engines when it is imported, even when math
// is off, and that is ~220 ms of a ~350 ms import (measured on the CI-sized
// machine; see bench/). We render with `math: false` (a `$x$` in a trial is
// text), so while marp-core loads, its `require('katex')` and
// `require('mathjax-full/…')` get a stand-in that throws on any use. Nothing
// touches it with math off (checked for import, construction and render), and
// if a later marp-core ever did, the stand-in fails loudly instead of
// rendering wrong. Versions are pinned; test/marp/engine.test.ts guards this.
import Module, { createRequire } from 'node:module';
import type * as MarpCore from '@marp-team/marp-core';
import { TrialdeckError } from '../errors.js';

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };

const MATH_MODULES = /^(?:katex|mathjax-full)(?:\/|$)/;

/** The modules that were replaced, for the test that checks they stay unused. */
export const STUBBED: string[] = [];

export function standIn(request: string): unknown {
  const refuse = (): never => {
    throw new TrialdeckError('INTERNAL', `marp-core used ${request}, which trialdeck does not load (math is off); see src/marp/load-marp-core.ts`);
  };
  return new Proxy(function () {}, { get: refuse, apply: refuse, construct: refuse, has: refuse, ownKeys: refuse });
}

let core: typeof MarpCore | undefined;

export function marpCore(): typeof MarpCore {
  if (core) return core;
  const original = loader._load;
  loader._load = function (this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
    if (MATH_MODULES.test(request)) {
      STUBBED.push(request);
      return standIn(request);
    }
    return original.call(this, request, parent, isMain);
  };
  try {
    // Inside the CommonJS bundle (src/build-tools/bundle.ts) `require` exists and esbuild
    // bundles marp-core, with the math modules already replaced there.
    core = (typeof require === 'function' ? require('@marp-team/marp-core') : createRequire(import.meta.url)('@marp-team/marp-core')) as typeof MarpCore;
  } finally {
    loader._load = original;
  }
  return core;
}
