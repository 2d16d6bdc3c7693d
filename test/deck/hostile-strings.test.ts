// Hostile strings in every kind of field must not change the deck's
// structure: same slide count as a benign twin, the text shown literally,
// and no active HTML or extra image.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeDeck } from '../../src/build.js';
import { cleanText } from '../../src/deck/escape-markdown.js';
import { importSummary } from '../../src/import/index.js';
import { trialSchema, type TrialInput } from '../../src/trial/schema.js';

// A copy of the seed summary, so the suite does not depend on the shared folder.
const seed = fileURLToPath(new URL('../fixtures/summaries/LEVOECMO.txt', import.meta.url));

const HOSTILE = [
  '---',
  '***',
  '# not a heading',
  '> not a quote',
  '1. not a list',
  '- not a list',
  'cell | split | here',
  '`code` here',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '![x](/etc/passwd)',
  '<!-- _backgroundColor: red -->',
  '$x$ and :smile:',
  'line one\n---\nline two',
  'a\n    indented code',
] as const;

/** Keys whose values are identifiers or enums, not display text. */
const STRUCTURAL = new Set(['id', 'kind', 'measure', 'role', 'op', 'benefit', '$schema', 'url', 'judgement', 'source', 'overall', 'certainty']);

/** Replaces every display string with `make(index)`, keeping structure and lengths stable. */
function mapStrings(value: unknown, make: (i: number) => string, counter = { i: 0 }, key = ''): unknown {
  if (typeof value === 'string') return STRUCTURAL.has(key) ? value : make(counter.i++);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, make, counter, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, make, counter, k)]));
  }
  return value;
}

/** Every attribute name of every tag (quoted values skipped, so escaped text inside alt="" is not mistaken for one). */
function attributeNames(html: string): string[] {
  const names: string[] = [];
  for (const tag of html.matchAll(/<[a-zA-Z][a-zA-Z0-9-]*((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    for (const attr of (tag[1] ?? '').matchAll(/\s+([^\s=>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)) names.push((attr[1] ?? '').toLowerCase());
  }
  return names;
}

function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('hostile strings in every field', () => {
  it('keep the slide count, show literally and add no active HTML or image', async () => {
    const base = importSummary(readFileSync(seed, 'utf8'), seed).trial;
    const hostile = (i: number): string => HOSTILE[i % HOSTILE.length] ?? '';
    // The benign twin has strings of the same length, so pagination is identical.
    const benign = (i: number): string => 'x'.repeat(hostile(i).length);
    const build = async (make: (i: number) => string) => {
      const trial = trialSchema.parse(mapStrings(base, make) as TrialInput);
      return makeDeck(trial, [], { cacheDir: false });
    };
    const [good, evil] = await Promise.all([build(benign), build(hostile)]);

    expect(evil.rendered.slides.length).toBe(good.rendered.slides.length);
    const html = evil.rendered.html;
    // Only the shell's own two scripts; no event handlers, no javascript: links.
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(attributeNames(html).filter((n) => n.startsWith('on'))).toEqual([]);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/background-color:red/);
    expect(html.match(/<img /g)?.length).toBe(good.rendered.html.match(/<img /g)?.length);
    const text = visibleText(html);
    for (const s of HOSTILE) expect(text, s).toContain(cleanText(s));
    // Notes: the comment terminator can never come from data.
    for (const note of evil.rendered.notes) expect(note).not.toContain('-->');
  });
});
