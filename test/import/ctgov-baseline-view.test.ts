// buildBaselineView: the few rows for the "Baseline characteristics" slide and the full backup table.
import { describe, expect, it } from 'vitest';
import { buildBaselineView, KEY_ROWS } from '../../src/deck/baseline-view.js';
import { fixture, importFile } from './ctgov-helpers.js';

describe('baseline view', () => {
  it('dupilumab: size, age and sex first, race and ethnicity only in backup, Total column kept', () => {
    const t = importFile(fixture('NCT02210780.json')).parsed;
    const v = buildBaselineView(t)!;
    expect(v.columns).toEqual(['Characteristic', 'Dupilumab 300 mg qw', 'Placebo qw', 'Total']);
    const names = v.keyRows.map((r) => r.cells[0]);
    expect(names.slice(0, 4)).toEqual(['Participants (n)', 'Age, Continuous, years', 'Sex: Female', 'Sex: Male']);
    expect(names.some((n) => /White|Hispanic/.test(n ?? ''))).toBe(false);
    expect(v.keyRows.length).toBeLessThanOrEqual(KEY_ROWS);
    expect(v.allRows.length).toBe(t.baseline!.rows.length);
    expect(v.allRows.some((r) => r.cells[0]?.includes('White'))).toBe(true);
    expect(v.keyRows[1]!.cells).toEqual(['Age, Continuous, years', '39.2 (SD 13.55)', '39.9 (SD 14.04)', '39.6 (SD 13.77)']);
  });
  it('ACTT-1: continuous age instead of age bands, and severity markers', () => {
    const names = buildBaselineView(importFile(fixture('trials_NCT04280705.json')).parsed)!.keyRows.map((r) => r.cells[0]);
    expect(names).toContain('Age, Continuous, years');
    expect(names.some((n) => /Categorical/.test(n ?? ''))).toBe(false);
    expect(names.filter((n) => /severity/i.test(n ?? '')).length).toBeGreaterThanOrEqual(2);
  });
  it('every cell is a full string and rows line up with the columns', () => {
    for (const file of ['trials_NCT04280705.json', 'NCT02552212.json', 'NCT00763412.json']) {
      const v = buildBaselineView(importFile(fixture(file)).parsed)!;
      for (const r of v.allRows) {
        expect(r.cells).toHaveLength(v.columns.length);
        for (const c of r.cells) expect(c).not.toContain('…');
      }
    }
  });
  it('is undefined without a baseline table', () => {
    const t = importFile(fixture('NCT02210780.json')).parsed;
    expect(buildBaselineView({ ...t, baseline: undefined })).toBeUndefined();
  });
});
