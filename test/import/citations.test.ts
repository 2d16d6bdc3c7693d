import { describe, expect, it } from 'vitest';
import { Citations, citationReadings, parseBibliography } from '../../src/import/citations.js';
import { ImportReport } from '../../src/import/report.js';

function reader(size: number): { cite: Citations; report: ImportReport } {
  const report = new ImportReport('s.txt');
  return { cite: new Citations(size, report), report };
}

describe('citation markers', () => {
  it.each([
    ['centre-level practice differences.45', 'centre-level practice differences.', [4, 5]],
    ['transplantation/durable support).23', 'transplantation/durable support).', [2, 3]],
    ['modest benefit or harm.1', 'modest benefit or harm.', [1]],
    ['as shown before.4 Later trials agreed.5', 'as shown before. Later trials agreed.', [4, 5]],
    ['previously,3 and since', 'previously, and since', [3]],
    ['several trials.2,4', 'several trials.', [2, 4]],
    ['several trials.2–4', 'several trials.', [2, 3, 4]],
  ])('moves the marker out of "%s"', (text, clean, refs) => {
    const { cite, report } = reader(5);
    expect(cite.extract(text, {})).toEqual({ text: clean, refs });
    expect(report.warnings).toEqual([]);
  });

  it.each([
    'sHR 1.02; 95% CI 0.74 to 1.39; P=0.92',
    'powered for a target sHR of 1.75',
    'a dose of 0.20 ± 0.01 μg/kg/min in 93%',
    'in 2019.',
    'SOFA subcomponents 0–1',
    'with 24 hours vs 27 hours',
  ])('leaves numbers that are not markers alone: %s', (text) => {
    const { cite, report } = reader(5);
    expect(cite.extract(text, {})).toEqual({ text, refs: [] });
    expect(report.warnings).toEqual([]);
  });

  it('does nothing without a bibliography', () => {
    const { cite } = reader(0);
    expect(cite.extract('differences.45', {})).toEqual({ text: 'differences.45', refs: [] });
  });

  it('leaves digits that do not fit the bibliography, with a warning', () => {
    const { cite, report } = reader(5);
    expect(cite.extract('harm.7', { line: 3, path: 'summary[0]' })).toEqual({ text: 'harm.7', refs: [] });
    expect(report.warnings).toMatchObject([{ code: 'SUMMARY_CITATION_UNMATCHED', line: 3, path: 'summary[0]', file: 's.txt' }]);
  });

  it('reads long digit runs against a large bibliography', () => {
    const { cite, report } = reader(12);
    expect(cite.extract('trials.123', {})).toEqual({ text: 'trials.', refs: [1, 2, 3] });
    expect(cite.extract('trials.1112', {})).toEqual({ text: 'trials.', refs: [11, 12] });
    expect(report.warnings).toEqual([]);
  });

  it('warns when digits can be read more than one way', () => {
    const { cite, report } = reader(15);
    expect(cite.extract('trials.1213', { line: 9 })).toEqual({ text: 'trials.', refs: [12, 13] });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({ code: 'SUMMARY_CITATION_AMBIGUOUS', line: 9 });
    expect(report.warnings[0]?.message).toContain('[12, 13] or [1, 2, 13]');
  });

  it('bullet() gives a plain string without refs; plain() drops markers with a warning', () => {
    const { cite, report } = reader(5);
    expect(cite.bullet('No refs here.', {})).toBe('No refs here.');
    expect(cite.bullet('Refs here.45', {})).toEqual({ text: 'Refs here.', refs: [4, 5] });
    expect(cite.plain('A takeaway.3', { path: 'takeaway' })).toBe('A takeaway.');
    expect(report.warnings).toMatchObject([{ code: 'SUMMARY_CITATION_DROPPED', path: 'takeaway' }]);
  });
});

describe('citationReadings', () => {
  it('lists strictly increasing readings, fewest numbers first', () => {
    expect(citationReadings('45', 5)).toEqual([[4, 5]]);
    expect(citationReadings('54', 5)).toEqual([]);
    expect(citationReadings('11', 5)).toEqual([]);
    expect(citationReadings('1213', 15)).toEqual([
      [12, 13],
      [1, 2, 13],
    ]);
    expect(citationReadings('105', 12)).toEqual([]);
    expect(citationReadings('1011', 12)).toEqual([[10, 11]]);
  });
});

describe('parseBibliography', () => {
  const entries = (lines: string[]) => lines.map((text, i) => ({ text, line: i + 1 }));

  it('reads glued, dotted and bracketed numbers', () => {
    const report = new ImportReport();
    expect(parseBibliography(entries(['1Drazner MH. Title.', '2. Liu Y. Title.', '[3] Bertini P. Title.']), report)).toEqual([
      { n: 1, text: 'Drazner MH. Title.' },
      { n: 2, text: 'Liu Y. Title.' },
      { n: 3, text: 'Bertini P. Title.' },
    ]);
    expect(report.warnings).toEqual([]);
  });

  it('uses the expected sequence number to split glued digits', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `${i + 1}Author${i + 1} X. Title.`);
    lines[2] = '32019 ESC guidelines for heart failure.';
    const out = parseBibliography(entries(lines), new ImportReport());
    expect(out.map((e) => e.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(out[2]?.text).toBe('2019 ESC guidelines for heart failure.');
    expect(out[11]?.text).toBe('Author12 X. Title.');
  });

  it('warns when an entry number breaks the sequence', () => {
    const report = new ImportReport();
    const out = parseBibliography(entries(['1A. T.', '7B. T.']), report);
    expect(out).toEqual([
      { n: 1, text: 'A. T.' },
      { n: 7, text: 'B. T.' },
    ]);
    expect(report.warnings).toMatchObject([{ code: 'SUMMARY_BIBLIOGRAPHY_NUMBER', line: 2, path: 'bibliography[1]' }]);
  });
});
