// Templates are trusted, but a template that prints data without the escaper
// (a bare {{field}} or any {{{triple}}}) or calls an unknown helper would let
// data restructure the deck. This lint walks every template's AST.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE_DIR } from '../../src/deck/compose.js';
import { COMPILE_OPTIONS, createHandlebars, HELPERS } from '../../src/deck/handlebars-env.js';

type Node = hbs.AST.Node & Record<string, unknown>;

/** Problems in one template source: unescaped output, triple braces, unknown helpers. */
export function lintTemplate(source: string): string[] {
  const problems: string[] = [];
  const helpers = new Set<string>([...HELPERS, 'if', 'unless', 'each', 'with']);
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') {
      const path = n.path as hbs.AST.PathExpression;
      const params = (n.params as unknown[]) ?? [];
      const name = path.original;
      const line = n.loc?.start.line;
      if (n.type === 'MustacheStatement' && n.escaped === false) problems.push(`line ${line}: triple braces {{{${name}}}} are not allowed`);
      if (params.length > 0 || n.type === 'BlockStatement') {
        if (!helpers.has(name)) problems.push(`line ${line}: unknown helper "${name}"`);
      } else if (n.type === 'MustacheStatement' && n.escaped !== false && !name.startsWith('@')) {
        problems.push(`line ${line}: {{${name}}} prints data without an escaping helper (use {{md ${name}}})`);
      }
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && 'type' in value) visit(value);
    }
  };
  visit(Handlebars.parse(source));
  return problems;
}

function templateFiles(dir: string): string[] {
  return [join(dir, 'deck.hbs'), ...readdirSync(join(dir, 'partials')).map((f) => join(dir, 'partials', f))];
}

describe('template lint', () => {
  for (const file of templateFiles(DEFAULT_TEMPLATE_DIR)) {
    it(`${file.slice(DEFAULT_TEMPLATE_DIR.length + 1)} escapes all data and uses known helpers`, () => {
      expect(lintTemplate(readFileSync(file, 'utf8'))).toEqual([]);
    });
  }

  it('catches the mistakes it exists for', () => {
    expect(lintTemplate('{{{vm.title}}}')).toEqual([expect.stringMatching(/triple braces/)]);
    expect(lintTemplate('{{vm.title}}')).toEqual([expect.stringMatching(/without an escaping helper/)]);
    expect(lintTemplate('{{shout vm.title}}')).toEqual([expect.stringMatching(/unknown helper "shout"/)]);
    expect(lintTemplate('{{md vm.title}} {{#each x}}{{md this}}{{/each}}')).toEqual([]);
  });

  it('compiles with knownHelpersOnly, so an unknown helper fails at compile time', () => {
    const hb = createHandlebars();
    expect(() => hb.precompile('{{shout x}}', COMPILE_OPTIONS)).toThrow(/shout/);
  });

  it('fails on a misspelt field instead of printing nothing', () => {
    const hb = createHandlebars();
    expect(() => hb.compile('{{md vm.titel}}', COMPILE_OPTIONS)({ vm: { title: 'x' } })).toThrow(/got no value/);
  });
});

describe('template errors name their file', () => {
  it('a syntax error and an unknown helper in a department template folder', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { composeDeck } = await import('../../src/deck/compose.js');
    const { deriveEvidence } = await import('../../src/evidence/index.js');
    const { loadTrial } = await import('../../src/trial/load.js');
    const { trial } = await loadTrial(join(DEFAULT_TEMPLATE_DIR, '../data/levoecmo.yaml'));
    const make = (partial: string): string => {
      const dir = mkdtempSync(join(tmpdir(), 'td-tpl-'));
      mkdirSync(join(dir, 'partials'));
      writeFileSync(join(dir, 'deck.hbs'), '{{> broken}}\n');
      writeFileSync(join(dir, 'partials', 'broken.hbs'), partial);
      return dir;
    };
    const compose = (dir: string) => composeDeck(trial, deriveEvidence(trial), [], { theme: 'clinical', templateDir: dir });
    await expect(compose(make('{{#if vm.x}}never closed'))).rejects.toThrow(/partials\/broken\.hbs: Parse error/);
    await expect(compose(make('{{shout vm.footer}}'))).rejects.toThrow(/partials\/broken\.hbs: .*unknown helper shout/);
  });
});
