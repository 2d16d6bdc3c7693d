// The real LEVOECMO PPTX, written from the build's own view model, against
// the HTML deck rendered from the same model: same slides, titles and order;
// notes on every slide; the facts as text; no picture-only slide; a valid,
// small, reproducible package.
import { beforeAll, describe, expect, it } from 'vitest';
import { validatePackage } from '../../src/pptx/validate.js';
import { buildRealLevoecmo } from './levoecmo-deck.js';
import { decode, openPackage, relTargets, runs, shapes, slideNames, titleOf, type Package } from './pptx-reader.js';

let real: Awaited<ReturnType<typeof buildRealLevoecmo>>;
let pkg: Package;
let slides: string[];

beforeAll(async () => {
  real = await buildRealLevoecmo();
  pkg = await openPackage(real.bytes);
  slides = slideNames(pkg);
}, 60_000);

/** Each HTML slide's first heading, as the reader sees it. */
function htmlTitles(html: string): string[] {
  return [...html.matchAll(/<section\b[\s\S]*?<\/section>/g)].map((m) => {
    const h = /<h[12]\b[^>]*>([\s\S]*?)<\/h[12]>/.exec(m[0])?.[1] ?? '';
    return decode(h.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();
  });
}

describe('the real LEVOECMO PPTX', () => {
  it('has the HTML deck\'s slides: same count, titles and order', () => {
    const titles = slides.map((s) => titleOf(pkg.text(s)));
    expect(titles.length).toBe(real.deck.rendered.slides.length);
    expect(titles).toEqual(htmlTitles(real.deck.rendered.html));
    expect(titles).toEqual(real.slides.map((s) => s.title));
  });

  it('has every slide\'s speaker notes', () => {
    for (const [i, s] of slides.entries()) {
      const notes = runs(pkg.text(relTargets(pkg, s).find((r) => r.type === 'notesSlide')?.target ?? '')).join('\n');
      expect(notes.trim(), s).not.toBe('');
      for (const n of real.slides[i]?.notes ?? []) for (const line of n.split('\n').filter((l) => l.trim())) expect(notes, s).toContain(line);
    }
  });

  it('shows the facts the PDF test looks for as text runs, and no slide is only a picture', () => {
    const all = slides.map((s) => runs(pkg.text(s)).join(' ')).join('\n');
    for (const fact of ['69/101', '71/104', '1.02', '0.74', '1.39', 'Successful VA-ECMO weaning', 'All-cause mortality at day 30']) expect(all).toContain(fact);
    for (const s of slides) expect(shapes(pkg.text(s)).some((sp) => sp.startsWith('<p:sp>') && runs(sp).join('').trim() !== ''), s).toBe(true);
  });

  it('is a valid package of at most 1 MB, written without warnings', () => {
    const files = new Map(pkg.names.map((n) => [n, /\.(xml|rels)$/.test(n) ? pkg.text(n) : pkg.bytes(n)] as const));
    expect(validatePackage(files)).toEqual([]);
    expect(real.bytes.length).toBeLessThan(1024 * 1024);
    expect(real.warnings).toEqual([]);
  });

  it('is byte-identical when the deck is built again', async () => {
    const again = await buildRealLevoecmo();
    expect(Buffer.from(again.bytes).equals(Buffer.from(real.bytes))).toBe(true);
  }, 60_000);
});
