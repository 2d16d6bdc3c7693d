// The extra example trials: each exercises parts of the format the seed does not.
import { describe, expect, it } from 'vitest';
import { importSummary } from '../../src/import/index.js';
import { trialSchema, type Trial } from '../../src/trial/schema.js';
import { EXAMPLES, readSummary } from './examples.js';

const load = (file: string): Trial => trialSchema.parse(importSummary(readSummary(file)).trial);

describe.each(EXAMPLES)('$summary', ({ summary }) => {
  it('imports and validates', () => {
    const { trial } = importSummary(readSummary(summary));
    expect(() => trialSchema.parse(trial)).not.toThrow();
  });
});

describe('DAPA-HF (cardiology: hazard ratios, counts without denominators)', () => {
  const t = load('DAPA-HF.txt');

  it('reads arms, enrolment and the primary outcome with P<0.001 and a bare en-dash CI', () => {
    expect(t.arms.map((a) => [a.id, a.randomised])).toEqual([
      ['dapagliflozin', 2373],
      ['placebo', 2371],
    ]);
    expect(t.enrolment).toEqual({ enrolled: 4744, stoppedEarly: false });
    expect(t.results).toHaveLength(13);
    expect(t.results[0]?.effect).toMatchObject({
      measure: 'HR',
      estimate: 0.74,
      ci: { lower: 0.65, upper: 0.85 },
      p: { op: '<', value: 0.001, text: 'P<0.001' },
      ciText: '0.65–0.85; P<0.001',
    });
    expect(t.results[0]?.otherEffects.map((e) => [e.measure, e.estimate, e.ci?.lower, e.ci?.upper])).toEqual([
      ['HR', 0.75, 0.63, 0.9],
      ['HR', 0.73, 0.6, 0.88],
    ]);
  });

  it('reads counts without denominators, including a bare 0', () => {
    expect(t.results[1]?.arms).toEqual({
      dapagliflozin: { kind: 'count', count: 237, percent: 10, text: '237 (10.0%)' },
      placebo: { kind: 'count', count: 326, percent: 13.7, text: '326 (13.7%)' },
    });
    expect(t.results[11]?.arms.placebo).toEqual({ kind: 'count', count: 0, text: '0' });
  });

  it('marks "Not reported" effects and safety outcomes', () => {
    const unreported = t.results.filter((r) => r.effect?.reported === false).map((r) => r.name);
    expect(unreported).toEqual([
      'Volume depletion (adverse event)',
      'Renal adverse event',
      'Major hypoglycaemia',
      'Diabetic ketoacidosis',
      'Discontinuation of study drug due to adverse event',
    ]);
    expect(t.results.filter((r) => r.role === 'safety').map((r) => r.name)).toEqual(unreported);
    expect(t.results[8]?.effect).toEqual({ reported: false, measure: 'other', text: 'Not reported', ciText: 'P=0.40' });
  });

  it('reads the design numbers and citations', () => {
    expect(t.publication.doi).toBe('10.1056/NEJMoa1911303');
    expect(t.design.statistics).toMatchObject({ plannedSampleSize: 4500, targetEffect: { measure: 'HR', value: 0.8 }, power: 0.9, alpha: 0.05 });
    expect(t.design.population.exclusions).toHaveLength(4);
    expect(t.context.background[1]?.refs).toEqual([4]);
    expect(t.interpretation[0]?.bullets[0]?.refs).toEqual([5, 6]);
  });
});

describe('STEP 1 (obesity: mean differences, Unicode minus, empty section)', () => {
  const { trial, warnings } = importSummary(readSummary('STEP-1.txt'));
  const t = trialSchema.parse(trial);

  it('reads signed percentages and kilograms as means, keeping U+2212 in the text', () => {
    expect(t.arms.map((a) => a.id)).toEqual(['semaglutide-2-4-mg', 'placebo']);
    expect(t.results[0]?.arms['semaglutide-2-4-mg']).toEqual({ kind: 'mean', mean: -14.9, unit: '%', text: '\u221214.9%' });
    expect(t.results[4]?.arms.placebo).toEqual({ kind: 'mean', mean: -2.6, unit: 'kg', text: '\u22122.6 kg' });
    expect(t.results[0]?.effect).toMatchObject({
      measure: 'MD',
      label: 'Estimated treatment difference',
      estimate: -12.4,
      unit: '%',
      ci: { lower: -13.4, upper: -11.5 },
      p: { op: '<', value: 0.001 },
    });
    expect(t.results[4]?.effect).toMatchObject({ measure: 'MD', estimate: -12.7, unit: 'kg', ci: { lower: -13.7, upper: -11.7 } });
  });

  it('reads the co-primary responder counts and plain percentages', () => {
    expect(t.results.filter((r) => r.role === 'primary')).toHaveLength(2);
    expect(t.results[1]?.arms['semaglutide-2-4-mg']).toEqual({ kind: 'count', count: 1047, percent: 86.4, text: '1047 (86.4%)' });
    expect(t.results[1]?.effect).toMatchObject({ reported: false, ciText: 'P<0.001' });
    expect(t.results[1]?.benefit).toBe('higher');
    expect(t.results[5]?.arms.placebo).toEqual({ kind: 'percent', percent: 47.9, text: '47.9%' });
  });

  it('asks the user for benefit directions it cannot infer', () => {
    expect(t.results[0]?.benefit).toBeUndefined();
    expect(warnings.map((w) => [w.code, w.line, w.path])).toEqual([
      ['SUMMARY_BENEFIT_UNKNOWN', 39, 'results[0].benefit'],
      ['SUMMARY_BENEFIT_UNKNOWN', 43, 'results[4].benefit'],
    ]);
  });

  it('tolerates an empty section and finds the DOI in the citation', () => {
    expect(t.controversies).toEqual([]);
    expect(t.publication.doi).toBe('10.1056/NEJMoa2032183');
    expect(t.design.statistics.plannedSampleSize).toBeUndefined();
    expect(t.design.statistics.alpha).toBe(0.05);
  });
});

describe('NICE-SUGAR (ICU: odds ratio, escaped pipe, descriptive cells, missing section)', () => {
  const t = load('NICE-SUGAR.txt');

  it('reads the odds ratio and the absolute difference in the notes', () => {
    expect(t.results[0]?.effect).toMatchObject({ measure: 'OR', estimate: 1.14, ci: { lower: 1.02, upper: 1.28 }, p: { op: '=', value: 0.02 } });
    expect(t.results[0]?.otherEffects).toEqual([
      expect.objectContaining({ measure: 'RD', label: 'Absolute difference', estimate: 2.6, unit: '%', ci: { lower: 0.4, upper: 4.8, level: 0.95 } }),
    ]);
  });

  it('reads \\| as a literal pipe inside a cell', () => {
    expect(t.results[1]?.name).toBe('Severe hypoglycaemia (blood glucose ≤40 mg/dL | ≤2.2 mmol/L)');
    expect(t.results[1]?.arms['intensive-control']).toMatchObject({ kind: 'events', events: 206, total: 3016 });
  });

  it('reads mean ± SD with a unit, and keeps descriptions as text', () => {
    expect(t.results[2]?.arms['conventional-control']).toEqual({ kind: 'mean', mean: 144, sd: 23, unit: 'mg/dL', text: '144 ± 23 mg/dL' });
    expect(t.results[3]?.arms['intensive-control']).toEqual({ kind: 'text', text: 'Similar in both groups' });
  });

  it('keeps analysed sizes but not randomised ones when the denominators do not add up to the enrolment', () => {
    expect(t.enrolment.enrolled).toBe(6104);
    expect(t.arms).toEqual([
      { id: 'intensive-control', label: 'Intensive control', analysed: 3010 },
      { id: 'conventional-control', label: 'Conventional control', analysed: 3012 },
    ]);
  });

  it('tolerates the missing Overall Summary and reads the target effect', () => {
    expect(t.overallSummary).toEqual([]);
    expect(t.design.statistics.targetEffect).toMatchObject({ measure: 'RD', value: 3.8 });
    expect(t.context.background[1]?.refs).toEqual([3, 4]);
  });
});

describe('RECOVERY (respiratory: rate and risk ratios, URL, missing section)', () => {
  const t = load('RECOVERY.txt');

  it('reads rate ratios as ratios of hazards with the paper wording, and risk ratios as plain RR', () => {
    expect(t.results[0]?.effect).toMatchObject({ measure: 'HR', label: 'Age-adjusted rate ratio', estimate: 0.83, p: { op: '<', value: 0.001 } });
    expect(t.results.slice(1, 5).map((r) => [r.effect?.measure, r.effect?.label])).toEqual(Array(4).fill(['HR', 'Rate ratio']));
    expect(t.results[5]?.effect).toMatchObject({ measure: 'RR', estimate: 0.92, ci: { lower: 0.84, upper: 1.01 } });
    expect(t.results[5]?.effect?.label).toBeUndefined();
    expect(t.results[4]?.benefit).toBe('higher');
  });

  it('reads arms, URL and statistics', () => {
    expect(t.arms.map((a) => [a.id, a.randomised])).toEqual([
      ['dexamethasone', 2104],
      ['usual-care', 4321],
    ]);
    expect(t.publication.url).toBe('https://www.nejm.org/doi/full/10.1056/NEJMoa2021436');
    expect(t.design.statistics).toMatchObject({ plannedSampleSize: 6000, power: 0.9, alpha: 0.01 });
    expect(t.externalValidity).toEqual({ items: [] });
  });
});
