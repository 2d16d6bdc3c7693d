// Templates are trusted, but a template that prints data without the escaper
// (a bare {{field}} or any {{{triple}}}) or calls an unknown helper would let
// data restructure the deck. This lint walks every template's AST.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDeck, DEFAULT_TEMPLATE_DIR, usesPrecompiledTemplates } from '../../src/deck/compose.js';
import { deriveEvidence } from '../../src/evidence/index.js';
import { loadTrial } from '../../src/trial/load.js';
import { COMPILE_OPTIONS, createHandlebars } from '../../src/deck/handlebars-env.js';
import { formatLintProblems, lintAst } from '../../src/deck/template-lint.js';

/** Problems in one template source: unescaped output, triple braces, unknown helpers (the lint compose runs at load time). */
export function lintTemplate(source: string): string[] {
  return formatLintProblems(lintAst(Handlebars.parse(source)));
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

describe('department template folders are linted and confined at load time', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const make = (partial: string, deck = '{{> broken}}\n'): string => {
    const dir = mkdtempSync(join(tmpdir(), 'td-tpl-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'deck.hbs'), deck);
    writeFileSync(join(dir, 'partials', 'broken.hbs'), partial);
    return dir;
  };
  const compose = async (dir: string) => {
    const { trial } = await loadTrial(join(DEFAULT_TEMPLATE_DIR, '../data/levoecmo.yaml'));
    return composeDeck(trial, deriveEvidence(trial), [], { theme: 'clinical', templateDir: dir });
  };

  it('a syntax error and an unknown helper name their file (and line)', async () => {
    await expect(compose(make('{{#if vm.x}}never closed'))).rejects.toThrow(/partials\/broken\.hbs: Parse error/);
    await expect(compose(make('{{shout vm.footer}}'))).rejects.toThrow(/partials\/broken\.hbs:1:1: unknown helper "shout"/);
  });

  it('refuses triple braces, bare fields and built-in helpers such as lookup/log, naming file:line', async () => {
    const triple = compose(make('# Title\n\n{{{vm.publication.title}}}\n'));
    await expect(triple).rejects.toMatchObject({ code: 'TEMPLATE', message: expect.stringMatching(/partials\/broken\.hbs:3:1: triple braces/) });
    await expect(compose(make('x\n{{vm.footer}}'))).rejects.toThrow(/broken\.hbs:2:1: \{\{vm\.footer\}\} prints data without an escaping helper/);
    await expect(compose(make('{{md (lookup vm "footer")}}'))).rejects.toThrow(/unknown helper "lookup"/);
    await expect(compose(make('{{log vm}}'))).rejects.toThrow(/unknown helper "log"/);
    await expect(compose(make('ok', '{{{vm.footer}}}'))).rejects.toThrow(/deck\.hbs:1:1: triple braces/);
  });

  it('refuses a template that is a symbolic link out of its folder (and reads nothing from there)', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'td-tpl-outside-'));
    dirs.push(outside);
    writeFileSync(join(outside, 'secret.hbs'), 'CANARY-{{md vm.footer}}');
    const partial = make('unused');
    rmSync(join(partial, 'partials', 'broken.hbs'));
    symlinkSync(join(outside, 'secret.hbs'), join(partial, 'partials', 'broken.hbs'));
    await expect(compose(partial)).rejects.toMatchObject({ code: 'PATH_ESCAPE', message: expect.stringMatching(/broken\.hbs: resolves outside the templates folder/) });
    const deck = make('fine');
    rmSync(join(deck, 'deck.hbs'));
    symlinkSync(join(outside, 'secret.hbs'), join(deck, 'deck.hbs'));
    await expect(compose(deck)).rejects.toMatchObject({ code: 'PATH_ESCAPE' });
    // A symlinked partials folder leads outside too.
    const folder = make('fine', '# deck\n');
    rmSync(join(folder, 'partials'), { recursive: true });
    symlinkSync(outside, join(folder, 'partials'));
    await expect(compose(folder)).rejects.toMatchObject({ code: 'PATH_ESCAPE' });
  });

  it('accepts a symlink that stays inside the folder', async () => {
    const dir = make('{{md vm.footer}}', '{{> alias}}\n');
    symlinkSync(join(dir, 'partials', 'broken.hbs'), join(dir, 'partials', 'alias.hbs'));
    const { markdown } = await compose(dir);
    expect(markdown).toMatch(/LEVOECMO/);
  });
});

describe('precompiled templates (npm run build)', () => {
  it("the package's templates come precompiled, and compose the same deck as a copy compiled at run time", async () => {
    expect(await usesPrecompiledTemplates()).toBe(true);
    const copy = mkdtempSync(join(tmpdir(), 'td-templates-copy-'));
    try {
      cpSync(DEFAULT_TEMPLATE_DIR, copy, { recursive: true });
      // A copy elsewhere is never served from dist/, and an edited one neither.
      expect(await usesPrecompiledTemplates(copy)).toBe(false);
      const { trial } = await loadTrial(join(DEFAULT_TEMPLATE_DIR, '../data/levoecmo.yaml'));
      const evidence = deriveEvidence(trial);
      const pre = await composeDeck(trial, evidence, [], { theme: 'clinical' });
      const compiled = await composeDeck(trial, evidence, [], { theme: 'clinical', templateDir: copy });
      expect(pre.markdown).toBe(compiled.markdown);
      expect(pre.markdown.length).toBeGreaterThan(10_000);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
