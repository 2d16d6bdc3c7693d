// Hand edits for the example trials of other designs (issue 13): what the
// summary importer cannot infer yet — the control arm, each effect's
// comparison and analysis population, hypothesis and margin, design type,
// units and MCIDs — set by hand in data/<id>.yaml and listed here so the
// import-equals-data test stays honest. Each edit names its source.
import type { TrialInput } from '../../src/trial/schema.js';

type Design = TrialInput['design'];
type OutcomeInput = TrialInput['results'][number];
type EffectInput = NonNullable<OutcomeInput['effect']>;
type Comparison = NonNullable<EffectInput['comparison']>;

function outcome(trial: TrialInput, i: number): OutcomeInput {
  const o = trial.results[i];
  if (!o) throw new Error(`results[${i}] is missing: the summary changed`);
  return o;
}

function effect(trial: TrialInput, i: number): EffectInput {
  const e = outcome(trial, i).effect;
  if (!e) throw new Error(`results[${i}].effect is missing: the summary changed`);
  return e;
}

/** Adds design fields after the ones the importer writes, so the YAML reads top-down. */
function design(trial: TrialInput, extra: Partial<Design>): void {
  trial.design = { ...trial.design, ...extra };
}

/** Sets fields on an outcome in schema order: name, role, benefit, hypothesis, margin, unit, mcid, then the rest. */
function outcomeFields(trial: TrialInput, i: number, extra: Partial<OutcomeInput>): void {
  const { name, role, benefit, ...rest } = outcome(trial, i);
  const merged: OutcomeInput = { name, role, benefit, ...extra, ...rest };
  if (extra.benefit !== undefined) merged.benefit = extra.benefit;
  if (merged.role === undefined) delete merged.role;
  if (merged.benefit === undefined) delete merged.benefit;
  trial.results[i] = merged;
}

function compare(e: EffectInput, comparison: Comparison, population?: EffectInput['population']): void {
  e.comparison = comparison;
  if (population !== undefined) e.population = population;
}

/** "188 (1.7 per 100 patient-years)": the count is events; the rate is not a risk, so it stays only in the text. */
function eventCountsFromRates(trial: TrialInput): void {
  for (const o of trial.results) {
    for (const [id, q] of Object.entries(o.arms)) {
      const m = q.kind === 'text' ? /^(\d+) \([\d.]+ per 100 patient-years\)$/.exec(q.text) : null;
      if (m?.[1] !== undefined) o.arms[id] = { kind: 'count', count: Number(m[1]), text: q.text };
    }
  }
}

/** ROCKET AF (Patel, NEJM 2011): non-inferiority, margin HR 1.46, per-protocol primary and ITT. */
export function rocketAfEdits(trial: TrialInput): void {
  design(trial, { controlArm: 'warfarin', hypothesis: 'non-inferiority' });
  eventCountsFromRates(trial);
  const vs: Comparison = { arm: 'rivaroxaban', vs: 'warfarin' };
  const margin = { value: 1.46, measure: 'HR' as const, text: 'upper bound of the 95% CI of the hazard ratio below 1.46' };
  // The primary (per-protocol, as-treated) and the ITT analyses are both tested for non-inferiority.
  outcomeFields(trial, 0, { margin });
  compare(effect(trial, 0), vs, 'per-protocol');
  // The importer does not read "P<0.001 for non-inferiority" yet.
  effect(trial, 0).p = { op: '<', value: 0.001, text: 'P<0.001 for non-inferiority' };
  outcomeFields(trial, 1, { margin });
  compare(effect(trial, 1), vs, 'ITT');
  // The on-treatment superiority test and the bleeding outcomes are read for superiority.
  for (const i of [2, 3, 4, 5, 6]) {
    outcomeFields(trial, i, { hypothesis: 'superiority' });
    compare(effect(trial, i), vs, 'on-treatment');
  }
}

/** PEGASUS-TIMI 54 (Bonaca, NEJM 2015): two ticagrelor doses, each vs placebo. */
export function pegasusEdits(trial: TrialInput): void {
  design(trial, { controlArm: 'placebo' });
  compare(effect(trial, 0), { arm: 'ticagrelor-90-mg', vs: 'placebo' }, 'ITT');
  const sixty = outcome(trial, 0).otherEffects?.[0];
  if (!sixty) throw new Error('results[0].otherEffects[0] (60 mg vs placebo) is missing');
  compare(sixty, { arm: 'ticagrelor-60-mg', vs: 'placebo' }, 'ITT');
}

/**
 * ISIS-2 (Lancet 1988): 2×2 factorial. The paper gives odds reductions; an
 * odds reduction of 42% (95% CI 34% to 50%) is an odds ratio of 0.58 (0.50 to
 * 0.66), kept with the printed text. The factor comparisons (all streptokinase
 * vs all placebo infusion; all aspirin vs all placebo tablets) pool two cells
 * each: `comparison.factor` names the factor, `arm`/`vs` its levels, and
 * `factors[].arms` the cells given each level.
 */
export function isis2Edits(trial: TrialInput): void {
  design(trial, {
    controlArm: 'neither',
    type: 'factorial',
    factorial: {
      factors: [
        {
          name: 'streptokinase',
          levels: ['streptokinase infusion', 'placebo infusion'],
          arms: { 'streptokinase infusion': ['streptokinase-and-aspirin', 'streptokinase-only'], 'placebo infusion': ['aspirin-only', 'neither'] },
        },
        {
          name: 'aspirin',
          levels: ['aspirin tablets', 'placebo tablets'],
          arms: { 'aspirin tablets': ['streptokinase-and-aspirin', 'aspirin-only'], 'placebo tablets': ['streptokinase-only', 'neither'] },
        },
      ],
      interaction: { text: 'The separate effects of streptokinase and aspirin on vascular deaths appeared to be additive.' },
    },
  });
  const both = effect(trial, 0);
  Object.assign(both, { measure: 'OR', estimate: 0.58, ci: { lower: 0.5, upper: 0.66 } });
  // "Odds reduction 42%" stays as the printed text; as a label it would read "Odds reduction 42% 0.58".
  delete both.label;
  compare(both, { arm: 'streptokinase-and-aspirin', vs: 'neither' }, 'ITT');
  const factor = (label: string, estimate: number, text: string, comparison: Comparison): EffectInput => ({
    measure: 'OR',
    label,
    estimate,
    p: { op: '<', value: 0.00001, text: '2P<0.00001' },
    text,
    comparison,
    population: 'ITT',
  });
  outcome(trial, 0).otherEffects = [
    factor('Streptokinase vs placebo infusion (factorial comparison)', 0.75, 'odds reduction 25% (SD 4; 2P<0.00001)', {
      factor: 'streptokinase',
      arm: 'streptokinase infusion',
      vs: 'placebo infusion',
    }),
    factor('Aspirin vs placebo tablets (factorial comparison)', 0.77, 'odds reduction 23% (SD 4; 2P<0.00001)', {
      factor: 'aspirin',
      arm: 'aspirin tablets',
      vs: 'placebo tablets',
    }),
  ];
  // Fewer reinfarctions is better; the importer does not know the word.
  outcomeFields(trial, 1, { benefit: 'lower' });
}

/** SMART (Semler, NEJM 2018): cluster-randomised multiple crossover in five ICUs. */
export function smartEdits(trial: TrialInput): void {
  design(trial, {
    controlArm: 'saline',
    type: 'cluster',
    cluster: {
      clusters: 5,
      unit: 'ICUs',
      text: 'Five ICUs, each assigned saline or balanced crystalloids by calendar month, alternating monthly (cluster multiple-crossover); no ICC or design effect is given in the main results.',
    },
  });
  const vs: Comparison = { arm: 'balanced-crystalloids', vs: 'saline' };
  compare(effect(trial, 0), vs, 'ITT');
  const conditional = outcome(trial, 0).otherEffects?.[0];
  if (!conditional) throw new Error('results[0].otherEffects[0] (conditional OR) is missing');
  // The importer drops the word "Conditional" from the notes.
  conditional.label = 'Conditional OR';
  compare(conditional, vs, 'ITT');
  // Persistent renal dysfunction is harm: lower is better.
  outcomeFields(trial, 3, { benefit: 'lower' });
}

/** Gilron 2005 (NEJM): four-period crossover with a 3-day washout; pain on a 0–10 scale. */
export function gilronEdits(trial: TrialInput): void {
  design(trial, {
    controlArm: 'active-placebo',
    type: 'crossover',
    crossover: { washout: '3 days, after a 1-week taper at the end of each 5-week period', periods: 4 },
  });
  outcomeFields(trial, 0, {
    unit: 'points',
    mcid: { value: 2, source: 'Farrar JT et al. Pain 2001;94:149-158: about 2 points (or 30%) on a 0–10 pain scale' },
  });
  outcomeFields(trial, 1, { unit: 'points' });
}

/** SURMOUNT-1 (Jastreboff, NEJM 2022): three tirzepatide doses vs placebo; % weight change. */
export function surmountEdits(trial: TrialInput): void {
  design(trial, { controlArm: 'placebo' });
  const benchmark = {
    value: 5,
    source: 'FDA draft guidance, Developing Products for Weight Management (2007): mean placebo-subtracted weight loss of at least 5%',
  };
  // Weight and waist change: lower (more loss) is better; the name alone cannot say so.
  outcomeFields(trial, 0, { benefit: 'lower', unit: '%', mcid: benchmark });
  outcomeFields(trial, 3, { benefit: 'lower', unit: 'cm' });
  const p = { op: '<' as const, value: 0.001, text: 'P<0.001' };
  const md = (arm: string, estimate: number, unit: string, withP: boolean): EffectInput => ({
    measure: 'MD',
    estimate,
    unit,
    ...(withP ? { p } : {}),
    comparison: { arm, vs: 'placebo' },
    population: 'ITT',
    text: `${String(estimate).replace('-', '−')} ${unit === '%' ? 'percentage points' : unit}`,
  });
  compare(effect(trial, 0), { arm: 'tirzepatide-15-mg', vs: 'placebo' }, 'ITT');
  outcome(trial, 0).otherEffects = [md('tirzepatide-10-mg', -16.4, '%', true), md('tirzepatide-5-mg', -11.9, '%', true)];
  compare(effect(trial, 3), { arm: 'tirzepatide-15-mg', vs: 'placebo' }, 'ITT');
  outcome(trial, 3).otherEffects = [md('tirzepatide-10-mg', -13.8, 'cm', false), md('tirzepatide-5-mg', -10.1, 'cm', false)];
}
