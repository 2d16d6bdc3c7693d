// The compiled CLI, as a user runs it: exit codes, messages, outputs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, ROOT, runCliSync, type CliResult } from '../helpers/cli.js';

const root = ROOT;
const fixture = join(root, 'test/trial/fixtures/levoecmo-min.yaml');
let work: string;

const run = (...args: string[]): CliResult => runCliSync(args, { cwd: work });

beforeAll(() => {
  assertCliBuilt();
  work = mkdtempSync(join(tmpdir(), 'td-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('trialdeck CLI', () => {
  it('exits 2 with usage for an unknown command, a missing input or an unknown format', () => {
    expect(run('frobnicate').code).toBe(2);
    const none = run('build');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no input file given/);
    const fmt = run('build', fixture, '-f', 'docx');
    expect(fmt.code).toBe(2);
    expect(fmt.stderr).toMatch(/unknown format docx/);
  });

  it('builds md and html into <out>/<id>/ and says so in one line', () => {
    const r = run('build', fixture, '-f', 'md,html', '-o', 'out');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ .*levoecmo-min\.yaml → out\/levoecmo-min\/ \(\d+ slides: deck\.md, deck\.html\)/);
    expect(readdirSync(join(work, 'out/levoecmo-min')).sort()).toEqual(['charts', 'deck.html', 'deck.md']);
  });

  it('reports bad data with file:line:col, path and expectation, exit 1, no stack trace, previous deck untouched', () => {
    run('build', fixture, '-f', 'md,html', '-o', 'out2');
    const before = readFileSync(join(work, 'out2/levoecmo-min/deck.md'), 'utf8');
    const bad = join(work, 'levoecmo-min.yaml');
    writeFileSync(bad, readFileSync(fixture, 'utf8').replace('events: 71, total: 104', 'events: abc, total: 104'));
    const r = run('build', bad, '-f', 'md,html', '-o', 'out2');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/levoecmo-min\.yaml:\d+:\d+: results\[0\]\.arms\.placebo\.events: expected a whole number ≥ 0, got "abc"/);
    expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(readFileSync(join(work, 'out2/levoecmo-min/deck.md'), 'utf8')).toBe(before);
    expect(readdirSync(join(work, 'out2')).filter((f) => f.startsWith('.staging') || f.startsWith('.retired'))).toEqual([]);
  });

  it('a missing file and an unsupported extension are input errors (exit 1)', () => {
    const missing = run('build', 'nope.yaml');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.yaml: no such file/);
    writeFileSync(join(work, 'trial.docx'), 'x');
    expect(run('build', 'trial.docx').stderr).toMatch(/unsupported file type; expected one of \.yaml/);
  });

  it('check validates and --json prints the normalised model', () => {
    const ok = run('check', fixture);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/valid \(3 outcomes/);
    const json = JSON.parse(run('check', fixture, '--json').stdout) as { trial: { results: { role: string }[] } };
    expect(json.trial.results[2]?.role).toBe('secondary');
  });

  it('--audit-slide adds "Are the numbers consistent?" to LEVOECMO, which has no material mismatch', () => {
    const data = join(root, 'data/levoecmo.yaml');
    expect(run('build', data, '-f', 'md', '-o', 'a1').code).toBe(0);
    expect(readFileSync(join(work, 'a1/levoecmo/deck.md'), 'utf8')).not.toContain('## Are the numbers consistent?');
    expect(run('build', data, '-f', 'md', '-o', 'a2', '--audit-slide').code).toBe(0);
    expect(readFileSync(join(work, 'a2/levoecmo/deck.md'), 'utf8')).toMatch(/## Are the numbers consistent\?[\s\S]*recomputed 3\.09 \(95% CI 1\.03 to 9\.26\)/);
  });

  it('check prints the number audit with both values', () => {
    const r = run('check', join(root, 'data/levoecmo.yaml'));
    expect(r.stdout).toMatch(/Number audit: \d+ reported numbers recomputed/);
    expect(r.stdout).toMatch(/reported 3\.09 \(95% CI 1\.07 to 8\.93\); recomputed 3\.09 \(95% CI 1\.03 to 9\.26\)/);
    expect(r.stdout).toMatch(/probably used another/);
  });

  it('import writes YAML that check accepts', () => {
    const seed = join(root, 'test/fixtures/summaries/LEVOECMO.txt');
    const r = run('import', seed, '-o', 'levo.yaml');
    expect(r.code).toBe(0);
    expect(readFileSync(join(work, 'levo.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
    expect(run('check', 'levo.yaml').code).toBe(0);
  });
});
