// The Form tab's write-back into hand-written YAML: only the changed paths
// move; comments, folded paragraphs and order elsewhere stay byte for byte.
// And the build's note paths, parsed back into fields.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  it('a cleared optional field is deleted, a new nested field created', () => {
    const text = 'a:\n  b: 1\n  c: 2\nd: 3\n';
    expect(edit(text, (d) => delete d.a.b)).toBe('a:\n  c: 2\nd: 3\n');
    expect(edit(text, (d) => (d.e = { f: [1] }))).toBe('a:\n  b: 1\n  c: 2\nd: 3\ne:\n  f:\n    - 1\n');
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
