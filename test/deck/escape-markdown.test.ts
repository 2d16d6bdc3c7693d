import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { cleanText, escapeAlt, escapeMarkdown, escapeNote } from '../../src/deck/escape-markdown.js';
import { createMarp } from '../../src/marp/engine.js';

// The visible text of rendered inline Markdown, to compare with the input.
function renderInline(md: string): string {
  const marp = createMarp({ themes: [] });
  const html = marp.markdown.renderInline(md) as string;
  return html;
}
const decode = (html: string): string =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('escapeMarkdown', () => {
  const hostile = [
    '---',
    '***',
    '# heading',
    '> quote',
    '1. list',
    '- item',
    '+ item',
    '=== setext',
    'a | b | c',
    '`code` and ``more``',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '![x](/etc/passwd)',
    '<!-- _backgroundColor: red -->',
    '$x^2$ and $$y$$',
    ':smile: :+1:',
    '*bold* _it_ ~~strike~~',
    '&lt; &amp; &#x41;',
    'back\\slash',
    '    indented code',
  ];
  for (const s of hostile) {
    it(`renders ${JSON.stringify(s)} literally as inline text`, () => {
      const html = renderInline(escapeMarkdown(s));
      expect(html).not.toMatch(/<(?!\/?p>)[a-z]/i);
      expect(decode(html)).toBe(cleanText(s));
    });
  }

  it('folds every kind of line break and drops control characters', () => {
    expect(cleanText('a\nb\r\nc\u2028d\u2029e\u0085f')).toBe('a b c d e f');
    expect(cleanText('nul\u0000here\u0007')).toBe('nulhere');
    expect(cleanText('lone \uD800 surrogate')).toBe('lone \uFFFD surrogate');
  });

  it('keeps Unicode text intact', () => {
    for (const s of ['−14.9%', '68.3% vs 68.3%', '心筋梗塞', 'café', 'בדיקה', '👍🏽']) {
      expect(decode(renderInline(escapeMarkdown(s)))).toBe(s);
    }
  });

  it('round-trips any string to the same visible text and adds no element (property)', () => {
    const md = new MarkdownIt({ html: false, linkify: false });
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const html = md.renderInline(escapeMarkdown(s));
        expect(html).not.toMatch(/<[a-z]/i);
        expect(decode(html)).toBe(cleanText(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeNote', () => {
  it('cannot close the comment it sits in', () => {
    const note = escapeNote('end --> <!-- _class: x -->');
    expect(note).not.toContain('-->');
    expect(note).not.toContain('<!--');
  });
});

describe('escapeAlt', () => {
  it('stops data words from acting as Marp image keywords', () => {
    const alt = escapeAlt('bg w:100 sepia Forest plot');
    expect(alt.split(' ').slice(0, 3).every((w) => w.startsWith('\u200B'))).toBe(true);
    expect(alt).toContain('Forest plot');
  });
});
