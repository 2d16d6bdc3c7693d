import { describe, expect, it } from 'vitest';
import { deriveContext, fromCounts, fromInterval } from '../../src/evidence/context.js';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { loadTrial } from '../../src/trial/load.js';
import { trialSchema, type TrialInput } from '../../src/trial/schema.js';
import { LEVOECMO_INPUT } from './fixtures/levoecmo-trial.js';

const withContext = (trials: unknown[]) =>
  trialSchema.parse({ ...LEVOECMO_INPUT, context: { trials } } as TrialInput);

const PAULO = {
  name: 'Paulo et al.', year: 2025, n: 94, outcome: 'Successful VA-ECMO weaning within 30 days',
  measure: 'sHR', estimate: 1.45, ci: { lower: 0.77, upper: 2.7 }, ref: 5,
};

describe('effect sizes for pooling', () => {
  it('SE from a CI uses the CI\'s own level', () => {
    const a = fromInterval('HR', 0.75, 0.65, 0.86, 0.95);
    expect(a.yi).toBeCloseTo(Math.log(0.75), 12);
    expect(Math.sqrt(a.vi)).toBeCloseTo((Math.log(0.86) - Math.log(0.65)) / (2 * 1.959963985), 9);
    // The same limits read as a 90% CI imply a larger SE (z 1.645 instead of 1.96).
    const b = fromInterval('HR', 0.75, 0.65, 0.86, 0.9);
    expect(Math.sqrt(b.vi)).toBeCloseTo((Math.log(0.86) - Math.log(0.65)) / (2 * 1.644853627), 9);
  });

  it('no estimate: the midpoint of the log CI, marked', () => {
    const a = fromInterval('OR', undefined, 0.5, 2, 0.95);
    expect(a.yi).toBeCloseTo(0, 12);
    expect(a.from).toBe('midpoint');
  });

  it('counts: Woolf OR and Katz RR (LEVOECMO day-30 deaths 26/101 vs 23/104)', () => {
    const or = fromCounts('OR', { events: 26, total: 101 }, { events: 23, total: 104 });
    expect(or.estimate).toBeCloseTo((26 * 81) / (75 * 23), 10);
    expect(or.vi).toBeCloseTo(1 / 26 + 1 / 75 + 1 / 23 + 1 / 81, 12);
    const rr = fromCounts('RR', { events: 26, total: 101 }, { events: 23, total: 104 });
    expect(rr.estimate).toBeCloseTo(26 / 101 / (23 / 104), 10);
  });
});

describe('deriveContext', () => {
  it('is null without context trials', () => {
    expect(deriveContext(trialSchema.parse(LEVOECMO_INPUT))).toBeNull();
    expect(deriveEvidence(trialSchema.parse(LEVOECMO_INPUT)).context).toBeUndefined();
  });

  it('pools the same measure of the same outcome, this trial included, ordered by year', () => {
    const ctx = deriveContext(withContext([PAULO]))!;
    expect(ctx.analyses).toHaveLength(1);
    const a = ctx.analyses[0]!;
    expect(a.measure).toBe('sHR');
    expect(a.studies.map((s) => [s.name, s.kind])).toEqual([['Paulo et al.', 'context'], ['LEVOECMO', 'this-trial']]);
    expect(a.without?.k).toBe(1);
    expect(a.without?.ratio).toBeCloseTo(1.45, 10);
    // Written out: inverse-variance weights (τ² is 0 here: Q 0.96 < df 1).
    const s1 = (Math.log(2.7) - Math.log(0.77)) / 3.919927969;
    const s2 = (Math.log(1.39) - Math.log(0.74)) / 3.919927969;
    const [w1, w2] = [1 / s1 ** 2, 1 / s2 ** 2];
    const mu = (w1 * Math.log(1.45) + w2 * Math.log(1.02)) / (w1 + w2);
    expect(a.with.tau2).toBe(0);
    expect(a.with.ratio).toBeCloseTo(Math.exp(mu), 10);
    expect(a.with.ratioLower).toBeCloseTo(Math.exp(mu - 1.959963985 / Math.sqrt(w1 + w2)), 8);
    expect(a.with.prediction).toBeNull();
    expect(ctx.headline).toBe(0);
  });

  it('leaves out another measure of the same outcome, and says why', () => {
    const ctx = deriveContext(withContext([PAULO, { ...PAULO, name: 'Massol et al.', year: 2023, measure: 'HR', estimate: 0.91, ci: { lower: 0.57, upper: 1.45 } }]))!;
    expect(ctx.analyses[0]!.studies.map((s) => s.name)).toEqual(['Paulo et al.', 'LEVOECMO']);
    expect(ctx.excluded).toEqual([
      expect.objectContaining({ name: 'Massol et al.', reason: 'other-measure', text: 'reports an HR; LEVOECMO reports an sHR for this outcome (its counts give an RR or an OR)' }),
    ]);
  });

  it('an OR and an RR of one outcome become two analyses, each with this trial\'s counts', () => {
    const base = { year: 2023, outcome: 'All-cause mortality at day 30', ci: { lower: 0.52, upper: 2.03 } };
    const ctx = deriveContext(withContext([{ ...base, name: 'A', measure: 'OR', estimate: 1.03 }, { ...base, name: 'B', measure: 'RR', estimate: 1.02 }]))!;
    expect(ctx.analyses.map((a) => a.measure)).toEqual(['OR', 'RR']);
    const or = ctx.analyses[0]!.studies.find((s) => s.kind === 'this-trial')!;
    expect(or.from).toBe('counts');
    expect(or.estimate).toBeCloseTo((26 * 81) / (75 * 23), 10);
    // The RR analysis takes LEVOECMO's reported RR 1.16 (0.71–1.90), not a recomputed one.
    const rr = ctx.analyses[1]!.studies.find((s) => s.kind === 'this-trial')!;
    expect(rr.from).toBe('estimate');
    expect(rr.estimate).toBeCloseTo(1.16, 10);
  });

  it('excludes: presenter\'s reason, unknown outcome, no events', () => {
    const ctx = deriveContext(withContext([
      { ...PAULO, exclude: 'a pooled estimate, not one study' },
      { ...PAULO, outcome: 'Ventricular arrhythmia' },
      { name: 'Z', year: 2020, outcome: 'All-cause mortality at day 30', measure: 'RR', counts: { experimental: { events: 0, total: 20 }, control: { events: 0, total: 20 } } },
    ]))!;
    expect(ctx.analyses).toEqual([]);
    expect(ctx.headline).toBeNull();
    expect(ctx.excluded.map((e) => [e.reason, e.text])).toEqual([
      ['presenter', 'a pooled estimate, not one study'],
      ['no-outcome', 'LEVOECMO reports no outcome named "Ventricular arrhythmia"'],
      ['no-events', 'no events in either arm: it carries no information on a ratio'],
    ]);
  });

  it('headline: the primary outcome\'s analysis even when another has more trials', () => {
    const mort = { year: 2020, outcome: 'All-cause mortality at day 30', measure: 'RR', ci: { lower: 0.5, upper: 2 } };
    const ctx = deriveContext(withContext([{ ...mort, name: 'A', estimate: 1 }, { ...mort, name: 'B', estimate: 1.1 }, PAULO]))!;
    expect(ctx.analyses[ctx.headline!]!.measure).toBe('sHR');
  });

  it('DL and HKSJ are options', () => {
    const trial = withContext([PAULO]);
    expect(deriveContext(trial, { method: 'DL', ci: 'hksj' })).toMatchObject({ method: 'DL', ciMethod: 'hksj' });
    expect(deriveEvidence(trial, { meta: { ci: 'hksj' } }).context?.ciMethod).toBe('hksj');
  });
});

describe('schema: context.trials', () => {
  it('refuses counts for a hazard ratio, a CI without estimate order, and a missing name', () => {
    const bad = (t: unknown) => trialSchema.safeParse({ ...LEVOECMO_INPUT, context: { trials: [t] } });
    const paths = (t: unknown) => bad(t).error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths({ ...PAULO, measure: 'HR', ci: undefined, estimate: undefined, counts: { experimental: { events: 1, total: 5 }, control: { events: 2, total: 5 } } })).toContain('context.trials.0.counts');
    expect(paths({ ...PAULO, ci: { lower: 2, upper: 1 } })).toContain('context.trials.0.ci');
    expect(paths({ ...PAULO, name: undefined })).toContain('context.trials.0.name');
    expect(paths({ ...PAULO, measure: 'RD' })).toContain('context.trials.0.measure');
  });
});

describe('the examples', () => {
  it('DAPA-HF with EMPEROR-Reduced: CV death or HF hospitalisation HR 0.75 (0.68 to 0.83), EMPEROR-Preserved and SOLOIST-WHF listed but not pooled', async () => {
    const { trial } = await loadTrial('data/dapa-hf.yaml');
    const ctx = deriveEvidence(trial).context!;
    const a = ctx.analyses[ctx.headline!]!;
    expect(a.outcome).toBe('Cardiovascular death or hospitalisation for heart failure');
    expect(a.studies.map((s) => s.name)).toEqual(['DAPA-HF', 'EMPEROR-Reduced']);
    expect(a.with.ratio.toFixed(2)).toBe('0.75');
    expect(a.with.ratioLower.toFixed(2)).toBe('0.68');
    expect(a.with.ratioUpper.toFixed(2)).toBe('0.83');
    expect(ctx.excluded.map((e) => [e.name, e.reason])).toEqual([['EMPEROR-Preserved', 'presenter'], ['SOLOIST-WHF', 'presenter']]);
  });

  it('LEVOECMO: primary sHR pooled with Paulo 2025; Massol 2023 HR left out; Liu 2024 and WEANILEVO (no results) left out by the presenter', async () => {
    const { trial } = await loadTrial('data/levoecmo.yaml');
    const ctx = deriveEvidence(trial).context!;
    const a = ctx.analyses[ctx.headline!]!;
    expect(a.measure).toBe('sHR');
    expect(a.studies.map((s) => s.name)).toEqual(['Paulo et al.', 'LEVOECMO']);
    expect(ctx.excluded.map((e) => [e.name, e.reason])).toEqual([['Massol et al.', 'other-measure'], ['Liu et al.', 'presenter'], ['WEANILEVO', 'presenter']]);
    // Every cited reference exists in the bibliography.
    const refs = new Set(trial.bibliography.map((b) => b.n));
    for (const t of trial.context.trials) expect(refs.has(t.ref!)).toBe(true);
  });
});

describe('validation', () => {
  it('warns when a context trial cites a reference the bibliography lacks', async () => {
    const { validateTrial } = await import('../../src/trial/validate.js');
    const { warnings } = validateTrial({ ...LEVOECMO_INPUT, context: { trials: [{ ...PAULO, ref: 9 }] } }, { file: 't.yaml' });
    expect(warnings).toEqual([expect.objectContaining({ path: 'context.trials[0].ref', message: 'cites reference 9, which is not in the bibliography' })]);
  });
});
