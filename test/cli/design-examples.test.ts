// The example trials of each design (issue 13), as a user runs them: each
// validates with `trialdeck check --json`, which carries every comparison,
// and each deck builds to Markdown and HTML. What each design must say is
// asserted on the model the CLI prints, so a lost field fails here.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Effect, Trial } from '../../src/trial/schema.js';
import { assertCliBuilt, ROOT, runCliSync } from '../helpers/cli.js';

const DESIGN_EXAMPLES = ['rocket-af', 'pegasus-timi-54', 'isis-2', 'smart', 'gilron-2005', 'surmount-1'] as const;
type Id = (typeof DESIGN_EXAMPLES)[number];

let work: string;
/** The part of `check --json`'s evidence these tests read: one entry per compared pair of each outcome. */
interface EvidenceJson {
  outcomes: { name: string; comparisons: { label: string; margin: { boundary: number } | null }[] }[];
}
const checked = new Map<Id, { code: number | null; stderr: string; trial: Trial; evidence: EvidenceJson }>();

beforeAll(() => {
  assertCliBuilt();
  work = mkdtempSync(join(tmpdir(), 'td-designs-'));
  for (const id of DESIGN_EXAMPLES) {
    const r = runCliSync(['check', join(ROOT, `data/${id}.yaml`), '--json'], { cwd: work, timeout: 60_000 });
    const { trial, evidence } = JSON.parse(r.stdout) as { trial: Trial; evidence: EvidenceJson };
    checked.set(id, { code: r.code, stderr: r.stderr, trial, evidence });
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function get(id: Id): Trial {
  const c = checked.get(id);
  if (!c) throw new Error(`${id} was not checked`);
  return c.trial;
}

function pairs(id: Id, outcome: number): string[] {
  return checked.get(id)?.evidence.outcomes[outcome]?.comparisons.map((c) => c.label) ?? [];
}

const effects = (t: Trial): Effect[] => t.results.flatMap((o) => [...(o.effect ? [o.effect] : []), ...o.otherEffects]);
const numeric = (t: Trial): Effect[] => effects(t).filter((e) => e.reported && e.estimate !== undefined);

describe.each(DESIGN_EXAMPLES)('data/%s.yaml', (id) => {
  it('validates, names its control arm, and every numeric effect names a comparison of two real arms', () => {
    const c = checked.get(id);
    expect(c?.code).toBe(0);
    expect(c?.stderr).not.toMatch(/^error/m);
    const t = get(id);
    const ids = t.arms.map((a) => a.id);
    expect(ids).toContain(t.design.controlArm);
    for (const e of numeric(t)) {
      expect(e.comparison, `${id}: ${e.text ?? ''}`).toBeDefined();
      // ISIS-2's factor comparisons name two levels of the factor, each mapped to the cells that pool into it.
      const factor = t.design.factorial?.factors.find((f) => f.name === e.comparison?.factor);
      const known = factor ? [...ids, ...Object.keys(factor.arms ?? {})] : ids;
      expect(known).toContain(e.comparison?.arm);
      expect(known).toContain(e.comparison?.vs);
    }
  });

  it('builds a Markdown and HTML deck that names the trial', () => {
    const r = runCliSync(['build', join(ROOT, `data/${id}.yaml`), '-f', 'md,html', '-o', 'out'], { cwd: work, timeout: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(work, 'out', id, 'deck.md'), 'utf8');
    expect(md).toContain(get(id).publication.acronym ?? get(id).publication.title);
    expect(readFileSync(join(work, 'out', id, 'deck.html'), 'utf8')).toMatch(/<section/);
  }, 120_000);
});

describe('what each design carries', () => {
  it('ROCKET AF: non-inferiority margin 1.46 on the per-protocol primary and the ITT result, told apart', () => {
    const t = get('rocket-af');
    expect(t.design.hypothesis).toBe('non-inferiority');
    const [pp, itt] = t.results;
    expect(pp?.margin).toMatchObject({ value: 1.46, measure: 'HR' });
    expect(pp?.effect).toMatchObject({ estimate: 0.79, ci: { lower: 0.66, upper: 0.96 }, population: 'per-protocol', p: { op: '<', value: 0.001 } });
    expect(itt?.margin?.value).toBe(1.46);
    expect(itt?.effect).toMatchObject({ estimate: 0.88, ci: { lower: 0.74, upper: 1.03 }, population: 'ITT', p: { value: 0.12 } });
    // Secondary and safety outcomes are read for superiority, not against the margin.
    expect(t.results.slice(2).every((o) => o.hypothesis === 'superiority' && o.margin === undefined)).toBe(true);
    expect(t.results[0]?.arms.rivaroxaban).toEqual({ kind: 'count', count: 188, text: '188 (1.7 per 100 patient-years)' });
  });

  it('PEGASUS-TIMI 54: each ticagrelor dose is compared with placebo, never with the other dose', () => {
    const t = get('pegasus-timi-54');
    expect(t.arms.map((a) => a.id)).toEqual(['ticagrelor-90-mg', 'ticagrelor-60-mg', 'placebo']);
    const primary = t.results[0];
    expect([primary?.effect, ...(primary?.otherEffects ?? [])].map((e) => [e?.comparison?.arm, e?.comparison?.vs, e?.estimate])).toEqual([
      ['ticagrelor-90-mg', 'placebo', 0.85],
      ['ticagrelor-60-mg', 'placebo', 0.84],
    ]);
    expect(numeric(t).some((e) => e.comparison?.vs !== 'placebo')).toBe(false);
  });

  it('ISIS-2: a 2×2 factorial with four cells, the both-vs-neither odds ratio and each factor', () => {
    const t = get('isis-2');
    expect(t.design.type).toBe('factorial');
    expect(t.design.factorial?.factors.map((f) => f.name)).toEqual(['streptokinase', 'aspirin']);
    expect(t.arms.map((a) => [a.id, a.randomised])).toEqual([
      ['streptokinase-and-aspirin', 4292],
      ['streptokinase-only', 4300],
      ['aspirin-only', 4295],
      ['neither', 4300],
    ]);
    expect(t.results[0]?.effect).toMatchObject({ measure: 'OR', estimate: 0.58, comparison: { arm: 'streptokinase-and-aspirin', vs: 'neither' } });
    expect(t.results[0]?.otherEffects.map((e) => [e.label, e.estimate])).toEqual([
      ['Streptokinase vs placebo infusion (factorial comparison)', 0.75],
      ['Aspirin vs placebo tablets (factorial comparison)', 0.77],
    ]);
  });

  it('SMART: cluster-randomised, five ICUs, marginal and conditional odds ratios', () => {
    const t = get('smart');
    expect(t.design.type).toBe('cluster');
    expect(t.design.cluster).toMatchObject({ clusters: 5, unit: 'ICUs' });
    expect(t.results[0]?.effect).toMatchObject({ measure: 'OR', label: 'Marginal OR', estimate: 0.91, ci: { lower: 0.84, upper: 0.99 } });
    expect(t.results[0]?.otherEffects[0]).toMatchObject({ label: 'Conditional OR', estimate: 0.9 });
  });

  it('Gilron 2005: a four-period crossover with its washout, and a pain scale with a clinically important difference', () => {
    const t = get('gilron-2005');
    expect(t.design.type).toBe('crossover');
    expect(t.design.crossover).toMatchObject({ periods: 4, washout: expect.stringMatching(/^3 days/) });
    expect(t.results[0]).toMatchObject({ benefit: 'lower', unit: 'points', mcid: { value: 2 } });
    expect(t.results[0]?.mcid?.source).toMatch(/Farrar/);
  });

  it('SURMOUNT-1: a continuous primary outcome with unit, direction, benchmark and one difference per dose', () => {
    const t = get('surmount-1');
    const primary = t.results[0];
    expect(primary).toMatchObject({ benefit: 'lower', unit: '%', mcid: { value: 5 } });
    expect([primary?.effect, ...(primary?.otherEffects ?? [])].map((e) => [e?.measure, e?.estimate, e?.comparison?.arm])).toEqual([
      ['MD', -17.8, 'tirzepatide-15-mg'],
      ['MD', -16.4, 'tirzepatide-10-mg'],
      ['MD', -11.9, 'tirzepatide-5-mg'],
    ]);
  });

  it('check --json reads each outcome for the pairs the paper compared, never two active arms with each other', () => {
    expect(pairs('pegasus-timi-54', 0)).toEqual(['Ticagrelor 90 mg vs Placebo', 'Ticagrelor 60 mg vs Placebo']);
    expect(pairs('surmount-1', 0)).toEqual(['Tirzepatide 15 mg vs Placebo', 'Tirzepatide 10 mg vs Placebo', 'Tirzepatide 5 mg vs Placebo']);
    expect(pairs('isis-2', 0)).toEqual(['Streptokinase and aspirin vs Neither', 'streptokinase infusion vs placebo infusion', 'aspirin tablets vs placebo tablets']);
    expect(pairs('rocket-af', 0)).toEqual(['Rivaroxaban vs Warfarin']);
    const rocket = checked.get('rocket-af')?.evidence.outcomes;
    expect(rocket?.slice(0, 2).map((o) => o.comparisons[0]?.margin?.boundary)).toEqual([1.46, 1.46]);
    expect(rocket?.[2]?.comparisons[0]?.margin).toBeNull();
  });

  // The slides and charts do not read the comparisons yet (forest plot alt text and favours labels still name
  // the first two arms; no verdict on the primary slide): turn these into assertions on the decks when they do.
  it.todo('no slide or chart of a three- or four-arm deck compares two arms that the paper did not compare');
  it.todo('ROCKET AF primary slide states "non-inferior: upper 95% CI bound 0.96 < margin 1.46" and the forest plot draws the margin');
});
