// "Nothing silently dropped": every piece of text in every example summary
// must turn up somewhere in the imported data (or be a structural label such
// as a heading), unless the import warned about it.
import { describe, expect, it } from 'vitest';
import { importSummary } from '../../src/import/index.js';
import { headingKey } from '../../src/import/sections.js';
import { splitRow } from '../../src/import/results-table.js';
import { EXAMPLES, readSummary } from './examples.js';

/** Lines that only give the summary its shape. */
const STRUCTURAL = /^(?:background|research question\/hypothesis|why this matters|population:|intervention:|comparison:)$/i;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** The pieces of one line that should be found in the data. */
function pieces(line: string): string[] {
  const t = line.trim().replace(/^-\s*/, '');
  if (t === '' || t === '-' || STRUCTURAL.test(t) || headingKey(line)) return [];
  if (t.startsWith('|')) {
    const cells = splitRow(t);
    if (cells[0] === 'Outcome' || cells.every((c) => /^-+$/.test(c))) return [];
    return cells.filter((c) => c !== '');
  }
  const body = t.replace(/^[^:.;]{1,80}?:\s+/, '');
  return body.split(';').map((p) => p.trim().replace(/(?<=[^\d][.)])\d+$/, '').replace(/\.$/, '')).filter((p) => p.length > 0);
}

describe.each(EXAMPLES)('$id keeps every piece of text', ({ summary }) => {
  it('finds each line of the summary in the data', () => {
    const text = readSummary(summary);
    const { trial } = importSummary(text);
    const haystack = strings(trial).join('\n');
    const missing = text
      .split('\n')
      .flatMap((line, i) => pieces(line).map((p) => ({ line: i + 1, p })))
      // Glued bibliography numbers are split off their entries on purpose.
      .map(({ line, p }) => ({ line, p: p.replace(/^\d+(?=[A-Za-z])/, '') }))
      .filter(({ p }) => !haystack.includes(p));
    expect(missing).toEqual([]);
  });
});
