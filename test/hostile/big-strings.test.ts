// Files over the 512 KB input limit are refused before parsing (the corpus
// checks that), but a program using the library can hand makeDeck a trial of
// any size. A single 1 MB bullet must then still build, in one piece and
// shown literally, with the same slides as the benign trial.
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
  it('builds, keeps every character and the slide count', { timeout: 120_000 }, async () => {
    const word = 'levosimendan ';
    const big = word.repeat(Math.ceil((1024 * 1024) / word.length)).trim();
    expect(big.length).toBeGreaterThan(1024 * 1024 - word.length);

    const benign = load();
    const hostile = load();
    expect(hostile.limitations.length).toBeGreaterThan(0);
    hostile.limitations[0] = { ...hostile.limitations[0]!, text: big };

    const [a, b] = [await makeDeck(benign, [], { cacheDir: false }), await makeDeck(hostile, [], { cacheDir: false })];
    expect(slides(b.markdown)).toBe(slides(a.markdown));
    expect(b.rendered.slides.length).toBe(a.rendered.slides.length);
    expect(b.rendered.html.split(big).length - 1, 'the bullet is on a slide, whole').toBeGreaterThanOrEqual(1);
  });
});
