// The data the appraisal slides show (issue 12), straight from buildEvidenceView.
import { describe, expect, it } from 'vitest';
import { buildEvidenceView } from '../../src/deck/evidence-view.js';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { loadTrial } from '../../src/trial/load.js';

const { trial } = await loadTrial('data/levoecmo.yaml');
const view = buildEvidenceView(trial, deriveEvidence(trial));

describe('buildEvidenceView on LEVOECMO', () => {
  it('primary slide: the ratio in absolute terms', () => {
    expect(view.absolute?.text).toMatch(/means 69\.0% with levosimendan \(95% CI 57\.2% to 79\.7%\)/);
    expect(view.absolute?.method).toBe("p1 = 1 − (1 − p0)^HR, p0 = the placebo arm's cumulative risk");
  });

  it('design slide: power assumed beside the detectable effect', () => {
    expect(view.power).toEqual({
      assumed: 'Powered for sHR 1.75 (50% → 70%) with 80% power at two-sided α 0.05, 206 patients planned.',
      detectable: 'With the 140 events observed, 80% power only for an sHR ≥ 1.61 (Schoenfeld, 1:1 allocation, two-sided α 0.05).',
    });
  });

  it('words vs numbers: shown, each item with sentence, place, outcome and CI', () => {
    expect(view.claims.show).toBe(true);
    const first = view.claims.items[0]!;
    expect(first).toMatchObject({
      where: 'Results summary, bullet 1',
      path: 'resultsSummary[0]',
      outcome: 'Successful VA-ECMO weaning within 30 days (primary; competing risk)',
      category: 'Sameness claimed, no equivalence margin',
    });
    expect(first.ci).toBe('sHR 1.02 (95% CI 0.74 to 1.39); RD 0.0 points (95% CI −12.8 to +12.7; reported)');
    expect(view.claims.items.map((c) => c.where)).toContain('Interpretation 1, bullet 2');
    expect(view.claims.items.map((c) => c.where)).toContain('Internal validity, item 10');
    expect(view.claims.source).toMatch(/Boutron/);
  });

  it('Bayes: columns are thresholds as numbers, legend says what they mean, rows carry prior definitions', () => {
    const b = view.bayes!;
    expect(b.columns).toEqual(['P(sHR > 1)', 'P(sHR > 1.1)', 'P(sHR > 1.25)', 'P(sHR < 1)', 'P(sHR < 0.9)']);
    expect(b.rows.map((r) => r.prior)).toEqual(['Flat (data only)', 'Sceptical', 'Enthusiastic']);
    expect(b.rows[0]!.cells).toEqual(['54.9%', '31.9%', '10.3%', '45.1%', '21.8%']);
    expect(b.rows[1]!.definition).toBe('centred on no effect (sHR 1.00), 5% probability beyond the design effect sHR 1.75 (SD 0.340 on the log scale)');
    expect(b.omitted).toHaveLength(1);
  });

  it('fragility: a list with the reason where none applies', () => {
    expect(view.fragility.map((f) => [f.label, f.value])).toEqual([
      ['Fragility index not applicable', '—'],
      ['Fragility index', '0'],
      ['Fragility index', '1'],
    ]);
  });
});
