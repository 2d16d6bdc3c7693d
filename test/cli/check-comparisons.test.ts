// `trialdeck check --json` carries every named comparison and its verdict,
// and a typo in a comparison is an error that names the path and the arm ids.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runCliSync } from '../helpers/cli.js';

// PEGASUS-TIMI 54 (NEJM 2015;372:1791-800), primary outcome only.
const PEGASUS = `publication:
  title: Long-Term Use of Ticagrelor in Patients with Prior Myocardial Infarction
  acronym: PEGASUS-TIMI 54
  year: 2015
  journal: N Engl J Med
  citation: Bonaca MP, et al. N Engl J Med 2015;372:1791-800.
design:
  intervention: { name: Ticagrelor 90 mg or 60 mg twice daily }
  comparator: { name: Placebo }
arms:
  - { id: ticagrelor-90, label: Ticagrelor 90 mg }
  - { id: ticagrelor-60, label: Ticagrelor 60 mg }
  - { id: placebo, label: Placebo }
results:
  - name: Cardiovascular death, myocardial infarction or stroke at 3 years
    role: primary
    benefit: lower
    arms:
      ticagrelor-90: { kind: events, events: 493, total: 7050 }
      ticagrelor-60: { kind: events, events: 487, total: 7045 }
      placebo: { kind: events, events: 578, total: 7067 }
    effect:
      measure: HR
      estimate: 0.85
      ci: { lower: 0.75, upper: 0.96 }
      comparison: { arm: ticagrelor-90, vs: placebo }
    otherEffects:
      - measure: HR
        estimate: 0.84
        ci: { lower: 0.74, upper: 0.95 }
        comparison: { arm: ticagrelor-60, vs: placebo }
`;

let work: string;
beforeAll(() => {
  assertCliBuilt();
  work = mkdtempSync(join(tmpdir(), 'td-cmp-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Json {
  evidence: { warnings: unknown[]; outcomes: { comparisons: { label: string; arm: { id: string }; vs: { id: string }; verdict: { text: string } | null; binary: unknown }[] }[] };
}

describe('check --json with three arms', () => {
  it('carries each dose-vs-placebo comparison with its verdict, and no "first two arms" warning', () => {
    const file = join(work, 'pegasus.yaml');
    writeFileSync(file, PEGASUS);
    const r = runCliSync(['check', file, '--json'], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/first two arms/);
    const json = JSON.parse(r.stdout) as Json;
    const comparisons = json.evidence.outcomes[0]?.comparisons ?? [];
    expect(comparisons.map((c) => [c.label, c.arm.id, c.vs.id, c.verdict?.text, c.binary !== null])).toEqual([
      ['Ticagrelor 90 mg vs Placebo', 'ticagrelor-90', 'placebo', 'Superior: upper 95% CI bound 0.96 < 1', true],
      ['Ticagrelor 60 mg vs Placebo', 'ticagrelor-60', 'placebo', 'Superior: upper 95% CI bound 0.95 < 1', true],
    ]);
    expect(json.evidence.warnings).toEqual([]);
  });

  it('a misspelt arm in a comparison fails with the path, the line and the arm ids', () => {
    const file = join(work, 'typo.yaml');
    const text = PEGASUS.replace('comparison: { arm: ticagrelor-60, vs: placebo }', 'comparison: { arm: ticagrelor-60, vs: placbo }');
    writeFileSync(file, text);
    const r = runCliSync(['check', file], { cwd: work });
    expect(r.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('placbo')) + 1;
    expect(r.stderr).toMatch(new RegExp(`typo\\.yaml:${line}:\\d+: results\\[0\\]\\.otherEffects\\[0\\]\\.comparison\\.vs: expected an arm id \\(ticagrelor-90, ticagrelor-60, placebo\\), got "placbo"`));
  });
});
