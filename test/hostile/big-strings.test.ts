// Files over the 512 KB input limit are refused before parsing (the corpus
// checks that), but a program using the library can hand makeDeck a trial of
// any size. A single 1 MB bullet must then still build and be shown
// literally, every character of it, continued over "(cont.)" slides.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDeck } from '../../src/build.js';
import { parseTrialText } from '../../src/trial/load.js';
import type { Trial } from '../../src/trial/schema.js';
import { FIXTURES } from './corpus-cases.js';

const load = (): Trial => parseTrialText(readFileSync(join(FIXTURES, 'base.yaml'), 'utf8'), 'base.yaml', 'data').trial;
const slides = (md: string): number => md.split(/^---$/m).length;

describe('a 1 MB bullet through the library', () => {
  it('builds, and shows every character over "(cont.)" slides: no fact is cut', { timeout: 240_000 }, async () => {
    const word = 'levosimendan ';
    const big = word.repeat(Math.ceil((1024 * 1024) / word.length)).trim();
    expect(big.length).toBeGreaterThan(1024 * 1024 - word.length);

    const benign = load();
    const hostile = load();
    expect(hostile.limitations.length).toBeGreaterThan(0);
    hostile.limitations[0] = { ...hostile.limitations[0]!, text: big };

    const [a, b] = [await makeDeck(benign, [], { cacheDir: false }), await makeDeck(hostile, [], { cacheDir: false })];
    expect(b.rendered.slides.length).toBe(b.viewModel.slides.length);
    expect(slides(b.markdown)).toBeGreaterThan(slides(a.markdown));
    // The bullet continues over the strengths-and-limitations pages, whole and in order.
    const pages = b.viewModel.slides.filter((s) => s.id.startsWith('backup-strengths'));
    expect(pages.length).toBeGreaterThan(100);
    expect(pages[1]?.title).toBe('Strengths and limitations (cont.)');
    const shown = pages.flatMap((s) => s.blocks.flatMap((x) => (x.type === 'bullets' ? x.items.map((i) => i.text) : []))).filter((t) => t.startsWith('levosimendan'));
    expect(shown.join(' ')).toBe(big);
    expect(b.markdown).not.toContain('…');
  });
});
