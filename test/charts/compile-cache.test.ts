// The compile cache (src/charts/compile-cache.ts) rests on one claim: vega-lite's
// output does not depend on data or param values. Checked here for every
// drawing of every example trial, as the deck draws them.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildChartInputs } from '../../src/charts/index.js';
import { clearCompileCache, compileVegaLite } from '../../src/charts/compile-cache.js';
import { prepareChart } from '../../src/charts/render.js';
import { createFailingLogger, importVegaEngine, type VegaEngine } from '../../src/charts/sandbox.js';
import { loadChartSpec } from '../../src/charts/spec-files.js';
import { deriveEvidence } from '../../src/evidence/index.js';
import { loadTrial } from '../../src/trial/load.js';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

async function drawings(file: string) {
  const { trial } = await loadTrial(dataDir + file);
  const out = [];
  for (const input of buildChartInputs(trial, undefined, deriveEvidence(trial))) {
    const template = await loadChartSpec(input.id);
    for (const d of [input, ...(input.beside ? [input.beside] : [])]) {
      out.push({ id: input.id, spec: prepareChart(template, d.datasets, { params: d.params, width: d.width, height: d.height, title: input.title, desc: input.alt }).spec });
    }
  }
  return out;
}

describe('vega-lite compile cache', () => {
  beforeEach(() => clearCompileCache());

  it('gives exactly what compiling the full spec gives, for every drawing of all 11 example trials', async () => {
    const engine = await importVegaEngine();
    const files = readdirSync(dataDir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    let n = 0;
    for (const file of files) {
      for (const { id, spec } of await drawings(file)) {
        const direct = engine.vegaLite.compile(spec as never, { logger: createFailingLogger() as never }).spec;
        expect(compileVegaLite(engine, spec, createFailingLogger()), `${file} ${id}`).toEqual(direct);
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });

  it('compiles a chart once when only its data and params change (a journal edit), and never shares a copy', async () => {
    const real = await importVegaEngine();
    let compiles = 0;
    const engine: VegaEngine = { ...real, vegaLite: { ...real.vegaLite, compile: (...a: Parameters<typeof real.vegaLite.compile>) => (compiles++, real.vegaLite.compile(...a)) } };
    const [a] = await drawings('levoecmo.yaml');
    if (!a) throw new Error('no chart');
    const edited = structuredClone(a.spec);
    const params = edited.params as { name: string; value: unknown }[];
    const source = params.find((p) => p.name === 'sourceLine');
    if (!source) throw new Error('no sourceLine param');
    source.value = 'Source: LEVOECMO, JAMA 2027';
    const first = compileVegaLite(engine, a.spec, createFailingLogger());
    const second = compileVegaLite(engine, edited, createFailingLogger());
    expect(compiles).toBe(1);
    expect(JSON.stringify(second.signals)).toContain('JAMA 2027');
    expect(JSON.stringify(first.signals)).not.toContain('JAMA 2027');
    // A new layout (another size) is another compile.
    compileVegaLite(engine, { ...a.spec, width: (a.spec.width as number) - 40 }, createFailingLogger());
    expect(compiles).toBe(2);
  });
});
