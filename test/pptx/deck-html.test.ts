// The native PPTX of a real build has the HTML deck's slides: same count, same
// titles, same order (both renderers read one view model).
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDeck, type DeckBuild } from '../../src/build.js';
import { nativePptx } from '../../src/export/native-pptx.js';
import { loadTrial } from '../../src/trial/load.js';
import { decode, openPackage, slideNames, titleOf } from './pptx-reader.js';
import { TRIAL } from './levoecmo-deck.js';

let deck: DeckBuild;

beforeAll(async () => {
  const { trial, warnings } = await loadTrial(TRIAL);
  deck = await makeDeck(trial, warnings, { cacheDir: false });
}, 60_000);

/** Each HTML slide's first heading, as the reader sees it. */
function htmlTitles(html: string): string[] {
  return [...html.matchAll(/<section\b[\s\S]*?<\/section>/g)].map((m) => {
    const h = /<h[12]\b[^>]*>([\s\S]*?)<\/h[12]>/.exec(m[0])?.[1] ?? '';
    return decode(h.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
  });
}

describe('native PPTX against the HTML deck', () => {
  it('has the same slides, titles and order', async () => {
    const { bytes } = await nativePptx(deck);
    const pkg = await openPackage(bytes);
    const titles = slideNames(pkg).map((s) => titleOf(pkg.text(s)));
    expect(titles.length).toBe(deck.rendered.slides.length);
    expect(titles).toEqual(htmlTitles(deck.rendered.html));
  }, 60_000);
});
