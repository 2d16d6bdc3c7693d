import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TrialdeckError, formatProblem } from '../../src/errors.js';
import { MAX_INPUT_BYTES, parseTrialText } from '../../src/trial/load.js';

const fixture = fileURLToPath(new URL('./fixtures/levoecmo-min.yaml', import.meta.url));
const valid = readFileSync(fixture, 'utf8');

function problemsOf(text: string, file = 'trial.yaml'): string[] {
  try {
    parseTrialText(text, file, 'data');
  } catch (err) {
    expect(err).toBeInstanceOf(TrialdeckError);
    return (err as TrialdeckError).problems.map(formatProblem);
  }
  throw new Error('expected the data to be rejected');
}

describe('validateTrial on YAML', () => {
  it('accepts the real-trial fixture and normalises defaults', () => {
    const { trial, warnings } = parseTrialText(valid, 'levoecmo-min.yaml', 'data');
    expect(trial.results[0]?.arms.levosimendan).toMatchObject({ kind: 'events', events: 69, total: 101 });
    expect(trial.results[2]?.role).toBe('secondary');
    expect(trial.context.background).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('names the field path and line:column of a wrong type, with what it got', () => {
    const bad = valid.replace('events: 71, total: 104', 'events: abc, total: 104');
    const problems = problemsOf(bad);
    expect(problems).toHaveLength(1);
    const line = bad.split('\n').findIndex((l) => l.includes('events: abc')) + 1;
    expect(problems[0]).toMatch(new RegExp(`^trial\\.yaml:${line}:\\d+: results\\[0\\]\\.arms\\.placebo\\.events: expected a whole number ≥ 0, got "abc"$`));
  });

  it('reports every problem at once', () => {
    const bad = valid
      .replace('year: 2026', 'year: "next year"')
      .replace('events: 26, total: 101', 'events: -3, total: 101')
      .replace("op: '='", "op: '~'")
      .replace('  journal: JAMA\n', '  journal: JAMA\n  jounral: typo\n');
    const problems = problemsOf(bad);
    expect(problems.length).toBe(4);
    expect(problems.join('\n')).toMatch(/publication\.year/);
    expect(problems.join('\n')).toMatch(/results\[1\]\.arms\.levosimendan\.events: expected a whole number ≥ 0, got -3/);
    expect(problems.join('\n')).toMatch(/results\[0\]\.effect\.p\.op/);
    expect(problems.join('\n')).toMatch(/unknown field "jounral"/);
  });

  it('points a missing required field at its parent', () => {
    const bad = valid.replace(/ {2}journal: JAMA\n/, '');
    const [problem] = problemsOf(bad);
    expect(problem).toMatch(/^trial\.yaml:3:1: publication\.journal: required field is missing/);
  });

  it('rejects events greater than the total as an error', () => {
    const problems = problemsOf(valid.replace('events: 69, total: 101', 'events: 169, total: 101'));
    expect(problems[0]).toMatch(/results\[0\]\.arms\.levosimendan\.events: 169 events is more than the total of 101/);
  });

  it('rejects a CI that does not contain its estimate', () => {
    const problems = problemsOf(valid.replace('estimate: 1.02', 'estimate: 1.52'));
    expect(problems[0]).toMatch(/results\[0\]\.effect\.ci: the CI 0\.74 to 1\.39 does not contain the estimate 1\.52/);
  });

  it('warns (does not fail) when a percentage disagrees with its counts beyond rounding', () => {
    const { warnings } = parseTrialText(valid.replace('percent: 25.7', 'percent: 27.5'), 't.yaml', 'data');
    expect(warnings.map(formatProblem)).toEqual([expect.stringMatching(/results\[1\]\.arms\.levosimendan\.percent: 27\.5% does not match 26\/101 = 25\.74%/)]);
    // 68.3 for 69/101 = 68.32% is fine: within rounding.
    expect(warnings).toHaveLength(1);
  });

  it('rejects results for an arm that does not exist', () => {
    const problems = problemsOf(valid.replace('      placebo: { kind: events, events: 23', '      placebos: { kind: events, events: 23'));
    expect(problems.join('\n')).toMatch(/results\[1\]\.arms\.placebos: unknown arm "placebos"; expected one of levosimendan, placebo/);
  });
});

describe('hostile YAML', () => {
  it('refuses unknown tags', () => {
    expect(problemsOf(`${valid}\nx: !!python/object:os.system ls\n`).join('\n')).toMatch(/tag/i);
  });
  it('refuses duplicate keys with the line', () => {
    expect(problemsOf(valid.replace('  year: 2026\n', '  year: 2026\n  year: 2025\n')).join('\n')).toMatch(/trial\.yaml:7:\d+: .*unique/i);
  });
  it('refuses __proto__ and constructor keys without polluting prototypes', () => {
    const problems = problemsOf(valid.replace('publication:\n', 'publication:\n  __proto__: { polluted: yes }\n'));
    expect(problems.join('\n')).toMatch(/publication\.__proto__: the key "__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problemsOf(`constructor: 1\n${valid}`).join('\n')).toMatch(/"constructor" is not allowed/);
  });
  it('stops alias bombs (billion laughs)', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    expect(problemsOf(bomb.join('\n')).join('\n')).toMatch(/alias/i);
  });
  it('rejects NaN and infinite numbers', () => {
    expect(problemsOf(valid.replace('estimate: 1.02', 'estimate: .nan')).join('\n')).toMatch(/results\[0\]\.effect\.estimate/);
    expect(problemsOf(valid.replace('estimate: 1.16', 'estimate: 1e400')).join('\n')).toMatch(/results\[1\]\.effect\.estimate/);
  });
  it('refuses input over the size limit (512 KB)', () => {
    expect(() => parseTrialText(`# ${'x'.repeat(MAX_INPUT_BYTES)}`, 'big.yaml', 'data')).toThrow(/over the 512 KB limit/);
  });
});
