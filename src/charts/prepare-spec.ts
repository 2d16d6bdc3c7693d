// Turns a chart template (pure Vega-Lite JSON with named data sources) plus
// run-time inputs into the spec that is compiled. The contract a template
// must keep, checked here with JSON paths in the errors:
//   - data only as `{"name": …}`; no `url`, `href`, inline values or `datasets`;
//   - every named source is supplied at run time, and every dataset is used;
//   - run-time values go only into `params` the template declares;
//   - the stage sets width/height (the whole canvas) and the theme's config.
import { TrialdeckError } from '../errors.js';
import { findExternalReference } from './sandbox.js';

export type JsonObject = Record<string, unknown>;
export type Datasets = Record<string, readonly JsonObject[]>;

export interface PrepareOptions {
  params?: Record<string, unknown>;
  width?: number;
  height?: number;
  config?: JsonObject;
}

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

function bad(message: string): TrialdeckError {
  return new TrialdeckError('CHART', `Chart spec: ${message}`);
}

function collectDataNames(value: unknown, path: string, names: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectDataNames(v, `${path}[${i}]`, names));
    return;
  }
  if (!isObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    const here = `${path}.${key}`;
    if (key === 'data' && v !== null) {
      const keys = isObject(v) ? Object.keys(v) : [];
      if (!isObject(v) || typeof v.name !== 'string' || keys.length !== 1) {
        throw bad(`${here} must be {"name": …} (data is supplied at run time), found ${JSON.stringify(v).slice(0, 80)}`);
      }
      names.add(v.name);
    } else collectDataNames(v, here, names);
  }
}

/** Deep merge for config objects: `over` wins, arrays are replaced. */
export function mergeConfig(base: JsonObject, over: JsonObject | undefined): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(over ?? {})) {
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? mergeConfig(b, v) : v;
  }
  return out;
}

/** A single or layered view can be fitted to an exact canvas; compositions are padded. */
function isFittable(spec: JsonObject): boolean {
  return !['facet', 'hconcat', 'vconcat', 'concat', 'repeat'].some((k) => k in spec);
}

export function prepareSpec(template: unknown, datasets: Datasets, opts: PrepareOptions = {}): JsonObject {
  if (!isObject(template)) throw bad('expected a JSON object');
  const external = findExternalReference(template);
  if (external) throw bad(`${external}: charts may not load files or URLs; supply data as named datasets`);
  if ('datasets' in template) throw bad('$.datasets: templates hold no data; datasets are filled in at run time');

  const used = new Set<string>();
  collectDataNames(template, '$', used);
  for (const name of used) {
    if (!Object.hasOwn(datasets, name)) throw bad(`dataset "${name}" is used by the spec but was not supplied`);
  }
  for (const name of Object.keys(datasets)) {
    if (!used.has(name)) throw bad(`dataset "${name}" was supplied but the spec has no {"name": "${name}"} data`);
  }

  const spec: JsonObject = structuredClone(template);
  const declared = Array.isArray(spec.params) ? (spec.params as unknown[]).filter(isObject) : [];
  for (const [name, value] of Object.entries(opts.params ?? {})) {
    const param = declared.find((p) => p.name === name);
    if (!param) throw bad(`$.params does not declare "${name}", which the chart builder sets`);
    param.value = value;
  }

  spec.datasets = datasets;
  if (opts.config) spec.config = mergeConfig(opts.config, isObject(spec.config) ? spec.config : undefined);
  if (isFittable(spec)) {
    if (opts.width !== undefined) spec.width = opts.width;
    if (opts.height !== undefined) spec.height = opts.height;
    // width/height are the whole canvas: vega shrinks the plot to fit labels, legends and title.
    if (opts.width !== undefined && opts.height !== undefined) spec.autosize ??= { type: 'fit', contains: 'padding' };
  }
  return spec;
}
