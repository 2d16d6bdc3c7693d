// The summary importer and the YAML loader on arbitrary and mangled input:
// they may refuse it, but only with a TrialdeckError (never a TypeError, a
// RangeError or a stack overflow), and a refusal names a line or a field.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrialdeckError } from '../../src/errors.js';
import { importSummary } from '../../src/import/index.js';
import { parseTrialText } from '../../src/trial/load.js';

const dir = fileURLToPath(new URL('../fixtures/summaries', import.meta.url));
const SUMMARIES = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
const RUNS = Number(process.env.FC_RUNS ?? 150);

/** Calls `fn`; returns what it threw, or undefined. Anything but TrialdeckError fails the test. */
function onlyTrialdeckErrors(fn: () => unknown, input: string): void {
  try {
    fn();
  } catch (err) {
    if (!isTrialdeckError(err)) {
      throw new Error(`threw ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)} for input ${JSON.stringify(input.slice(0, 300))}`, { cause: err });
    }
    // A refusal says where: a line, a field path, or at least the file.
    const where = err.problems.some((p) => p.line !== undefined || p.path !== undefined) || /\.txt|\.yaml/.test(err.message);
    expect(where, `${err.code}: ${err.message}`).toBe(true);
  }
}

const importBoth = (text: string) => () => {
  importSummary(text, 'mangled.txt');
  parseTrialText(text, 'mangled.txt', 'summary');
};

/** Lines that mean something to the importer. */
const LINE_FRAGMENTS = [
  'Publication', 'Key Results', 'Design & Methods', 'Bibliography', 'Summary', 'Internal Validity', '- Title: T', '- Acronym: A', '- Year: 2020', '- Year: 99999999999999999999',
  '- Journal published in: J', '- Citation: C', '-', '- ', '| Outcome | A | B | Effect | p value / 95% CI | Notes |', '|---|---|---|---|---|---|',
  '| x | 1/2 (50%) | 3/4 (75%) | RR 0.67 | 95% CI 0.1 to 2; P=0.5 | |', '| x | | | | | |', '|', '||||', '| a | b', 'Median 5 (IQR 4–7)', '1e400', 'NaN', '-0',
  '| y | 1e308/1e-308 (1e400%) | 0/0 (NaN%) | HR 0 | 95% CI -1 to 1e400 | |', '| z | 5/3 (166%) | 2/1 (200%) | RR 1.2 | 95% CI 2 to 1 | |',
  '1. Ref one', '2. Ref two', '1.', '- text [1]', '- text 123', '- text¹²', '\t', '', '   ', '\u0000', '\u202E', '\uFEFF', 'x'.repeat(500),
];

describe('the summary importer never throws anything but TrialdeckError', () => {
  it('arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => onlyTrialdeckErrors(importBoth(text), text)),
      { numRuns: RUNS * 2, seed: 1 },
    );
  });

  it('lines of importer vocabulary in any order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINE_FRAGMENTS), { maxLength: 40 }), (lines) => {
        const text = lines.join('\n');
        onlyTrialdeckErrors(importBoth(text), text);
      }),
      { numRuns: RUNS * 2, seed: 2 },
    );
  });

  for (const { name, text } of SUMMARIES) {
    it(`${name} mutated: lines deleted, duplicated, shuffled, pipes and Markdown injected (property)`, () => {
      const lines = text.split('\n');
      const edit = fc.oneof(
        fc.record({ op: fc.constant('delete' as const), at: fc.nat(lines.length - 1) }),
        fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(lines.length - 1), to: fc.nat(lines.length - 1) }),
        fc.record({ op: fc.constant('swap' as const), at: fc.nat(lines.length - 1), to: fc.nat(lines.length - 1) }),
        fc.record({ op: fc.constant('inject' as const), at: fc.nat(lines.length - 1), pos: fc.nat(200), what: fc.constantFrom('|', ' | ', '||', '\\|', '---', '- ', '# ', '<!-- x -->', '\n', '\n-\n', '**', '1e400', '(', ')', '%', '/', '–', ';', ' P=', ' 95% CI ', '\u0000') }),
        fc.record({ op: fc.constant('truncate' as const), at: fc.nat(lines.length - 1), pos: fc.nat(200) }),
      );
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
          const out = [...lines];
          for (const e of edits) {
            const at = e.at % Math.max(out.length, 1);
            const line = out[at] ?? '';
            if (e.op === 'delete') out.splice(at, 1);
            else if (e.op === 'duplicate') out.splice(e.to % (out.length + 1), 0, line);
            else if (e.op === 'swap') {
              const to = e.to % Math.max(out.length, 1);
              [out[at], out[to]] = [out[to] ?? '', line];
            } else if (e.op === 'inject') {
              const p = e.pos % (line.length + 1);
              out[at] = line.slice(0, p) + e.what + line.slice(p);
            } else out[at] = line.slice(0, e.pos % (line.length + 1));
          }
          const mangled = out.join('\n');
          onlyTrialdeckErrors(importBoth(mangled), mangled);
        }),
        { numRuns: RUNS, seed: 3 },
      );
    });
  }

  it('a shuffled summary (every line order) refuses cleanly', () => {
    const { text } = SUMMARIES[0] ?? { text: '' };
    fc.assert(
      fc.property(fc.shuffledSubarray(text.split('\n'), { minLength: 0 }), (lines) => {
        const mangled = lines.join('\n');
        onlyTrialdeckErrors(importBoth(mangled), mangled);
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: 4 },
    );
  });
});

describe('the YAML/JSON loader never throws anything but TrialdeckError', () => {
  const YAML_FRAGMENTS = ['a: 1', 'a:', '- x', '  - y', '[', ']', '{', '}', '&a x', '*a', '!!str', '!tag', '<<: *a', '__proto__: 1', 'constructor:', '"\\u0000"', "'", '"', '---', '...', '? x', ': y', '#', '%YAML 1.2', '007', '.nan', '1e400', '0x1F', 'publication:', 'results: []', '\t', '\u202E'];
  it('arbitrary and YAML-shaped text (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.array(fc.constantFrom(...YAML_FRAGMENTS), { maxLength: 30 }).map((a) => a.join('\n')), fc.array(fc.constantFrom(...YAML_FRAGMENTS), { maxLength: 30 }).map((a) => a.join(' '))),
        (text) => {
          onlyTrialdeckErrors(() => parseTrialText(text, 'fuzz.yaml', 'data'), text);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: RUNS * 3, seed: 5 },
    );
  });
});
