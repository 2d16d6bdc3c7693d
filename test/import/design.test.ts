// Inference from words: outcome roles, benefit direction, and the numbers in the Statistics prose.
import { describe, expect, it } from 'vitest';
import { inferBenefit, inferRole } from '../../src/import/roles.js';
import { parseStatistics } from '../../src/import/design.js';

describe('roles', () => {
  it.each([
    ['Successful VA-ECMO weaning within 30 days (primary; competing risk)', 'primary', 'higher'],
    ['Death before VA-ECMO weaning (competing event)', 'competing', 'lower'],
    ['VA-ECMO weaning failure (competing event)', 'competing', 'lower'],
    ['All-cause mortality at day 30', 'secondary', 'lower'],
    ['Duration of VA-ECMO support (days) up to day 30', 'secondary', 'lower'],
    ['Days alive without VA-ECMO by day 30', 'secondary', 'higher'],
    ['ICU length of stay (days) up to day 60', 'secondary', 'lower'],
    ['Organ failure–free days by day 30', 'secondary', 'higher'],
    ['Kidney replacement therapy by day 30', 'secondary', 'lower'],
    ['Major adverse cardiovascular events by day 60', 'secondary', 'lower'],
    ['Cardiac transplant by day 30', 'secondary', 'lower'],
    ['Ventricular arrhythmia (VF/VT/torsades) during study drug exposure', 'safety', 'lower'],
    ['Suspected adverse drug event leading to treatment cessation', 'safety', 'lower'],
    ['Body-weight reduction ≥5% at week 68 (co-primary)', 'primary', 'higher'],
    ['Severe hypoglycaemia', 'safety', 'lower'],
    ['Major bleeding', 'safety', 'lower'],
    ['Discharged alive within 28 days', 'secondary', 'higher'],
    ['Ventilator-free days', 'secondary', 'higher'],
    ['Change in body weight (kg)', 'secondary', undefined],
    ['Time to shock resolution', 'secondary', undefined],
    ['Time-weighted blood glucose', 'secondary', undefined],
  ])('%s → %s, %s is better', (name, role, benefit) => {
    expect(inferRole(name)).toBe(role);
    expect(inferBenefit(name)).toBe(benefit);
  });
});

describe('parseStatistics', () => {
  it('reads the LEVOECMO statistics bullet', () => {
    const text =
      'Sample size 206 planned to detect a subdistribution hazard ratio of 1.75 (corresponding to an increase in successful weaning from 50% to 70%) with 80% power at a two-sided α=0.05; primary analysis by intention-to-treat using a Fine–Gray competing-risk model (competing events: death and weaning failure); prespecified sensitivity analyses included cause-specific modelling.';
    expect(parseStatistics(text)).toEqual({
      text,
      plannedSampleSize: 206,
      targetEffect: { measure: 'sHR', value: 1.75, text: 'subdistribution hazard ratio of 1.75' },
      power: 0.8,
      alpha: 0.05,
      analysis:
        'primary analysis by intention-to-treat using a Fine–Gray competing-risk model (competing events: death and weaning failure); prespecified sensitivity analyses included cause-specific modelling.',
    });
  });

  it.each([
    ['A sample size of approximately 6,000 patients gives a power of 90% at alpha 0.01', { plannedSampleSize: 6000, power: 0.9, alpha: 0.01 }],
    ['4500 patients were required for 85% power (α = .025)', { plannedSampleSize: 4500, power: 0.85, alpha: 0.025 }],
    ['planned enrolment of 300 to detect an absolute difference of 10 percentage points', { plannedSampleSize: 300, targetEffect: { measure: 'RD', value: 10, text: 'absolute difference of 10 percentage points' } }],
    ['Analysis by Cox regression.', { analysis: 'Analysis by Cox regression.' }],
  ])('reads "%s"', (text, expected) => {
    expect(parseStatistics(text)).toEqual({ text, ...expected });
  });

  it('leaves out-of-range power in the prose only', () => {
    expect(parseStatistics('with 100% power').power).toBeUndefined();
  });
});
