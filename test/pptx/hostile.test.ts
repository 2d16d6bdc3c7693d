// Data that breaks naive OOXML writers: markup characters, characters XML
// cannot hold, bidi and combining text, emoji, a word longer than any line.
// The package must stay valid, and every text (minus what XML cannot carry)
// must arrive as written, never cut.
import { describe, expect, it } from 'vitest';
import type { Slide } from '../../src/deck/slides.js';
import { writePptx } from '../../src/pptx/index.js';
import { validatePackage } from '../../src/pptx/validate.js';
import { resolveLook } from '../../src/themes/look.js';
import { isWellFormed, openPackage, runs, slideNames, titleOf } from './pptx-reader.js';

const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(6);

describe('hostile text', () => {
  it('stays valid and keeps every character XML can hold', async () => {
    const look = await resolveLook({});
    const slides: Slide[] = [
      {
        id: 'markup', section: 'story', layout: 'content', title: 'Results <b>&amp; "quotes" \'apostrophes\'', textStep: 0,
        notes: ['Notes with <script>alert(1)</script> & a bell\u0007 and U+FFFF\uFFFF', 'Second paragraph'],
        blocks: [{ type: 'bullets', items: [{ lead: 'א עברית', text: 'mixed \u202Ebidi\u202C text, e\u0301 combining, 漢字, 🫀 emoji, lone \uD800 surrogate' }, { text: LONG_WORD }] }],
      },
      {
        id: 'table', section: 'backup', layout: 'table', title: 'Table ]]> <![CDATA[', textStep: 2, notes: ['n'],
        blocks: [{ type: 'table', columns: ['A & B', '<C>'], rows: [{ cells: ['x\u0000y', LONG_WORD] }] }],
      },
    ];
    const r = await writePptx({ meta: { footer: 'F & <G>' }, slides, charts: [], chartInputs: [], look, info: { title: 'T & <U>', author: 'A', subject: 'S' } });
    const pkg = await openPackage(r.bytes);
    for (const n of pkg.names.filter((x) => /\.(xml|rels)$/.test(x))) expect(isWellFormed(pkg.text(n)), n).toBe(true);
    const files = new Map(pkg.names.map((n) => [n, /\.(xml|rels)$/.test(n) ? pkg.text(n) : pkg.bytes(n)] as const));
    expect(validatePackage(files)).toEqual([]);
    const [s1, s2] = slideNames(pkg).map((s) => pkg.text(s));
    expect(titleOf(s1 ?? '')).toBe('Results <b>&amp; "quotes" \'apostrophes\'');
    const text = runs(s1 ?? '').join('');
    expect(text).toContain('mixed \u202Ebidi\u202C text, e\u0301 combining, 漢字, 🫀 emoji, lone  surrogate');
    expect(text).toContain(LONG_WORD);
    expect(runs(s2 ?? '').join('|')).toContain('xy');
    const notes = pkg.names.filter((n) => /notesSlide1\.xml$/.test(n)).map((n) => runs(pkg.text(n)).join('\n')).join('');
    expect(notes).toContain('Notes with <script>alert(1)</script> & a bell and U+FFFF');
    expect(notes).toContain('Second paragraph');
  }, 30_000);
});
