import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TrialdeckError, formatProblem } from '../../src/errors.js';
import { parseTrialText } from '../../src/trial/load.js';

const valid = readFileSync(fileURLToPath(new URL('./fixtures/levoecmo-min.yaml', import.meta.url)), 'utf8');

function problemsOf(text: string): string[] {
  try {
    parseTrialText(text, 'trial.yaml', 'data');
  } catch (err) {
    expect(err).toBeInstanceOf(TrialdeckError);
    return (err as TrialdeckError).problems.map(formatProblem);
  }
  throw new Error('expected the data to be rejected');
}

const PRIMARY_EFFECT = '      p: { op: \'=\', value: 0.92 }\n';
const withComparison = (c: string): string => valid.replace(PRIMARY_EFFECT, `${PRIMARY_EFFECT}      comparison: ${c}\n`);

/** A three-arm PEGASUS-TIMI 54-like trial: two doses and placebo. */
const threeArm = valid
  .replace('  - { id: placebo, label: Placebo, randomised: 104 }', '  - { id: levo-high, label: Levosimendan high dose }\n  - { id: placebo, label: Placebo, randomised: 104 }')
  .replace('      placebo: { kind: events, events: 71, total: 104, percent: 68.3 }', '      levo-high: { kind: events, events: 70, total: 100, percent: 70.0 }\n      placebo: { kind: events, events: 71, total: 104, percent: 68.3 }')
  .replace('      placebo: { kind: events, events: 23, total: 104, percent: 22.1 }', '      levo-high: { kind: events, events: 20, total: 100, percent: 20.0 }\n      placebo: { kind: events, events: 23, total: 104, percent: 22.1 }')
  .replace('      placebo: { kind: median, median: 6, iqr: [4, 11] }', '      levo-high: { kind: median, median: 5, iqr: [3, 8] }\n      placebo: { kind: median, median: 6, iqr: [4, 11] }');

describe('design fields: comparison, control arm, hypothesis, margin', () => {
  it('accepts every new field and keeps files without them unchanged', () => {
    const text = valid
      .replace('  statistics:\n', '  controlArm: placebo\n  type: cluster\n  cluster: { clusters: 24, unit: ICUs, icc: 0.02, designEffect: 1.8 }\n  hypothesis: non-inferiority\n  statistics:\n')
      .replace(PRIMARY_EFFECT, `${PRIMARY_EFFECT}      comparison: { arm: levosimendan, vs: placebo }\n      population: per-protocol\n`)
      .replace('    benefit: higher\n', '    benefit: higher\n    margin: { value: 0.8, text: lower bound above 0.8 }\n');
    const { trial, warnings } = parseTrialText(text, 'trial.yaml', 'data');
    expect(trial.design).toMatchObject({ controlArm: 'placebo', type: 'cluster', hypothesis: 'non-inferiority', cluster: { clusters: 24, icc: 0.02 } });
    expect(trial.results[0]?.effect).toMatchObject({ comparison: { arm: 'levosimendan', vs: 'placebo' }, population: 'per-protocol' });
    expect(trial.results[0]?.margin).toEqual({ value: 0.8, text: 'lower bound above 0.8' });
    expect(warnings).toEqual([]);
    const plain = parseTrialText(valid, 'trial.yaml', 'data').trial;
    expect(plain.design.type).toBeUndefined();
    expect(plain.results[0]?.effect?.comparison).toBeUndefined();
  });

  it('names the path and the arm ids when a comparison names an arm that does not exist', () => {
    const problems = problemsOf(withComparison('{ arm: levosimendan, vs: placbo }'));
    expect(problems).toEqual([expect.stringMatching(/results\[0\]\.effect\.comparison\.vs: expected an arm id \(levosimendan, placebo\), got "placbo"$/)]);
    const line = withComparison('{ arm: levosimendan, vs: placbo }').split('\n').findIndex((l) => l.includes('placbo')) + 1;
    expect(problems[0]).toMatch(new RegExp(`^trial\\.yaml:${line}:`));
  });

  it('rejects a comparison of an arm with itself, an unknown control arm and a malformed id', () => {
    expect(problemsOf(withComparison('{ arm: placebo, vs: placebo }'))).toEqual([expect.stringMatching(/results\[0\]\.effect\.comparison: compares arm "placebo" with itself/)]);
    expect(problemsOf(valid.replace('  statistics:\n', '  controlArm: sham\n  statistics:\n'))).toEqual([
      expect.stringMatching(/design\.controlArm: expected an arm id \(levosimendan, placebo\), got "sham"/),
    ]);
    expect(problemsOf(withComparison('{ arm: Levosimendan, vs: placebo }'))[0]).toMatch(/results\[0\]\.effect\.comparison\.arm: expected an arm id \(levosimendan, placebo\), got "Levosimendan"$/);
  });

  it('rejects a margin that is no boundary, or on another scale than the effect', () => {
    const margin = (m: string): string => valid.replace('    benefit: higher\n', `    benefit: higher\n    hypothesis: non-inferiority\n    margin: ${m}\n`);
    expect(problemsOf(margin('{ value: 1 }'))[0]).toMatch(/results\[0\]\.margin\.value: a sHR margin of 1 is no margin/);
    expect(problemsOf(margin('{ value: -0.5 }'))[0]).toMatch(/results\[0\]\.margin\.value: a sHR margin must be above 0/);
    expect(problemsOf(margin('{ value: 5, measure: RD }'))[0]).toMatch(/results\[0\]\.margin\.measure: the margin is a RD but the effect is a sHR/);
    expect(problemsOf(margin('{ value: 0.8, measure: HR, extra: 1 }'))[0]).toMatch(/results\[0\]\.margin: unknown field "extra"/);
  });

  it('warns when a non-inferiority primary has no margin, and when a margin has no hypothesis', () => {
    const noMargin = parseTrialText(valid.replace('  statistics:\n', '  hypothesis: non-inferiority\n  statistics:\n'), 't.yaml', 'data');
    expect(noMargin.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual(['results[0].margin: a non-inferiority outcome needs its margin ({ value }) for a verdict']);
    const unused = parseTrialText(valid.replace('    benefit: higher\n', '    benefit: higher\n    margin: { value: 0.8 }\n'), 't.yaml', 'data');
    expect(unused.warnings.map((w) => w.path)).toEqual(['results[0].margin']);
  });

  it('with three arms, finds the placebo control and warns about effects that do not say what they compare', () => {
    const { warnings } = parseTrialText(threeArm, 't.yaml', 'data');
    expect(warnings.map((w) => `${w.path}: ${w.code}`)).toEqual([
      'results[0].effect.comparison: COMPARISON_MISSING',
      'results[1].effect.comparison: COMPARISON_MISSING',
      'results[2].effect.comparison: COMPARISON_MISSING',
    ]);
    expect(warnings.some((w) => w.code === 'CONTROL_UNKNOWN')).toBe(false);
  });

  it('with three arms and no arm named as control, asks for design.controlArm', () => {
    const noPlacebo = threeArm.replace('label: Placebo', 'label: Dobutamine').replaceAll(/\bplacebo\b/g, 'dobutamine');
    const { warnings } = parseTrialText(noPlacebo, 't.yaml', 'data');
    expect(warnings.find((w) => w.code === 'CONTROL_UNKNOWN')).toMatchObject({ path: 'design.controlArm' });
  });
});
