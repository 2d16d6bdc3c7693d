import { describe, expect, it } from 'vitest';
import { SPIN_CATEGORIES, isSpinCategory } from '../../src/evidence/claim-patterns.js';
import { MAX_FLAGS } from '../../src/evidence/claims.js';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { clauses, sentences } from '../../src/evidence/prose.js';
import { loadTrial } from '../../src/trial/load.js';
import { trialSchema } from '../../src/trial/schema.js';
import { LEVOECMO_INPUT } from './fixtures/levoecmo-trial.js';

const { trial } = await loadTrial('data/levoecmo.yaml');
const { claims } = deriveEvidence(trial);
const at = (path: string) => claims.filter((c) => c.path === path);

describe('words vs numbers on LEVOECMO', () => {
  it('flags every "increased/higher/more often" ventricular-arrhythmia statement against RR 2.06 (0.97–4.37)', () => {
    const arrhythmia = claims.filter((c) => c.category === 'direction-without-evidence' && /Ventricular arrhythmia/.test(c.outcome ?? ''));
    expect(arrhythmia.map((c) => c.path).sort()).toEqual(
      ['interpretation[0].bullets[1]', 'limitations[3]', 'overallSummary[2]', 'resultsSummary[2]', 'summary[3]'].sort(),
    );
    const s = at('summary[3]')[0]!;
    expect(s.claim).toBe('increased');
    expect(s.ciText).toBe('RR 2.06 (95% CI 0.97 to 4.37); RD +9.2 points (95% CI −0.4 to +18.0; reported)');
    // Verbatim: the whole sentence, exactly as in the source.
    expect(s.sentence).toBe(trial.summary[3]!.text);
    expect(s.message).toBe('"increased" claims a difference, but the CI includes no effect: RR 2.06 (95% CI 0.97 to 4.37); RD +9.2 points (95% CI −0.4 to +18.0; reported).');
  });

  it('flags "Primary outcome was identical" and "successful weaning was identical": no equivalence margin', () => {
    const same = claims.filter((c) => c.category === 'equivalence-without-margin' && c.claim === 'identical');
    expect(same.map((c) => c.path)).toEqual(['resultsSummary[0]', 'interpretation[0].bullets[0]']);
    expect(same[0]!.sentence).toBe('Primary outcome was identical between groups: 68.3% achieved successful weaning by day 30 (sHR 1.02; 95% CI 0.74 to 1.39; P=0.92).');
    expect(same[0]!.outcomeIndex).toBe(0);
    expect(same[0]!.ciText).toContain('RD 0.0 points (95% CI −12.8 to +12.7; reported)');
  });

  it('flags "first adequately sized" against the detectable sHR 1.61', () => {
    const p = claims.find((c) => c.category === 'power-overstated')!;
    expect(p.path).toBe('takeaway');
    expect(p.claim).toBe('adequately sized');
    expect(p.message).toContain('80% power only for an sHR ≥ 1.61');
    expect(p.message).toContain('Powered for sHR 1.75 (50% → 70%)');
  });

  it('flags the significant secondary (cardiac transplant) presented without a multiplicity caveat', () => {
    const m = claims.filter((c) => c.category === 'secondary-without-multiplicity');
    expect(m).toHaveLength(1);
    expect(m[0]!.outcome).toBe('Cardiac transplant by day 30');
    expect(m[0]!.path).toBe('internalValidity.items[9].text');
  });

  it('leaves alone null statements ("did not improve"), significant safety results and prose that names no outcome', () => {
    expect(at('summary[0]')).toEqual([]); // "did not improve"
    expect(at('overallSummary[0]')).toEqual([]); // "did not shorten"
    expect(claims.some((c) => /cessation/.test(c.outcome ?? ''))).toBe(false); // RR 3.09 (1.07–8.93): the words are carried
    expect(at('internalValidity.items[8].text')).toEqual([]); // "stepwise reduction of VA-ECMO flow"
    for (const c of claims) expect(isSpinCategory(c.category) && SPIN_CATEGORIES[c.category] === c.categoryLabel).toBe(true);
  });
});

describe('words vs numbers: rules', () => {
  const base = () => trialSchema.parse(structuredClone(LEVOECMO_INPUT));

  it('a multiplicity caveat in the sentence excuses a significant secondary', () => {
    const t = base();
    const i = t.results.findIndex((o) => o.role === 'safety' && /cessation/i.test(o.name));
    t.results[i]!.role = 'secondary';
    t.summary = [{ text: 'Treatment cessation was more frequent with levosimendan.' }, { text: 'Treatment cessation was more frequent with levosimendan (exploratory, not adjusted for multiplicity).' }];
    const flags = deriveEvidence(t).claims.filter((c) => c.category === 'secondary-without-multiplicity');
    expect(flags.map((c) => c.path)).toEqual(['summary[0]']);
  });

  it('an equivalence margin on the outcome lifts the equivalence flag', () => {
    const t = base();
    t.summary = [{ text: 'Successful weaning was similar between groups.' }];
    expect(deriveEvidence(t).claims.map((c) => c.category)).toEqual(['equivalence-without-margin']);
    (t.results[0] as unknown as { margin: unknown }).margin = { value: 0.8 };
    expect(deriveEvidence(t).claims).toEqual([]);
  });

  it('hedged wording ("a signal", "may") is not a claim of a difference', () => {
    const t = base();
    t.summary = [{ text: 'Ventricular arrhythmia may be more common with levosimendan.' }];
    expect(deriveEvidence(t).claims).toEqual([]);
  });
});

describe('prose splitting keeps the source verbatim', () => {
  it('sentences: not after "vs." or inside brackets', () => {
    const s = sentences({ path: 'p', text: 'Rates were 5 vs. 6 (see Fig. 2. Also P=0.1). Mortality rose. It fell.' });
    expect(s.map((x) => x.sentence)).toEqual(['Rates were 5 vs. 6 (see Fig. 2. Also P=0.1).', 'Mortality rose.', 'It fell.']);
  });
  it('clauses split at ; : , and/but outside brackets', () => {
    expect(clauses('A rose (x; y and z), and B fell: C; D but E')).toEqual(['A rose (x; y and z)', 'B fell', 'C', 'D', 'E']);
  });
});

describe('words vs numbers on hostile prose', () => {
  it('stays bounded: 200 000 characters of claims and full stops take well under two seconds, at most MAX_FLAGS flags', () => {
    const t = trialSchema.parse(structuredClone(LEVOECMO_INPUT));
    t.takeaway = 'Ventricular arrhythmia increased, higher; more. '.repeat(4000) + 'x'.repeat(10000);
    t.summary = [{ text: `${'identical, '.repeat(20000)}weaning` }];
    const start = performance.now();
    const flags = deriveEvidence(t).claims;
    expect(performance.now() - start).toBeLessThan(2000);
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.length).toBeLessThanOrEqual(MAX_FLAGS);
    for (const f of flags) expect(t.takeaway.includes(f.sentence) || t.summary[0]!.text.includes(f.sentence)).toBe(true);
  });
});

describe('words vs numbers on other real trials (no false alarms)', () => {
  const flagsOf = async (name: string) => {
    const { trial: t } = await loadTrial(`test/fixtures/summaries/${name}.txt`);
    return deriveEvidence(t).claims;
  };
  it('DAPA-HF: "reduced the primary composite … with lower rates of each component" is carried by its numbers', async () => {
    expect(await flagsOf('DAPA-HF')).toEqual([]);
  });
  it('RECOVERY: subgroup talk ("the benefit was largest in…", "differed by") is not set against one outcome; the significant secondary is flagged', async () => {
    const flags = await flagsOf('RECOVERY');
    expect(flags.map((f) => [f.path, f.category, f.outcome])).toEqual([['resultsSummary[2]', 'secondary-without-multiplicity', 'Discharged alive within 28 days']]);
  });
  it('NICE-SUGAR and STEP-1: nothing to flag', async () => {
    expect(await flagsOf('NICE-SUGAR')).toEqual([]);
    expect(await flagsOf('STEP-1')).toEqual([]);
  });
});
