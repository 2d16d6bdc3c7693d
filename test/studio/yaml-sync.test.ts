// The Form tab's write-back into hand-written YAML: only the changed paths
// move; comments, folded paragraphs and order elsewhere stay byte for byte.
// And the build's note paths, parsed back into fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { errorTree, parsePath } from '../../src/studio/client/error-paths.js';
import { applyChange, diffData, type Change } from '../../src/studio/client/yaml-sync.js';
import { root } from './helpers.js';

const levo = readFileSync(join(root, 'data/levoecmo.yaml'), 'utf8');

function edit(text: string, mutate: (d: Record<string, any>) => void): string {
  const before = parse(text) as Record<string, any>;
  const after = structuredClone(before);
  mutate(after);
  const changes: Change[] = diffData(before, after);
  const out = changes.reduce(applyChange, text);
  expect(parse(out)).toEqual(JSON.parse(JSON.stringify(after)));
  return out;
}

const changedLines = (a: string, b: string): string[] => {
  const x = a.split('\n');
  const y = b.split('\n');
  return y.filter((l, i) => l !== x[i]);
};

describe('yaml-sync', () => {
  it('a changed number rewrites only its own characters', () => {
    const out = edit(levo, (d) => (d.results[0].arms.levosimendan.events = 70));
    expect(changedLines(levo, out)).toEqual(['        events: 70']);
  });

  it('a new arm entry goes after the last one, at its indentation; the rest is untouched', () => {
    const out = edit(levo, (d) => (d.results[0].arms['new arm'] = { kind: 'count', count: 3 }));
    expect(out).toContain('        text: 71/104 (68.3%)\n      new arm:\n        kind: count\n        count: 3\n    effect:');
    expect(out.replace('      new arm:\n        kind: count\n        count: 3\n', '')).toBe(levo);
  });

  it('a removed results row takes only its own lines', () => {
    const before = parse(levo) as { results: { name: string }[] };
    const out = edit(levo, (d) => d.results.splice(1, 1));
    expect(out).not.toContain(before.results[1]?.name);
    expect(levo.length - out.length).toBeGreaterThan(50);
    expect(out.split('\n')[0]).toBe(levo.split('\n')[0]);
  });

  it('a comment and a folded paragraph elsewhere survive a string edit', () => {
    const text = 'publication:\n  # the short name\n  acronym: OLD\n  title: >-\n    A long title\n    on two lines\nid: x\n';
    const out = edit(text, (d) => (d.publication.acronym = 'NEW: "quoted"'));
    expect(out).toBe('publication:\n  # the short name\n  acronym: \'NEW: "quoted"\'\n  title: >-\n    A long title\n    on two lines\nid: x\n');
  });

  it('an edited paragraph keeps its block style and indentation', () => {
    const text = 'publication:\n  title: >-\n    A long title\n    on two lines\n  acronym: X\n';
    expect(edit(text, (d) => (d.publication.title = 'A new title'))).toBe('publication:\n  title: >-\n    A new title\n  acronym: X\n');
    // Line breaks typed into a one-line value, in a list and in a map (edit() checks the result parses back).
    expect(edit('items:\n  - one\n  - two\nz: 1\n', (d) => (d.items[1] = 'a\nb'))).toMatch(/^items:\n  - one\n  - \|-\n +a\n +b\nz: 1\n$/);
    edit(text, (d) => (d.publication.acronym = 'two\nlines'));
  });

  it('a field cleared and typed again goes back to its place (RJSF keeps the cleared key, undefined, in order)', () => {
    const text = 'a:\n  b: 1\n  # about c\n  c: 2\n  d: 3\n';
    const cleared = diffData(parse(text), { a: { b: 1, c: undefined, d: 3 } }).reduce(applyChange, text);
    expect(cleared).toBe('a:\n  b: 1\n  # about c\n  d: 3\n');
    expect(diffData({ a: { b: 1, d: 3 } }, { a: { b: 1, c: 7, d: 3 } }).reduce(applyChange, cleared)).toBe('a:\n  b: 1\n  # about c\n  c: 7\n  d: 3\n');
  });

  it('a row or entry added empty ({}) and then filled in becomes a block where it stands', () => {
    const text = 'rows:\n  - name: a\n  - {}\nmap:\n  x: {}\nz: 1\n';
    expect(edit(text, (d) => (d.rows[1].name = 'b'))).toBe('rows:\n  - name: a\n  - name: b\nmap:\n  x: {}\nz: 1\n');
    expect(edit(text, (d) => (d.map.x = { kind: 'count', count: 3 }))).toMatch(/^rows:\n  - name: a\n  - \{\}\nmap:\n  x:\n    kind: count\n    count: 3\nz: 1\n$/);
    expect(edit(text, (d) => (d.map.x.kind = 'events'))).toBe('rows:\n  - name: a\n  - {}\nmap:\n  x:\n    kind: events\nz: 1\n');
  });

  it('a bullet given references becomes a map where it stood', () => {
    const text = 'background:\n  - >-\n    A long\n    sentence\n  - Two\nz: 1\n';
    expect(edit(text, (d) => (d.background[0] = { text: 'A long sentence', refs: [1] }))).toBe('background:\n  - text: A long sentence\n    refs:\n      - 1\n  - Two\nz: 1\n');
    expect(edit('a: x\nb: 2\n', (d) => (d.a = { c: 1 }))).toBe('a:\n  c: 1\nb: 2\n');
  });

  it('a cleared optional field is deleted, a new nested field created', () => {
    const text = 'a:\n  b: 1\n  c: 2\nd: 3\n';
    expect(edit(text, (d) => delete d.a.b)).toBe('a:\n  c: 2\nd: 3\n');
    expect(edit(text, (d) => (d.e = { f: [1] }))).toBe('a:\n  b: 1\n  c: 2\nd: 3\ne:\n  f:\n    - 1\n');
  });
});

/** Every path in the data, containers included: where a form edit can land. */
function paths(data: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof data !== 'object' || data === null) return [at];
  const keys: (string | number)[] = Array.isArray(data) ? data.map((_, i) => i) : Object.keys(data);
  return [at, ...keys.flatMap((k) => paths((data as Record<string | number, unknown>)[k], [...at, k]))];
}

describe('yaml-sync on any edit of LEVOECMO', () => {
  const data = parse(levo) as Record<string, any>;
  const all = paths(data).filter((p) => p.length > 0);
  const value = fc.oneof(fc.integer({ min: -5, max: 500 }), fc.string(), fc.constantFrom('a: b', '# not a comment', '- x', 'two\nlines', '', 'yes', '007'), fc.boolean(), fc.constant(undefined), fc.dictionary(fc.constantFrom('kind', 'events', 'odd key: x'), fc.integer()));
  it('the text parses back to exactly the edited data, and a comment survives', () => {
    const text = levo.replace('  acronym: LEVOECMO\n', '  # keep me\n  acronym: LEVOECMO\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...all), value, fc.boolean()), { minLength: 1, maxLength: 3 }), (edits) => {
        const after = structuredClone(data);
        for (const [path, v, newKey] of edits) {
          const parent = path.slice(0, -1).reduce<any>((o, k) => (o && typeof o === 'object' ? o[k] : undefined), after);
          if (!parent || typeof parent !== 'object') continue;
          const key = newKey && !Array.isArray(parent) ? 'new key' : (path[path.length - 1] as string | number);
          if (Array.isArray(parent) && v === undefined) parent.splice(Number(key), 1);
          else if (v === undefined) delete parent[key];
          else parent[key] = v;
        }
        const out = diffData(data, after).reduce(applyChange, text);
        expect(parse(out)).toEqual(JSON.parse(JSON.stringify(after)));
        if (after.publication?.acronym !== undefined && typeof after.publication === 'object') expect(out).toContain('  # keep me\n');
      }),
      { numRuns: 60 },
    );
  });
});

describe('yaml-sync: any LEVOECMO field cleared and typed again', () => {
  const data = parse(levo) as Record<string, any>;
  const mapKeys = paths(data).filter((p) => {
    const parent = p.slice(0, -1).reduce<any>((o, k) => o?.[k], data);
    return p.length > 0 && typeof p[p.length - 1] === 'string' && parent && !Array.isArray(parent) && Object.keys(parent).length > 1;
  });
  it('goes back to its place: the parsed keys keep their order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...mapKeys), fc.oneof(fc.integer(), fc.string({ minLength: 1 })), (path, v) => {
        const key = path[path.length - 1] as string;
        const owner = (d: any): any => path.slice(0, -1).reduce<any>((o, k) => o[k], d);
        const cleared = structuredClone(data);
        owner(cleared)[key] = undefined;
        const text = diffData(data, cleared).reduce(applyChange, levo);
        const typed = structuredClone(cleared);
        owner(typed)[key] = v;
        const out = diffData(JSON.parse(JSON.stringify(cleared)), typed).reduce(applyChange, text);
        const back = parse(out);
        expect(back).toEqual(JSON.parse(JSON.stringify(typed)));
        // The first key of a list item shares the "- " line, so it may come back last; every other key returns in place.
        if (Object.keys(owner(data))[0] !== key || !Array.isArray(path.slice(0, -2).reduce<any>((o, k) => o[k], data))) expect(Object.keys(owner(back))).toEqual(Object.keys(owner(data)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('error-paths', () => {
  it('parses note paths with indices and odd map keys', () => {
    expect(parsePath('results[3].arms.levo.events')).toEqual(['results', 3, 'arms', 'levo', 'events']);
    expect(parsePath('results[0].arms["arm \\"B\\". x"].total')).toEqual(['results', 0, 'arms', 'arm "B". x', 'total']);
    expect(parsePath('(top level)')).toBeUndefined();
  });

  it('hangs a note on the deepest field the data has', () => {
    const tree = errorTree([{ level: 'error', text: 'missing', path: 'publication.title' }, { level: 'warning', text: 'odd', path: 'results[0].arms.a.events' }], { publication: {}, results: [{ arms: { a: { events: 1 } } }] });
    expect(tree).toEqual({ publication: { __errors: ['Error: missing'] }, results: { 0: { arms: { a: { events: { __errors: ['Warning: odd'] } } } } } });
  });
});
