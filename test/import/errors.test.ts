// What the user sees when a summary is wrong: one SUMMARY_INVALID error
// listing every problem with its line, or a warning when the import can go on.
import { describe, expect, it } from 'vitest';
import { TrialdeckError } from '../../src/errors.js';
import { importSummary } from '../../src/import/index.js';
import { readSummary } from './examples.js';

const seed = readSummary('LEVOECMO.txt');
const lines = seed.split('\n');
const lineOf = (start: string): number => lines.findIndex((l) => l.startsWith(start)) + 1;

function failure(text: string, file?: string): TrialdeckError {
  try {
    importSummary(text, file);
  } catch (e) {
    if (e instanceof TrialdeckError) return e;
    throw e;
  }
  throw new Error('expected the import to fail');
}

describe('import errors', () => {
  it('names the line and what was expected when Publication is missing', () => {
    const withoutPublication = lines.slice(lineOf('Context & Rationale') - 1).join('\n');
    const err = failure(withoutPublication, 'x.txt');
    expect(err.code).toBe('SUMMARY_INVALID');
    expect(err.problems).toEqual([
      { file: 'x.txt', line: 1, message: expect.stringMatching(/expected a "Publication" followed by "- Title: …", .*"- Citation: …"/) },
    ]);
    expect(err.message).toMatch(/^cannot import the trial summary x\.txt: line 1: expected a "Publication"/);
  });

  it('lists each missing publication field and a bad year', () => {
    const text = seed.replace(/^- Acronym: .*\n/m, '').replace('- Year: 2026', '- Year: soon');
    const err = failure(text);
    expect(err.problems).toEqual([
      { line: lineOf('Publication'), path: 'publication.acronym', message: 'expected "- Acronym: …" in the Publication section' },
      // One line earlier than in the seed, because the Acronym line was removed.
      { line: lineOf('- Year:') - 1, path: 'publication.year', message: 'expected a four-digit year after "Year:", found "soon"' },
    ]);
  });

  it('names the line and the expected and actual cell count of a bad results row', () => {
    const row = lineOf('| All-cause mortality at day 30');
    const broken = lines.map((l, i) => (i + 1 === row ? l.replace(' | RR 1.16 |', ' RR 1.16 |') : l)).join('\n');
    const err = failure(broken, 'levo.txt');
    expect(err.code).toBe('SUMMARY_INVALID');
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ file: 'levo.txt', line: row });
    expect(err.problems[0]?.message).toContain('results row has 5 cells, expected 6 (Outcome | Levosimendan | Placebo | Effect | p value / 95% CI | Notes)');
  });

  it('reports all problems at once', () => {
    const text = seed
      .replace(/^Publication\n(?:- .*\n)+/m, '')
      .replace('| Cardiac transplant by day 30 | 0/101 (0.0%) |', '| Cardiac transplant by day 30 |');
    const err = failure(text);
    expect(err.problems.map((p) => p.line)).toEqual([1, lineOf('| Cardiac transplant') - 6]);
    expect(err.message).toContain('(and 1 more problem)');
  });

  it('needs a Key Results section with a table', () => {
    const noResults = seed.replace(/^Key Results\n[\s\S]*?(?=^Internal Validity)/m, '');
    expect(failure(noResults).problems[0]?.message).toMatch(/expected a "Key Results" section/);
    const noTable = seed.replace(/^\|.*\n/gm, '');
    expect(failure(noTable).problems[0]).toMatchObject({ line: lineOf('Key Results'), message: expect.stringMatching(/expected a results table/) });
  });
});

describe('import warnings', () => {
  // The seed's Controversies cite other evidence without poolable numbers, which every import warns about
  // (test/import/context-trials.test.ts); these tests look at the other warnings.
  const own = <T extends { code: string }>(ws: T[]): T[] => ws.filter((w) => !w.code.startsWith('SUMMARY_CONTEXT_'));

  it('keeps an unreadable number as text and says where it is', () => {
    const row = lineOf('| All-cause mortality at day 30');
    const text = lines.map((l, i) => (i + 1 === row ? l.replace('23/104 (22.1%)', '23 of about 104') : l)).join('\n');
    const { trial, warnings } = importSummary(text, 'levo.txt');
    expect(trial.results[3]?.arms.placebo).toEqual({ kind: 'text', text: '23 of about 104' });
    expect(own(warnings)).toEqual([
      {
        level: 'warning',
        code: 'SUMMARY_NUMBER_UNREADABLE',
        file: 'levo.txt',
        line: row,
        path: 'results[3].arms.placebo',
        message: 'could not read a number from "23 of about 104"; the cell is kept as text',
      },
    ]);
  });

  it('warns about an empty arm cell and leaves that arm out', () => {
    const text = seed.replace('| 26/101 (25.7%) | 23/104 (22.1%) |', '| 26/101 (25.7%) |  |');
    const { trial, warnings } = importSummary(text);
    expect(trial.results[3]?.arms).not.toHaveProperty('placebo');
    expect(own(warnings).map((w) => [w.code, w.path])).toEqual([['SUMMARY_EMPTY_CELL', 'results[3].arms.placebo']]);
  });

  it('assumes the first row is primary when no name says so, and says it did', () => {
    const text = seed.replace('(primary; competing risk)', '(competing risk)');
    const { trial, warnings } = importSummary(text);
    expect(trial.results[0]?.role).toBe('primary');
    expect(own(warnings).map((w) => [w.code, w.path])).toEqual([['SUMMARY_PRIMARY_ASSUMED', 'results[0].role']]);
  });

  it('warns about unknown fields instead of dropping them silently', () => {
    const text = seed.replace('- Follow-Up Period:', '- Primary outcome: time to weaning\n- Follow-Up Period:');
    const { warnings } = importSummary(text);
    expect(own(warnings)).toMatchObject([
      { code: 'SUMMARY_UNKNOWN_FIELD', line: lineOf('- Follow-Up Period:'), message: expect.stringContaining('"Primary outcome:"') },
    ]);
  });
});
