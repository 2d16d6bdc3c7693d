// The Markdown escaper, end to end: any string, put through our Handlebars
// helpers into each kind of place a template puts data (paragraph, list item,
// table cell, heading, quote, footer front matter, image alt text, speaker
// note) and rendered by the real Marp engine, shows exactly its cleaned text
// and leaves the deck's structure alone: the same elements, in the same
// order, as a harmless string gives, and still one slide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, escapeNote } from '../../src/deck/escape-markdown.js';
import { COMPILE_OPTIONS, createHandlebars } from '../../src/deck/handlebars-env.js';
import { createMarp } from '../../src/marp/engine.js';
import { decodeEntities, shown, tags } from './html-checks.js';

const hb = createHandlebars();
const marp = createMarp({ themes: [] });
const CHART = 'data:image/svg+xml;base64,PHN2Zy8+';

/**
 * Where templates put data, each as a small deck. Each starts like a real
 * deck (front matter first): Marpit's front-matter rule looks at line 0, and
 * would eat `\--…` in a list that started the source, which ours never do.
 */
const HEAD = '---\nmarp: true\n---\n\n# Slide\n\n';
const CONTEXTS = {
  paragraph: `${HEAD}Before\n\n{{md s}}\n\nAfter`,
  list: `${HEAD}- first\n- {{md s}}\n- last`,
  table: `${HEAD}| Outcome | {{md s}} |\n|---|---|\n| {{md s}} | 1 |\n| x | {{md s}} |`,
  heading: `${HEAD}## {{md s}}\n\ntext`,
  quote: `${HEAD}> {{md s}}`,
  bold: `${HEAD}**{{md s}}** and *{{md s}}*`,
  footer: '---\nmarp: true\nfooter: {{yaml s}}\npaginate: true\n---\n\n# Title',
  image: `${HEAD}![{{alt s}}]({{uri chart}})`,
  notes: `${HEAD}text\n\n{{#notes "Label"}}\n- {{note s}}\n{{/notes}}`,
} as const;
type Context = keyof typeof CONTEXTS;
const templates = Object.fromEntries(Object.entries(CONTEXTS).map(([k, src]) => [k, hb.compile(src, COMPILE_OPTIONS)])) as Record<Context, HandlebarsTemplateDelegate>;

interface Rendered {
  slides: number;
  skeleton: string;
  text: string;
  alts: string[];
  notes: string;
}

function render(context: Context, s: string): Rendered {
  const md = templates[context]({ s, chart: CHART });
  const { html, comments } = marp.render(md, { htmlAsArray: true });
  const all = html.join('');
  const t = tags(all);
  // Marpit keeps directive values (the footer) in data-footer and a CSS custom
  // property; data may fill those values but never add a real CSS property.
  for (const x of t) {
    const style = x.attrs.find((a) => a.name === 'style')?.value ?? '';
    for (const decl of style.split(';').filter((d) => d.trim())) expect(decl.trim(), `style of <${x.name}>`).toMatch(/^--[\w-]+:/);
  }
  const carriesData = (name: string): boolean => name === 'alt' || name === 'style' || name === 'data-footer' || name === 'id';
  return {
    slides: html.length,
    // Element names plus the attributes that could restyle or load something.
    skeleton: t.map((x) => `${x.name}[${x.attrs.filter((a) => /^(class|style|src|href|data-[\w-]+|alt|id)$/.test(a.name) && !carriesData(a.name)).map((a) => `${a.name}=${a.value}`).join(',')}]`).join(' '),
    text: decodeEntities(all.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim(),
    alts: t.filter((x) => x.name === 'img').map((x) => x.attrs.find((a) => a.name === 'alt')?.value ?? ''),
    notes: comments.flat().join('\n'),
  };
}

/** Markdown, HTML, Marp and Unicode fragments that have meaning somewhere. */
const FRAGMENTS = [
  '---', '***', '___', '===', '#', '## ', '>', '-', '+', '*', '1.', '2)', '|', '||', '\\', '\\|', '`', '```', '~~~', '~~', '_', '**',
  '[', ']', '(', ')', '![', '](', '<', '>', '</', '<!--', '-->', '<!-- _class: x -->', '<br>', '<script>', '&amp;', '&#x3C;', '&lt;', '&',
  '$', '$$', '\\(', ':smile:', ':', 'http://a.example/x', 'https://b.example', 'www.c.example', 'mailto:d@e.example', 'javascript:x',
  'bg', 'w:100px', 'sepia', 'fit', '50%', ' ', '  ', '    ', '\t', '\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\u000b',
  '\u0000', '\u001b[31m', '\u202E', '\u200B', '\uFEFF', '\uD800', '\uDC00', 'é', '心', '😀', '👩‍👩‍👧', 'x', 'word', '0', '12', '"', "'", '{', '}', '{{x}}',
];
const hostile = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

/** A harmless string: the structure any data must leave alone. */
const TWIN = 'plain';

describe('escaped data in every template context, rendered by Marp', () => {
  const baseline = Object.fromEntries((Object.keys(CONTEXTS) as Context[]).map((c) => [c, render(c, TWIN)])) as Record<Context, Rendered>;

  it('shows exactly its cleaned text and adds, removes or restyles no element (property)', { timeout: 180_000 }, () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom(...(Object.keys(CONTEXTS) as Context[])), (s, context) => {
        const got = render(context, s);
        const want = baseline[context];
        const visible = shown(s);
        expect(got.slides).toBe(want.slides);
        if (context === 'notes') {
          // Notes are a comment body: the text stays, nothing can close the comment.
          expect(got.skeleton).toBe(want.skeleton);
          expect(got.notes).toContain(escapeNote(s).split('\n')[0] ?? '');
          expect(got.notes).not.toMatch(/-->/);
          return;
        }
        if (context === 'image') {
          expect(got.skeleton).toBe(want.skeleton);
          expect(got.alts).toHaveLength(1);
          // escapeAlt puts a zero-width space before words Marp would read as image keywords.
          const norm = (x: string): string => x.replace(/\s+/g, ' ').trim();
          expect(norm((got.alts[0] ?? '').replace(/\u200B(?=\S)/g, ''))).toBe(norm(visible.replace(/\u200B(?=\S)/g, '')));
          return;
        }
        if (visible === '') {
          // Text that cleans to nothing (only controls) may leave an empty paragraph or
          // `****` out of the tree; it may never add anything.
          const left = want.skeleton.split(' ');
          for (const el of got.skeleton.split(' ')) expect(left.splice(left.indexOf(el), left.includes(el) ? 1 : 0), el).toEqual([el]);
          return;
        }
        expect(got.skeleton).toBe(want.skeleton);
        expect(got.text).toBe(want.text.split(TWIN).join(visible).replace(/\s+/g, ' ').trim());
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400), seed: Number(process.env.FC_SEED ?? 20260312) },
    );
  });

  it('known troublemakers', { timeout: 120_000 }, () => {
    for (const s of ['<https://a.example/x>', 'see https://a.example/x\\', 'x | y', '\\', 'a\\', '*a*\\', '`a\\`', '- [ ] x', '[^1]', '1. a', '#x', '\u2028---', 'bg left']) {
      for (const context of Object.keys(CONTEXTS) as Context[]) {
        const got = render(context, s);
        expect(got.slides, `${context}: ${s}`).toBe(baseline[context].slides);
        if (context !== 'notes' && context !== 'image') {
          expect(got.skeleton, `${context}: ${s}`).toBe(baseline[context].skeleton);
          expect(got.text, `${context}: ${s}`).toBe(baseline[context].text.split(TWIN).join(shown(s)).replace(/\s+/g, ' ').trim());
        }
      }
    }
    // Linkify is off: a URL in data is text, never a link.
    expect(render('paragraph', 'https://a.example/x').skeleton).not.toMatch(/\ba\[/);
    expect(cleanText('a\u2028b')).toBe('a b');
  });
});
