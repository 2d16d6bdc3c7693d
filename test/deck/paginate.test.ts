// The line estimate every fitted slide rests on (src/deck/paginate.ts): one
// cell per code point, two for CJK and emoji. The fast path must count exactly
// what a character-by-character count does, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cells, lines } from '../../src/deck/paginate.js';

const WIDE_CHAR = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u{1F300}-\u{1FAFF}]/u;
/** The plain definition: walk the code points. */
function slowCells(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE_CHAR.test(ch) ? 2 : 1;
  return n;
}

describe('cells and lines', () => {
  it('counts known texts: Latin, CJK, emoji, a lone surrogate', () => {
    expect(cells('Levosimendan 25.5% vs 33.3%')).toBe(27);
    expect(cells('左心室')).toBe(6);
    expect(cells('🫀 ok')).toBe(5);
    expect(cells('a\uD800b')).toBe(3);
    expect(lines('x'.repeat(81), 40)).toBe(3);
    expect(lines('', 40)).toBe(1);
  });

  it('equals the code-point-by-code-point count for any string (full Unicode, lone surrogates included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom('a', ' ', 'é', '左', '한', '🫀', '\uD800', '\uDC00', 'Ａ'), fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c))) }), (s) => {
        expect(cells(s)).toBe(slowCells(s));
      }),
      { numRuns: 2000 },
    );
  });
});
