// Extreme numbers anywhere a trial has a number (1e-300, 5e-324, 1e300, the
// largest double, 0, -0, equal CI bounds, huge counts) go through the whole
// pipeline (validate, evidence, charts, compose, render): the deck builds or
// the build fails with a TrialdeckError; nothing else (the toFixed RangeError
// of 1e-300 once escaped as "internal error"), and no chart hangs.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { makeDeck } from '../../src/build.js';
import { isTrialdeckError } from '../../src/errors.js';
import { parseTrialText } from '../../src/trial/load.js';

const base = parseYaml(readFileSync(new URL('../fixtures/hostile/base.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;

/** Every path to a number in the base trial. */
function numberPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value === 'number') out.push(path);
  else if (Array.isArray(value)) value.forEach((v, i) => numberPaths(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numberPaths(v, [...path, k], out);
  return out;
}
const PATHS = numberPaths(base);

function setIn(target: unknown, path: readonly (string | number)[], value: unknown): void {
  let cur = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
  cur[path[path.length - 1] as string | number] = value;
}

const EXTREME = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.5, 1e-300, 5e-324, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 1e15, 100, 101, 1e-7, 0.1 + 0.2),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -10, max: 1e9 }),
);

describe('extreme numbers through the whole pipeline', () => {
  it('build or fail with TrialdeckError, each within seconds (property)', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...PATHS), EXTREME), { minLength: 1, maxLength: 6 }), async (edits) => {
        const trial = structuredClone(base);
        for (const [path, value] of edits) setIn(trial, path, value);
        // Equal CI bounds are a classic: make them equal half of the time.
        const started = performance.now();
        try {
          const { trial: t, warnings } = parseTrialText(JSON.stringify(trial), 'numbers.json', 'data');
          await makeDeck(t, warnings, { cacheDir: false });
        } catch (err) {
          if (!isTrialdeckError(err)) throw new Error(`${err instanceof Error ? err.stack : String(err)}\nedits: ${JSON.stringify(edits)}`);
        }
        expect(performance.now() - started).toBeLessThan(20_000);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 30), seed: 6 },
    );
  });

  it('zero-width and degenerate intervals, the smallest and largest ratios that pass validation', async () => {
    for (const ci of [{ lower: 1, upper: 1 }, { lower: 1e-6, upper: 1e6 }, { lower: 2.06, upper: 2.06 }]) {
      const trial = structuredClone(base) as { results: { effect: unknown }[] };
      (trial.results[1] as { effect: unknown }).effect = { measure: 'RR', estimate: ci.lower === ci.upper ? ci.lower : 1, ci };
      const { trial: t, warnings } = parseTrialText(JSON.stringify(trial), 'ci.json', 'data');
      const deck = await makeDeck(t, warnings, { cacheDir: false });
      expect(deck.rendered.slides.length).toBeGreaterThan(10);
    }
  });
});
