// The seed summary: the numbers a journal club will quote must come through exactly.
import { describe, expect, it } from 'vitest';
import { importSummary } from '../../src/import/index.js';
import { trialSchema, type Trial } from '../../src/trial/schema.js';
import { readSummary } from './examples.js';

const { trial: input, warnings } = importSummary(readSummary('LEVOECMO.txt'), 'LEVOECMO.txt');
const trial: Trial = trialSchema.parse(input);
const text = (b: Trial['summary'][number] | undefined): string => b?.text ?? '';

describe('LEVOECMO', () => {
  it('warns only that three Controversies bullets cite other evidence it cannot pool', () => {
    expect(warnings.map((w) => [w.code, w.path])).toEqual([3, 4, 5].map((i) => ['SUMMARY_CONTEXT_NOT_READ', `controversies[${i}]`]));
  });

  it('reads the publication', () => {
    expect(trial.id).toBe('levoecmo');
    expect(trial.publication).toMatchObject({ acronym: 'LEVOECMO', year: 2026, journal: 'JAMA' });
    expect(trial.publication.title).toMatch(/^Levosimendan to Facilitate Weaning .* Randomized Clinical Trial$/);
    expect(trial.publication.citation).toMatch(/^Combes A, .*JAMA\. 2026;335\(1\):60-69\.$/);
  });

  it('reads the arms from the table header and their sizes from the primary outcome', () => {
    expect(trial.arms).toEqual([
      { id: 'levosimendan', label: 'Levosimendan', randomised: 101, analysed: 101 },
      { id: 'placebo', label: 'Placebo', randomised: 104, analysed: 104 },
    ]);
    expect(trial.enrolment).toEqual({ enrolled: 205, stoppedEarly: false });
    expect(trial.resultsIntro).toMatch(/^This trial was not stopped early\. .*\(November 10, 2024\)\.$/);
  });

  it('reads the primary outcome exactly', () => {
    const primary = trial.results[0];
    expect(primary?.role).toBe('primary');
    expect(primary?.benefit).toBe('higher');
    expect(primary?.arms).toEqual({
      levosimendan: { kind: 'events', events: 69, total: 101, percent: 68.3, text: '69/101 (68.3%)' },
      placebo: { kind: 'events', events: 71, total: 104, percent: 68.3, text: '71/104 (68.3%)' },
    });
    expect(primary?.effect).toEqual({
      reported: true,
      measure: 'sHR',
      estimate: 1.02,
      ci: { lower: 0.74, upper: 1.39, level: 0.95 },
      p: { op: '=', value: 0.92, text: 'P=0.92' },
      text: 'sHR 1.02',
      ciText: '95% CI 0.74 to 1.39; P=0.92',
    });
    expect(primary?.otherEffects).toEqual([
      expect.objectContaining({ measure: 'RD', estimate: 0, unit: '%', ci: { lower: -12.8, upper: 12.7, level: 0.95 } }),
    ]);
  });

  it('reads all 15 rows with every number', () => {
    expect(trial.results).toHaveLength(15);
    const kinds = trial.results.flatMap((r) => Object.values(r.arms).map((q) => q.kind));
    expect(kinds).not.toContain('text');
    for (const r of trial.results) {
      expect(r.effect?.estimate, r.name).toBeTypeOf('number');
      expect(r.effect?.ci, r.name).toBeDefined();
      expect(r.benefit, r.name).toBeDefined();
    }
    expect(trial.results.map((r) => [r.role, r.effect?.measure])).toEqual([
      ['primary', 'sHR'], ['competing', 'sHR'], ['competing', 'sHR'], ['secondary', 'RR'], ['secondary', 'RR'],
      ['secondary', 'MedD'], ['secondary', 'MedD'], ['secondary', 'MD'], ['secondary', 'MD'], ['secondary', 'MedD'],
      ['secondary', 'RR'], ['secondary', 'RR'], ['secondary', 'RD'], ['safety', 'RR'], ['safety', 'RR'],
    ]);
    expect(trial.results[5]?.arms.levosimendan).toEqual({ kind: 'median', median: 5, iqr: [4, 7], text: 'Median 5 (IQR 4–7)' });
    expect(trial.results[5]?.effect).toMatchObject({ estimate: -1, unit: 'day', ci: { lower: -2, upper: 1 }, p: { value: 0.53 } });
    expect(trial.results[8]?.effect).toMatchObject({ measure: 'MD', estimate: -7, unit: 'days', ci: { lower: -12, upper: -2 } });
    expect(trial.results[12]?.effect).toMatchObject({ measure: 'RD', estimate: -4.8, unit: '%', ci: { lower: -9.6, upper: -1 } });
    expect(trial.results[12]?.arms.levosimendan).toMatchObject({ events: 0, total: 101, percent: 0 });
    expect(trial.results.filter((r) => r.otherEffects.length > 0).map((r) => r.otherEffects[0]?.estimate)).toEqual([0, 3.6, 2.7, -7.8, 9.2, 8]);
  });

  it('reads the design, including the numbers in the statistics prose', () => {
    const d = trial.design;
    expect(d.intervention.name).toBe('Levosimendan');
    expect(d.comparator.name).toBe('Placebo');
    expect(d.intervention.details).toHaveLength(3);
    expect(d.comparator.details).toHaveLength(3);
    expect(d.population.exclusions).toHaveLength(11);
    expect(d.population.exclusions[0]).toEqual({ text: 'VA-ECMO >48 hours' });
    expect(d.population.exclusions[10]).toEqual({ text: 'additional exclusions detailed in the published eAppendix' });
    expect(d.population.consent).toMatch(/^surrogate consent/);
    expect(d.statistics).toMatchObject({
      plannedSampleSize: 206,
      targetEffect: { measure: 'sHR', value: 1.75 },
      power: 0.8,
      alpha: 0.05,
    });
    expect(d.statistics.analysis).toMatch(/^primary analysis by intention-to-treat using a Fine–Gray/);
    expect(d.randomisation).toMatch(/^Centralised 24-hour internet randomisation/);
    expect(d.followUp).toMatch(/^60 days after randomisation/);
  });

  it('moves glued citation digits into refs and leaves none behind', () => {
    expect(trial.context.background[3]).toEqual({
      text: expect.stringMatching(/centre-level practice differences\.$/),
      refs: [4, 5],
    });
    expect(trial.context.background[4]).toEqual({ text: expect.stringMatching(/durable support\)\.$/), refs: [2, 3] });
    expect(trial.controversies.map((c) => c.refs)).toEqual([[1], [1], [1], [4, 5], [2, 3], [1]]);
    const bullets = [...trial.context.background, ...trial.controversies, ...trial.summary, ...trial.resultsSummary];
    for (const b of bullets) expect(b.text).not.toMatch(/[^\d\s][.)]\d+$/);
  });

  it('reads every other section', () => {
    expect(trial.context.question).toMatch(/^Does early levosimendan infusion/);
    expect(trial.context.hypothesis).toMatch(/^levosimendan increases the cumulative incidence/);
    expect(trial.context.whyItMatters).toHaveLength(2);
    expect(trial.resultsSummary).toHaveLength(3);
    expect(trial.internalValidity.items.map((i) => i.aspect)).toEqual([
      'Randomisation and allocation', 'Blinding and outcome ascertainment', 'Losses, exclusions, and missingness',
      'Protocol adherence and treatment separation', 'Baseline comparability', 'Heterogeneity', 'Timing', 'Dose',
      'Key delivery aspects (weaning protocol)', 'Crossover and co-interventions', 'Statistical rigour',
    ]);
    expect(trial.internalValidity.conclusion).toMatch(/^Overall, internal validity appears strong/);
    expect(trial.externalValidity.items).toHaveLength(4);
    expect(trial.externalValidity.conclusion).toMatch(/^Generalisability is moderate/);
    expect(trial.strengths.map(text)).toEqual([
      'Multicentre randomised double-blind placebo-controlled design',
      'clinically meaningful endpoint incorporating durability of separation',
      'appropriate competing-risk methods',
      'protocolised weaning evaluation',
      'high follow-up completeness with small loss to follow-up',
    ]);
    expect(trial.limitations).toHaveLength(5);
    expect(trial.interpretation.map((g) => [g.heading, g.bullets.length])).toEqual([
      ['Clinical practice', 2],
      ['Mechanism vs outcome', 1],
      ['Research direction', 1],
    ]);
    expect(trial.summary).toHaveLength(5);
    expect(trial.takeaway).toMatch(/^LEVOECMO is a landmark .* in similar patients\.$/);
    expect(trial.overallSummary).toHaveLength(3);
    expect(trial.bibliography.map((b) => b.n)).toEqual([1, 2, 3, 4, 5]);
    expect(trial.bibliography[0]?.text).toBe('Drazner MH. Levosimendan and weaning from VA-ECMO. JAMA. 2026;335(1):70-71.');
  });
});
