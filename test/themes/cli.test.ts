// `trialdeck themes`, `trialdeck theme new` and `build --department/--date`,
// run as a user runs them: the compiled CLI in a scratch project folder.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, ROOT, runCliSync, type CliResult } from '../helpers/cli.js';

const root = ROOT;
const trial = join(root, 'test/trial/fixtures/levoecmo-min.yaml');
let work: string;

const run = (...args: string[]): CliResult => runCliSync(args, { cwd: work });

beforeAll(() => {
  assertCliBuilt();
  work = mkdtempSync(join(tmpdir(), 'td-themes-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('trialdeck themes', () => {
  it('lists every theme with its one-line description, and the departments', () => {
    const r = run('themes');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const name of ['accessible', 'cardiology', 'clinical', 'icu']) expect(r.stdout).toMatch(new RegExp(`^  ${name} +\\S.{20,}$`, 'm'));
    expect(r.stdout).toMatch(/^  clinical +Neutral clinical default.*\(default\)$/m);
    expect(r.stdout).toMatch(/Departments .*:\n(?:.*\n)*  example\n/);
  });

  it('writes a self-contained gallery page', () => {
    const r = run('themes', '--gallery', '-o', 'gallery.html');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ gallery\.html \(4 themes: clinical, accessible, cardiology, icu\)/);
    const html = readFileSync(join(work, 'gallery.html'), 'utf8');
    expect(html.match(/<iframe sandbox /g)?.length).toBe(4);
    expect(html).toContain("default-src 'none'");
    // Nothing is fetched: no http(s) URLs outside the text of the slides.
    expect(html).not.toMatch(/(?:src|href)=["']?https?:/);
  }, 120_000);

  it('rejects stray arguments', () => {
    expect(run('themes', 'extra').code).toBe(2);
    expect(run('themes', '-o', 'x.html').code).toBe(2);
  });
});

describe('trialdeck theme new', () => {
  it('scaffolds themes/departments/<name>.yaml with comments, then refuses to overwrite it', () => {
    const r = run('theme', 'new', 'ward-9');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ created themes\/departments\/ward-9\.yaml/);
    const file = join(work, 'themes/departments/ward-9.yaml');
    const text = readFileSync(file, 'utf8');
    for (const field of ['name:', 'hospital:', 'presenter:', 'footer:', 'extends:', 'logo:', 'primary:', 'accent:', 'background:', 'text:', 'arms:', 'body:', 'headings:']) {
      expect(text).toContain(field);
    }
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('#')).length).toBeGreaterThan(30);
    const again = run('theme', 'new', 'ward-9');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/ward-9\.yaml already exists; not overwriting it/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses names that are paths, and bad usage', () => {
    for (const name of ['../evil', '/tmp/evil', 'Evil', '%2e%2e']) {
      const r = run('theme', 'new', name);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(/invalid department/);
    }
    expect(existsSync(join(work, '../evil.yaml'))).toBe(false);
    expect(run('theme').code).toBe(2);
    expect(run('theme', 'delete', 'x').code).toBe(2);
  });
});

describe('trialdeck build with a department', () => {
  it('finds a scaffolded department by name in the project and uses it', () => {
    if (!existsSync(join(work, 'themes/departments/ward-9.yaml'))) run('theme', 'new', 'ward-9');
    const r = run('build', trial, '-f', 'md,html', '-o', 'out', '--department', 'ward-9', '--date', '2026-03-12');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const md = readFileSync(join(work, 'out/levoecmo-min/deck.md'), 'utf8');
    expect(md).toContain('theme: "dept-ward-9"');
    expect(md).toMatch(/footer: "LEVOECMO · ward-9 · 2026-03-12"/);
  });

  it('takes a department file by path and a theme for it to extend', () => {
    const dept = join(root, 'test/themes/fixtures/department/ward-7.yaml');
    const r = run('build', trial, '-f', 'html', '-o', 'out2', '-t', 'icu', '--department', dept);
    expect(r.code).toBe(0);
    const html = readFileSync(join(work, 'out2/levoecmo-min/deck.html'), 'utf8');
    expect(html).toContain('Ward 7 journal club');
    expect(html).toContain('data:image/png;base64,');
  });

  it('explains a bad theme, department or date (exit 1 or 2, no stack trace)', () => {
    const theme = run('build', trial, '-f', 'md', '-o', 'out3', '-t', '../clinical');
    expect(theme.code).toBe(1);
    expect(theme.stderr).toMatch(/invalid theme name "\.\.\/clinical"/);
    const dept = run('build', trial, '-f', 'md', '-o', 'out3', '--department', 'nope');
    expect(dept.code).toBe(1);
    expect(dept.stderr).toMatch(/unknown department "nope".*available: .*example/);
    const date = run('build', trial, '-f', 'md', '-o', 'out3', '--date', 'x'.repeat(60));
    expect(date.code).toBe(2);
    expect(`${theme.stderr}${dept.stderr}`).not.toMatch(/\n\s+at .*:\d+:\d+\)/);
  });
});
