// Sections, bullets and the results table: the shapes the summary is made of.
import { describe, expect, it } from 'vitest';
import { classify, groupBySubheadings, splitLabel, splitTopLevel } from '../../src/import/bullets.js';
import { ImportReport } from '../../src/import/report.js';
import { parseResultsTable, splitRow } from '../../src/import/results-table.js';
import { armId, readEnrolment } from '../../src/import/results.js';
import { headingKey, splitSections, toLines } from '../../src/import/sections.js';

describe('sections', () => {
  it.each([
    ['Publication', 'publication'],
    ['Context & Rationale', 'context'],
    ['Context and Rationale', 'context'],
    ['## Design & Methods', 'design'],
    ['**Key Results**', 'results'],
    ['Key Results:', 'results'],
    ['INTERNAL VALIDITY', 'internalValidity'],
    ['Strengths & Limitations', 'strengthsLimitations'],
    ['Interpretation & Why It Matters', 'interpretation'],
    ['Controversies & Subsequent Evidence', 'controversies'],
    ['Summary', 'summary'],
    ['Overall Takeaway', 'takeaway'],
    ['Overall Summary', 'overallSummary'],
    ['References', 'bibliography'],
  ])('knows the heading %s', (line, key) => {
    expect(headingKey(line)).toBe(key);
  });

  it.each(['- Summary', '| Summary |', 'Background', 'Why This Matters', 'Summary of findings'])('does not take "%s" for a heading', (line) => {
    expect(headingKey(line)).toBeUndefined();
  });

  it('splits in any order, keeps line numbers, tolerates empty sections', () => {
    const report = new ImportReport();
    const s = splitSections(toLines('Summary\n- a\nControversies & Subsequent Evidence\nPublication\r\n- Title: T'), report);
    expect(s.summary?.lines).toEqual([{ text: '- a', line: 2 }]);
    expect(s.controversies?.lines).toEqual([]);
    expect(s.publication).toMatchObject({ line: 4, lines: [{ text: '- Title: T', line: 5 }] });
    expect(report.warnings).toEqual([]);
  });

  it('warns about text before the first heading and merges a repeated section', () => {
    const report = new ImportReport();
    const s = splitSections(toLines('My notes\nSummary\n- a\nSummary\n- b'), report);
    expect(s.summary?.lines.map((l) => l.text)).toEqual(['- a', '- b']);
    expect(report.warnings.map((w) => [w.code, w.line])).toEqual([
      ['SUMMARY_IGNORED_TEXT', 1],
      ['SUMMARY_DUPLICATE_SECTION', 4],
    ]);
  });
});

describe('bullets', () => {
  it('classifies bullets, separators, text and table rows', () => {
    const items = classify(toLines('-\nBackground\n- one\n\n* two\n| a | b |'));
    expect(items.map((i) => i.kind)).toEqual(['separator', 'text', 'bullet', 'bullet', 'table']);
  });

  it('groups bullets under plain-line sub-headings', () => {
    const groups = groupBySubheadings(classify(toLines('- loose\n-\nClinical practice\n- a\n- b\n-\nResearch direction:\n- c')));
    expect(groups.map((g) => [g.heading, g.bullets.map((b) => b.text)])).toEqual([
      [undefined, ['loose']],
      ['Clinical practice', ['a', 'b']],
      ['Research direction', ['c']],
    ]);
  });

  it('splits labels only at a short leading label', () => {
    expect(splitLabel('Key exclusions (high-yield): VA-ECMO >48 hours')).toEqual({ label: 'Key exclusions (high-yield)', rest: 'VA-ECMO >48 hours' });
    expect(splitLabel('Population:')).toEqual({ label: 'Population', rest: '' });
    expect(splitLabel('It was as follows. Then: more')).toBeUndefined();
  });

  it('splits on top-level semicolons only', () => {
    expect(splitTopLevel('a; b (c; d); e [f; g];')).toEqual(['a', 'b (c; d)', 'e [f; g]']);
  });
});

describe('results table', () => {
  const rows = (lines: string[]) => lines.map((text, i) => ({ text, line: 10 + i }));

  it('splits cells and reads \\| as a literal pipe', () => {
    expect(splitRow('| a \\| b | c |')).toEqual(['a | b', 'c']);
    expect(splitRow('a | b')).toEqual(['a', 'b']);
    expect(splitRow('| a |  |')).toEqual(['a', '']);
  });

  it('finds arms between Outcome and Effect, any number of them', () => {
    const report = new ImportReport();
    const table = parseResultsTable(
      rows(['| Outcome | Low dose | High dose | Placebo | Effect | p value / 95% CI | Notes |', '|---|---|---|---|---|---|---|', '| Death | 1/10 | 2/10 | 3/10 | RR 1 | P=0.5 | n |']),
      report,
    );
    expect(table?.armLabels).toEqual(['Low dose', 'High dose', 'Placebo']);
    expect(table?.rows[0]).toEqual({ line: 12, outcome: 'Death', arms: ['1/10', '2/10', '3/10'], effect: 'RR 1', ci: 'P=0.5', notes: 'n' });
  });

  it('names the line and the expected and actual cell counts of a bad row', () => {
    const report = new ImportReport('t.txt');
    const table = parseResultsTable(rows(['| Outcome | A | B | Effect | p value / 95% CI | Notes |', '|---|---|---|---|---|---|', '| Death | 1/10 | 2/10 | RR 1 | P=0.5 |']), report);
    expect(table).toBeUndefined();
    expect(report.problems).toEqual([
      { file: 't.txt', line: 12, message: expect.stringContaining('results row has 5 cells, expected 6 (Outcome | A | B | Effect | p value / 95% CI | Notes)') },
    ]);
  });

  it('rejects a header without two arms', () => {
    const report = new ImportReport();
    expect(parseResultsTable(rows(['| Outcome | Only arm | Effect |']), report)).toBeUndefined();
    expect(report.problems[0]).toMatchObject({ line: 10, message: expect.stringContaining('at least two arm columns') });
  });
});

describe('arms and enrolment', () => {
  it('slugifies arm labels into unique ids that start with a letter', () => {
    expect(armId('Semaglutide 2.4 mg', new Set())).toBe('semaglutide-2-4-mg');
    expect(armId('Café-au-lait (CAL)', new Set())).toBe('cafe-au-lait-cal');
    expect(armId('4 mg', new Set())).toBe('arm-4-mg');
    expect(armId('Placebo', new Set(['placebo', 'placebo-2']))).toBe('placebo-3');
  });

  it.each([
    ['This trial was not stopped early. A total of 205/206 planned patients were enrolled.', { enrolled: 205, stoppedEarly: false }],
    ['A total of 4,744 patients were randomised.', { enrolled: 4744 }],
    ['We randomised 300 participants; the trial was stopped early for futility.', { enrolled: 300, stoppedEarly: true }],
    ['The DSMB terminated the trial prematurely after 82 patients had been enrolled.', { enrolled: 82, stoppedEarly: true }],
    ['The trial was not terminated prematurely.', { stoppedEarly: false }],
  ])('reads "%s"', (intro, expected) => {
    expect(readEnrolment(intro)).toEqual(expected);
  });
});
