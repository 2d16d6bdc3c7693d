// Hostile and damaged registry records: any shape ends in a valid trial or a
// TrialdeckError, never a crash, and no value escapes its field.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTrialdeckError } from '../../src/errors.js';
import { importCtgovStudy, studiesOf, type Study } from '../../src/import/ctgov/index.js';
import { validateTrial } from '../../src/trial/validate.js';
import { fixture } from './ctgov-helpers.js';

const base = JSON.parse(readFileSync(fixture('NCT02210780.json'), 'utf8')) as Record<string, unknown>;

/** Every path to a node of the record, for replacing one node at a time. */
function paths(node: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (out.length > 4000) return out;
  if (Array.isArray(node)) node.slice(0, 3).forEach((v, i) => paths(v, [...prefix, i], out));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) paths(v, [...prefix, k], out);
  return out;
}
const all = paths(base).filter((p) => p.length > 0);

function replaced(path: (string | number)[], value: unknown): Study {
  const copy = structuredClone(base);
  let node: Record<string | number, unknown> = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy as Study;
}

describe('damaged records', () => {
  it('any single node replaced by any JSON value: a trial or a TrialdeckError', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.jsonValue({ maxDepth: 2 }), (i, value) => {
        try {
          const r = importCtgovStudy(replaced(all[i]!, value));
          validateTrial(r.trial, {});
        } catch (err) {
          if (!isTrialdeckError(err)) throw err;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names the record when its shape is wrong', () => {
    expect(() => importCtgovStudy(replaced(['resultsSection', 'outcomeMeasuresModule', 'outcomeMeasures', 0, 'analyses'], 'oops'))).not.toThrow(TypeError);
    expect(() => importCtgovStudy(replaced(['protocolSection', 'armsInterventionsModule', 'armGroups'], [{ label: 'Only arm' }]))).toThrow(/1 arm; a deck compares at least two/);
    expect(() => importCtgovStudy(replaced(['resultsSection'], undefined))).toThrow(/no posted results/);
  });

  it('keeps Markdown, HTML and prototype keys as plain data', () => {
    const study = replaced(['protocolSection', 'armsInterventionsModule', 'armGroups', 1, 'label'], '<!-- _class: x --> Dupilumab | --- # __proto__');
    const raw = JSON.parse(JSON.stringify(study).replace('"protocolSection":{', '"protocolSection":{"__proto__":{"polluted":1},')) as Study;
    const [parsed] = studiesOf(raw);
    const r = importCtgovStudy(parsed!);
    expect(r.trial.arms.some((a) => a.label.includes('<!-- _class: x -->'))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
