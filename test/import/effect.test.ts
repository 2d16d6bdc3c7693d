import { describe, expect, it } from 'vitest';
import { parseEffect, parseNoteEffects } from '../../src/import/effect.js';
import { parseCi, parseP } from '../../src/import/intervals.js';
import { effectSchema } from '../../src/trial/schema.js';

describe('parseEffect', () => {
  it('reads the LEVOECMO primary effect', () => {
    const { effect, issues } = parseEffect('sHR 1.02', '95% CI 0.74 to 1.39; P=0.92');
    expect(issues).toEqual([]);
    expect(effect).toEqual({
      measure: 'sHR',
      estimate: 1.02,
      ci: { lower: 0.74, upper: 1.39 },
      p: { op: '=', value: 0.92, text: 'P=0.92' },
      text: 'sHR 1.02',
      ciText: '95% CI 0.74 to 1.39; P=0.92',
    });
    expect(() => effectSchema.parse(effect)).not.toThrow();
  });

  it.each([
    ['RR 1.16', 'RR', 1.16, undefined, undefined],
    ['Risk ratio 0.92', 'RR', 0.92, undefined, undefined],
    ['relative risk 2.0', 'RR', 2, undefined, undefined],
    ['Age-adjusted rate ratio 0.83', 'HR', 0.83, undefined, 'Age-adjusted rate ratio'],
    ['Incidence rate ratio 1.2', 'HR', 1.2, undefined, 'Incidence rate ratio'],
    ['OR 1.14', 'OR', 1.14, undefined, undefined],
    ['Adjusted common odds ratio 1.67', 'OR', 1.67, undefined, 'Adjusted common odds ratio'],
    ['aOR 0.8', 'OR', 0.8, undefined, 'aOR'],
    ['HR 0.74', 'HR', 0.74, undefined, undefined],
    ['Hazard ratio, 0.74', 'HR', 0.74, undefined, undefined],
    ['sHR 1.75', 'sHR', 1.75, undefined, undefined],
    ['Subdistribution hazard ratio 1.32', 'sHR', 1.32, undefined, undefined],
    ['Risk difference −4.8%', 'RD', -4.8, '%', undefined],
    ['Absolute difference 2.6 percentage points', 'RD', 2.6, '%', 'Absolute difference'],
    ['Risk difference 3.1', 'RD', 3.1, '%', undefined],
    ['Absolute difference −2.1 kg', 'MD', -2.1, 'kg', 'Absolute difference'],
    ['Mean difference −7 days', 'MD', -7, 'days', undefined],
    ['Estimated treatment difference −12.4 percentage points', 'MD', -12.4, '%', 'Estimated treatment difference'],
    ['Median difference −1 day', 'MedD', -1, 'day', undefined],
    ['Restricted mean difference 1.2 days', 'RMD', 1.2, 'days', undefined],
  ])('reads the measure of "%s"', (cell, measure, estimate, unit, label) => {
    const { effect, issues } = parseEffect(cell, '');
    expect(issues).toEqual([]);
    expect(effect).toEqual({
      measure,
      ...(label === undefined ? {} : { label }),
      estimate,
      ...(unit === undefined ? {} : { unit }),
      text: cell,
    });
  });

  it.each(['Not reported', 'NR', 'not reported', '—'])('"%s" is an unreported effect that keeps both cells', (cell) => {
    expect(parseEffect(cell, 'P<0.001')).toEqual({ effect: { reported: false, text: cell, ciText: 'P<0.001' }, issues: [] });
  });

  it('takes the CI and p from the effect cell when the p/CI cell is empty', () => {
    const { effect } = parseEffect('HR 0.74 (95% CI 0.65–0.85; P<0.001)', '');
    expect(effect).toMatchObject({ measure: 'HR', estimate: 0.74, ci: { lower: 0.65, upper: 0.85 }, p: { op: '<', value: 0.001 } });
  });

  it('reads a bare en-dash range and a leading-dot p value', () => {
    const { effect } = parseEffect('HR 0.74', '0.65–0.85; p = .04');
    expect(effect).toMatchObject({ ci: { lower: 0.65, upper: 0.85 }, p: { op: '=', value: 0.04, text: 'p = .04' } });
  });

  it('handles negative bounds written with U+2212 and hyphen-minus', () => {
    expect(parseEffect('Risk difference −4.8%', '95% CI −9.6% to −1.0%').effect?.ci).toEqual({ lower: -9.6, upper: -1 });
    expect(parseEffect('MD -2', '95% CI -3.5 to -0.5').effect?.ci).toEqual({ lower: -3.5, upper: -0.5 });
  });

  it('keeps a description without numbers as a label, quietly', () => {
    expect(parseEffect('Favours dexamethasone', '')).toEqual({
      effect: { measure: 'other', label: 'Favours dexamethasone', text: 'Favours dexamethasone' },
      issues: [],
    });
  });

  it('reports what it could not read', () => {
    const unknown = parseEffect('Difference 2.3', '');
    expect(unknown.effect).toMatchObject({ measure: 'other', estimate: 2.3 });
    expect(unknown.issues[0]).toMatch(/effect measure/);
    expect(parseEffect('HR 0.7', '95% CI unclear').issues[0]).toMatch(/confidence interval/);
    expect(parseEffect('HR 0.7', 'P=1.5').issues[0]).toMatch(/p value/);
    expect(parseEffect('HR 2.5', '95% CI 0.7 to 1.4').issues[0]).toMatch(/outside its confidence interval/);
    expect(parseEffect('HR 1', '95% CI 1.4, 0.7').issues[0]).toMatch(/lower bound 1.4 is above/);
  });

  it('gives nothing for two empty cells', () => {
    expect(parseEffect('', '')).toEqual({ issues: [] });
  });
});

describe('parseCi', () => {
  it.each([
    ['95% CI 0.74 to 1.39', { lower: 0.74, upper: 1.39 }],
    ['(0.74–1.39)', { lower: 0.74, upper: 1.39 }],
    ['95% confidence interval, −2 to 1', { lower: -2, upper: 1 }],
    ['95% CI: 1.02-1.28', { lower: 1.02, upper: 1.28 }],
    ['90% CI 1.1 to 2.0', { lower: 1.1, upper: 2, level: 0.9 }],
    ['95% CI −12.8% to 12.7%', { lower: -12.8, upper: 12.7 }],
    ['95% CI 0·65–0·85', { lower: 0.65, upper: 0.85 }],
    ['95% CI −3 – −1', { lower: -3, upper: -1 }],
  ])('reads %s', (text, expected) => {
    expect(parseCi(text)).toEqual(expected);
  });

  it('finds nothing in prose', () => {
    expect(parseCi('no multiplicity-adjusted p value reported')).toBeUndefined();
  });
});

describe('parseP', () => {
  it.each([
    ['P=0.92', '=', 0.92],
    ['P<0.001', '<', 0.001],
    ['p = .04', '=', 0.04],
    ['P < .001', '<', 0.001],
    ['P<=0.05', '≤', 0.05],
    ['P ≥ 0.2', '≥', 0.2],
    ['P value = 0.03', '=', 0.03],
    ['P=0·03', '=', 0.03],
    ['P=2×10−6', '=', 2e-6],
  ])('reads %s', (text, op, value) => {
    const p = parseP(text);
    expect(p?.op).toBe(op);
    expect(p?.value).toBeCloseTo(value, 12);
    expect(p?.text).toBe(text);
  });

  it.each(['P=0.10 for interaction', 'P for interaction=0.10', 'P for heterogeneity = 0.4', 'SBP=120', 'P=1.5', 'no p value'])(
    'ignores %s',
    (text) => {
      expect(parseP(text)).toBeUndefined();
    },
  );

  it('skips an interaction p and takes the row p after it', () => {
    expect(parseP('P=0.10 for interaction; P=0.02')?.value).toBe(0.02);
  });
});

describe('parseNoteEffects', () => {
  it('reads effects written out in notes', () => {
    expect(parseNoteEffects('Risk difference 0.0% (95% CI −12.8% to 12.7%)')).toEqual([
      { measure: 'RD', estimate: 0, unit: '%', ci: { lower: -12.8, upper: 12.7 }, text: 'Risk difference 0.0% (95% CI −12.8% to 12.7%)' },
    ]);
    expect(parseNoteEffects('Absolute difference −7.8% (95% CI −21.4% to 4.7%)')[0]).toMatchObject({
      measure: 'RD',
      label: 'Absolute difference',
      estimate: -7.8,
      ci: { lower: -21.4, upper: 4.7 },
    });
  });

  it('reads several effects, with CIs inside shared brackets', () => {
    const found = parseNoteEffects('Consistent with diabetes (HR 0.75; 95% CI 0.63–0.90) and without (HR 0.73; 95% CI 0.60–0.88)');
    expect(found.map((e) => [e.estimate, e.ci])).toEqual([
      [0.75, { lower: 0.63, upper: 0.9 }],
      [0.73, { lower: 0.6, upper: 0.88 }],
    ]);
  });

  it.each([
    'Competing-risk component of primary analysis',
    'Restricted mean-based comparison used for time-to-event with death as competing risk',
    'Composite: death, transplant, escalation to permanent LVAD, stroke, or HF re-hospitalisation',
    'odds ratios 1.31 in surgical and 1.07 in nonsurgical patients',
    'Support-free days; no multiplicity-adjusted p value reported',
  ])('finds no effect in "%s"', (notes) => {
    expect(parseNoteEffects(notes)).toEqual([]);
  });
});
