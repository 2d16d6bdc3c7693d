// `trialdeck check` on LEVOECMO: words-vs-numbers flags with their lines, and
// the primary's absolute translation and detectable effect, in text and JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, ROOT, runCliSync } from '../helpers/cli.js';

const data = join(ROOT, 'data/levoecmo.yaml');
const summary = join(ROOT, 'test/fixtures/summaries/LEVOECMO.txt');
const run = (...args: string[]) => runCliSync(args, { cwd: ROOT });
/** 1-based line of the first line containing `s`. */
const lineOf = (file: string, s: string): number => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(s)) + 1;

beforeAll(() => assertCliBuilt());

describe('trialdeck check: words vs numbers', () => {
  it('lists every flag with file:line, path, the verbatim sentence and the CI', () => {
    const r = run('check', data);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Words vs numbers: \d+ claims the numbers do not carry \(categories after Boutron et al\. 2010\)/);
    const identical = lineOf(data, 'Primary outcome was identical between groups');
    expect(identical).toBeGreaterThan(0);
    expect(r.stdout).toContain(`data/levoecmo.yaml:${identical} resultsSummary[0] [equivalence-without-margin]`);
    const increased = lineOf(data, 'Levosimendan increased ventricular arrhythmias');
    expect(r.stdout).toContain(`data/levoecmo.yaml:${increased} summary[3] [direction-without-evidence]`);
    expect(r.stdout).toContain('“Levosimendan increased ventricular arrhythmias (17.8% vs 8.7%) and was associated with more treatment cessation due to suspected adverse drug events (11.9% vs 3.8%).”');
    expect(r.stdout).toContain('Ventricular arrhythmia (VF/VT/torsades) during study drug exposure: RR 2.06 (95% CI 0.97 to 4.37)');
    expect(r.stdout).toContain('Actual: With the 140 events observed, 80% power only for an sHR ≥ 1.61');
    expect(r.stdout).toContain('means 69.0% with levosimendan (95% CI 57.2% to 79.7%)');
  });

  it('finds the lines in a summary text too', () => {
    const r = run('check', summary);
    expect(r.code).toBe(0);
    const increased = lineOf(summary, 'Levosimendan increased ventricular arrhythmias');
    expect(increased).toBeGreaterThan(0);
    expect(r.stdout).toContain(`LEVOECMO.txt:${increased} summary[3] [direction-without-evidence]`);
  });

  it('--json carries the flags (with lines), the absolute translation and the detectable effect', () => {
    const j = JSON.parse(run('check', data, '--json').stdout) as {
      evidence: {
        claims: { path: string; line?: number; category: string; sentence: string }[];
        absolute: { risk: { lower: number; estimate: number; upper: number }; text: string };
        power: { detectable: number; events: number; assumedText: string };
        fragilities: { outcome: string; applies: boolean; result: { value: number } | null }[];
      };
    };
    const flag = j.evidence.claims.find((c) => c.path === 'resultsSummary[0]')!;
    expect(flag.category).toBe('equivalence-without-margin');
    expect(flag.line).toBe(lineOf(data, 'Primary outcome was identical between groups'));
    expect(j.evidence.claims.every((c) => typeof c.line === 'number')).toBe(true);
    expect(j.evidence.absolute.risk.lower).toBeCloseTo(0.572, 3);
    expect(j.evidence.absolute.risk.upper).toBeCloseTo(0.797, 3);
    expect(j.evidence.power.detectable).toBeCloseTo(1.606, 3);
    expect(j.evidence.power.events).toBe(140);
    expect(j.evidence.fragilities.find((f) => /cessation/.test(f.outcome))?.result?.value).toBe(1);
  });
});
