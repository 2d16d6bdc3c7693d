// The importer reads what a design needs from the summary's own words:
// design type, hypothesis and margin from Design & Methods; comparisons from
// the arm columns and the effect text; analysis populations from effects and
// notes. Snippets are from the publications (ROCKET AF, PEGASUS-TIMI 54).
import { describe, expect, it } from 'vitest';
import { armMentions, readComparison, readPopulation } from '../../src/import/comparisons.js';
import { inferDesignKind, readFactors, readMargin } from '../../src/import/design-kind.js';
import { importSummary } from '../../src/import/index.js';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { trialSchema } from '../../src/trial/schema.js';

const lines = (...texts: string[]): { text: string; line: number }[] => texts.map((text, i) => ({ text, line: i + 10 }));

const summary = (design: string[], table: string[]): string =>
  [
    'Publication',
    '- Title: A trial',
    '- Acronym: TRIAL',
    '- Year: 2015',
    '- Journal published in: N Engl J Med',
    '- Citation: Someone. N Engl J Med 2015.',
    'Design & Methods',
    '- Intervention:',
    '- The drug.',
    '- Comparison:',
    '- The control.',
    ...design,
    'Key Results',
    ...table,
  ].join('\n');

const PEGASUS_TABLE = [
  '| Outcome | Ticagrelor 90 mg | Ticagrelor 60 mg | Placebo | Effect | p value / 95% CI | Notes |',
  '|---|---|---|---|---|---|---|',
  '| CV death, MI or stroke at 3 years (primary) | 493/7050 (7.85%) | 487/7045 (7.77%) | 578/7067 (9.04%) | HR 0.85, ticagrelor 90 mg vs placebo | 95% CI 0.75 to 0.96; P=0.008 | Ticagrelor 60 mg vs placebo: HR 0.84 (95% CI 0.74 to 0.95); P=0.004 |',
  '| TIMI major bleeding | 115/7050 (2.6%) | 127/7045 (2.3%) | 54/7067 (1.1%) | HR 2.69 | 95% CI 1.96 to 3.70 | |',
];

describe('design kind from the Design & Methods text', () => {
  it.each([
    ['- Study Type: Randomised, double-blind, 2 × 2 factorial trial', 'factorial'],
    ['- Study Type: Pragmatic cluster-randomised trial in 48 general practices', 'cluster'],
    ['- Study Type: 24 hospitals were randomised to the protocol or usual care', 'cluster'],
    ['- Study Type: Randomised, double-blind, two-period crossover trial', 'crossover'],
    ['- Study Type: Randomised, double-blind crossover study', 'crossover'],
  ])('%s → %s', (text, type) => {
    expect(inferDesignKind(lines(text)).type).toEqual({ value: type, line: 10 });
  });

  it.each([
    '- Statistics: Crossover to open-label drug was allowed after progression.',
    '- Study Type: Patients at 24 hospitals were randomised in a 1:1 ratio.',
    '- Setting: Dose equivalence between the formulations was assumed.',
  ])('reads nothing into "%s"', (text) => {
    const k = inferDesignKind(lines(text));
    expect([k.type, k.hypothesis]).toEqual([undefined, undefined]);
  });

  it('an equivalence trial', () => {
    expect(inferDesignKind(lines('- Study Type: Randomised equivalence trial; equivalence margin of ±5 points.')).hypothesis?.value).toBe('equivalence');
  });

  it('reads clusters, ICC, design effect, washout and periods', () => {
    const k = inferDesignKind(lines('- Study Type: Cluster-randomised trial; 48 general practices were randomised.', '- Statistics: ICC of 0.05 and a design effect of 2.2.'));
    expect(k.cluster).toMatchObject({ clusters: 48, unit: 'general practices', icc: 0.05, designEffect: 2.2 });
    const x = inferDesignKind(lines('- Study Type: Two-period crossover trial with a 2-week washout.'));
    expect(x.crossover).toEqual({ washout: '2-week', periods: 2 });
  });

  it.each([
    ['non-inferiority margin of 1.46', { value: 1.46 }],
    ['The non-inferiority margin was a hazard ratio of 1.46.', { value: 1.46, measure: 'HR' }],
    ['Non-inferiority required the upper bound of the 95% CI of the hazard ratio to be below 1.46.', { value: 1.46, measure: 'HR' }],
    ['non-inferiority was shown if the lower bound of the 95% CI was above −10 percentage points', { value: -10, measure: 'RD' }],
    ['an equivalence margin of ±5 points', { value: 5 }],
  ])('margin in "%s"', (text, expected) => {
    expect(readMargin(text, 3)).toMatchObject({ ...expected, line: 3 });
  });

  it('a margin implies non-inferiority; factors are read from a Factors line', () => {
    expect(inferDesignKind(lines('- Statistics: upper bound of the 95% CI below 1.46')).hypothesis).toEqual({ value: 'non-inferiority', line: 10 });
    expect(readFactors('- Factors: streptokinase vs placebo infusion; aspirin vs placebo tablets')).toEqual([
      { name: 'Streptokinase', levels: ['streptokinase', 'placebo infusion'] },
      { name: 'Aspirin', levels: ['aspirin', 'placebo tablets'] },
    ]);
  });
});

describe('comparisons and populations from the results table', () => {
  const arms = [
    { id: 'ticagrelor-90-mg', label: 'Ticagrelor 90 mg' },
    { id: 'ticagrelor-60-mg', label: 'Ticagrelor 60 mg' },
    { id: 'placebo', label: 'Placebo' },
  ];
  it('names an arm by what only it has ("60 mg"), never by the shared drug name', () => {
    expect(armMentions('HR for 60 mg vs placebo', arms).map((m) => m.id)).toEqual(['ticagrelor-60-mg', 'placebo']);
    expect(armMentions('ticagrelor was given', arms)).toEqual([]);
    expect(readComparison('Ticagrelor 60 mg vs. placebo: HR 0.84', arms, 'placebo')).toEqual({ arm: 'ticagrelor-60-mg', vs: 'placebo' });
    expect(readComparison('HR 0.85 with 90 mg', arms, 'placebo')).toEqual({ arm: 'ticagrelor-90-mg', vs: 'placebo' });
    expect(readComparison('HR 0.85', arms, 'placebo')).toBeUndefined();
  });

  it.each([
    ['per-protocol, as-treated population', 'per-protocol'],
    ['ITT and per-protocol analyses agreed', undefined],
    ['Per-protocol population: HR 0.79', 'per-protocol'],
    ['intention-to-treat analysis', 'ITT'],
    ['modified intention-to-treat (mITT)', 'mITT'],
    ['on-treatment safety population', 'on-treatment'],
  ])('population of "%s" is %s', (text, pop) => {
    expect(readPopulation(text)).toBe(pop);
  });

  it('PEGASUS-TIMI 54 summary: each dose vs placebo, control named, the unlabelled HR warned about by line', () => {
    const text = summary(['- Study Type: Randomised, double-blind, placebo-controlled trial'], PEGASUS_TABLE);
    const { trial, warnings } = importSummary(text, 'pegasus.txt');
    expect(trial.design.controlArm).toBe('placebo');
    expect([trial.design.intervention.name, trial.design.comparator.name]).toEqual(['Ticagrelor 90 mg or Ticagrelor 60 mg', 'Placebo']);
    const primary = trial.results[0];
    expect(primary?.effect?.comparison).toEqual({ arm: 'ticagrelor-90-mg', vs: 'placebo' });
    expect(primary?.otherEffects?.[0]).toMatchObject({ measure: 'HR', estimate: 0.84, comparison: { arm: 'ticagrelor-60-mg', vs: 'placebo' } });
    const bleedingLine = text.split('\n').findIndex((l) => l.startsWith('| TIMI major bleeding')) + 1;
    expect(warnings.filter((w) => w.code === 'SUMMARY_COMPARISON_UNKNOWN').map((w) => [w.line, w.path, w.message])).toEqual([
      [bleedingLine, 'results[1].effect.comparison', 'cannot tell which arms "HR 2.69" compares; write "<arm> vs <arm>" in the Effect cell or set results[1].effect.comparison'],
    ]);
    // And the evidence engine then reads the pairs the paper compared.
    const ev = deriveEvidence(trialSchema.parse(trial));
    expect(ev.outcomes[0]?.comparisons.map((c) => c.label)).toEqual(['Ticagrelor 90 mg vs Placebo', 'Ticagrelor 60 mg vs Placebo']);
  });

  it('ROCKET AF summary: non-inferiority, margin on the primary, per-protocol and ITT told apart; margin is not the target effect', () => {
    const text = summary(
      [
        '- Study Type: Randomised, double-blind, double-dummy, event-driven non-inferiority trial.',
        '- Statistics: The primary analysis was per-protocol (as treated); non-inferiority required the upper bound of the 95% CI of the hazard ratio to be below 1.46.',
      ],
      [
        '| Outcome | Rivaroxaban | Warfarin | Effect | p value / 95% CI | Notes |',
        '|---|---|---|---|---|---|',
        '| Stroke or systemic embolism (primary) | 188/6958 (2.7%) | 241/7004 (3.4%) | HR 0.79 (per-protocol, on treatment) | 95% CI 0.66 to 0.96; P<0.001 for non-inferiority | Intention-to-treat: HR 0.88 (95% CI 0.74 to 1.03); P<0.001 for non-inferiority, P=0.12 for superiority |',
      ],
    );
    const { trial, warnings } = importSummary(text, 'rocket.txt');
    expect(trial.design).toMatchObject({ hypothesis: 'non-inferiority' });
    expect(trial.design.statistics?.targetEffect).toBeUndefined();
    expect(trial.results[0]?.margin).toMatchObject({ value: 1.46, measure: 'HR' });
    expect(trial.results[0]?.effect?.comparison).toBeUndefined();
    expect(trial.results[0]?.otherEffects?.[0]).toMatchObject({ estimate: 0.88, population: 'ITT' });
    // "per-protocol, on treatment" is one per-protocol population.
    expect(trial.results[0]?.effect?.population).toBe('per-protocol');
    expect(warnings.filter((w) => w.code.startsWith('SUMMARY_DESIGN') || w.code.startsWith('SUMMARY_COMPARISON'))).toEqual([]);
  });

  it('populations from the notes: the part before the first note effect describes the main effect', () => {
    const text = summary(
      ['- Study Type: Randomised non-inferiority trial; non-inferiority margin of 1.46 for the hazard ratio.'],
      [
        '| Outcome | Rivaroxaban | Warfarin | Effect | p value / 95% CI | Notes |',
        '|---|---|---|---|---|---|',
        '| Stroke or systemic embolism (primary) | 188/6958 | 241/7004 | HR 0.79 | 95% CI 0.66 to 0.96 | Per-protocol population. In the intention-to-treat population: HR 0.88 (95% CI 0.74 to 1.03) |',
      ],
    );
    const { trial } = importSummary(text, 'rocket.txt');
    expect(trial.results[0]?.effect?.population).toBe('per-protocol');
    expect(trial.results[0]?.otherEffects?.[0]).toMatchObject({ estimate: 0.88, population: 'ITT' });
    expect(trial.results[0]?.margin).toMatchObject({ value: 1.46 });
  });

  it('a control in the first column is named; a non-inferiority design without a margin is warned about', () => {
    const text = summary(
      ['- Study Type: Open-label non-inferiority trial.'],
      ['| Outcome | Usual care | Early surgery | Effect | p value / 95% CI | Notes |', '|---|---|---|---|---|---|', '| Death at 90 days (primary) | 20/100 (20%) | 18/100 (18%) | RR 0.90 | 95% CI 0.51 to 1.60 | |'],
    );
    const { trial, warnings } = importSummary(text, 't.txt');
    expect(trial.design.controlArm).toBe('usual-care');
    expect([trial.design.intervention.name, trial.design.comparator.name]).toEqual(['Early surgery', 'Usual care']);
    const line = text.split('\n').findIndex((l) => l.includes('Open-label non-inferiority')) + 1;
    expect(warnings.find((w) => w.code === 'SUMMARY_DESIGN_INCOMPLETE')).toMatchObject({ line, path: 'results[0].margin' });
  });
});
