// Vega-Lite's compiler is the costliest step of drawing a chart that vega
// has drawn before in this process: ~30 ms a drawing, ~0.3 s for LEVOECMO's
// nine, on every studio or preview edit that touches any chart input (the
// journal is in every chart's source line). Its output does not depend on
// the data or the param values: they come out as `data[].values` and
// `signals[].value`. So a spec is compiled once with its datasets emptied and
// its param values nulled, and each drawing gets a copy with its own values
// put back. test/charts/compile-cache.test.ts checks, for every chart of every
// example trial, that this equals compiling the full spec.
import { createHash } from 'node:crypto';
import type { JsonObject } from './prepare-spec.js';
import type { VegaEngine, VegaLogger } from './sandbox.js';

type VegaSpec = { data?: { name?: string; values?: unknown }[]; signals?: { name?: string; value?: unknown }[] } & JsonObject;

const compiled = new Map<string, VegaSpec>();
/** Distinct chart layouts a process meets: a few per trial and theme. */
const MAX_ENTRIES = 64;

/** The spec with its data and param values taken out: what the compiled result depends on. */
function shape(spec: JsonObject): JsonObject {
  const out: JsonObject = { ...spec };
  if (spec.datasets && typeof spec.datasets === 'object') out.datasets = Object.fromEntries(Object.keys(spec.datasets).map((k) => [k, []]));
  if (Array.isArray(spec.params)) out.params = (spec.params as JsonObject[]).map((p) => ('value' in p ? { ...p, value: null } : p));
  return out;
}

/** vega-lite's compile of `spec`, from the cache when a spec of the same shape was compiled before. */
export function compileVegaLite(engine: VegaEngine, spec: JsonObject, logger: VegaLogger): VegaSpec {
  const stripped = shape(spec);
  const key = createHash('sha256').update(JSON.stringify(stripped)).digest('hex');
  let made = compiled.get(key);
  if (!made) {
    made = engine.vegaLite.compile(stripped as never, { logger: logger as never }).spec as unknown as VegaSpec;
    if (compiled.size >= MAX_ENTRIES) compiled.clear();
    compiled.set(key, made);
  }
  // vega may annotate the spec it parses: every drawing gets its own copy.
  const out = structuredClone(made);
  const datasets = (spec.datasets ?? {}) as Record<string, unknown>;
  for (const d of out.data ?? []) if (d.name !== undefined && Object.hasOwn(datasets, d.name) && 'values' in d) d.values = structuredClone(datasets[d.name]);
  const values = new Map(((spec.params ?? []) as JsonObject[]).filter((p) => 'value' in p).map((p) => [p.name, p.value]));
  for (const s of out.signals ?? []) if (values.has(s.name) && 'value' in s) s.value = structuredClone(values.get(s.name));
  return out;
}

/** Forgets every compiled spec (tests). */
export function clearCompileCache(): void {
  compiled.clear();
}
