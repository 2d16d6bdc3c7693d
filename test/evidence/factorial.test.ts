// ISIS-2 (Lancet 1988;2:349-60), 2 × 2 factorial: the four cells are the
// arms; each factor's comparison pools the cells given that level.
// Vascular death at 5 weeks: both 343/4292, streptokinase only 448/4300,
// aspirin only 461/4295, neither 568/4300; streptokinase vs placebo infusion
// 791/8592 vs 1029/8595, aspirin vs placebo tablets 804/8587 vs 1016/8600.
import { describe, expect, it } from 'vitest';
import { designNotes } from '../../src/deck/design-notes.js';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { TrialdeckError } from '../../src/errors.js';
import { trialSchema } from '../../src/trial/schema.js';
import { validateTrial } from '../../src/trial/validate.js';
import { ISIS2 } from './fixtures/design-trials.js';


describe('factorial comparisons pool the cells of each level', () => {
  const { trial, warnings } = validateTrial(ISIS2, { file: 'isis-2.yaml' });
  const ev = deriveEvidence(trial);
  const pairs = ev.outcomes[0]?.comparisons ?? [];

  it('validates without warnings and reads both vs neither, then each factor', () => {
    expect(warnings).toEqual([]);
    expect(pairs.map((c) => [c.label, c.factor])).toEqual([
      ['Streptokinase and aspirin vs Neither', null],
      ['streptokinase vs placebo infusion', 'Streptokinase'],
      ['aspirin vs placebo tablets', 'Aspirin'],
    ]);
  });

  it('each factor’s risks are the pooled counts the paper reports', () => {
    const [both, sk, asa] = pairs;
    expect([both?.binary?.experimental.events, both?.binary?.experimental.total]).toEqual([343, 4292]);
    expect([sk?.binary?.experimental.events, sk?.binary?.experimental.total, sk?.binary?.comparator.events, sk?.binary?.comparator.total]).toEqual([791, 8592, 1029, 8595]);
    expect([asa?.binary?.experimental.events, asa?.binary?.experimental.total, asa?.binary?.comparator.events, asa?.binary?.comparator.total]).toEqual([804, 8587, 1016, 8600]);
    // Crude OR of the streptokinase factor: (791/7801)/(1029/7566) = 0.746, as the paper's 25% odds reduction.
    expect(sk?.binary?.oddsRatio.estimate).toBeCloseTo(791 / 7801 / (1029 / 7566), 12);
  });

  it('an outcome that names no pair is read for the trial’s named pairs, never each cell vs "Neither"', () => {
    const withStroke = structuredClone(ISIS2);
    withStroke.results.push({
      name: 'Stroke',
      benefit: 'lower',
      arms: { both: { kind: 'percent', percent: 0.6 }, 'sk-only': { kind: 'text', text: 'Not reported' }, 'aspirin-only': { kind: 'text', text: 'Not reported' }, neither: { kind: 'percent', percent: 1.1 } },
    });
    withStroke.design.controlArm = 'neither';
    const ev2 = deriveEvidence(validateTrial(withStroke, { file: 'isis-2.yaml' }).trial);
    expect(ev2.outcomes[1]?.comparisons.map((c) => c.label)).toEqual(['Streptokinase and aspirin vs Neither', 'streptokinase vs placebo infusion', 'aspirin vs placebo tablets']);
  });

  it('design notes: each factor’s comparison and the interaction', () => {
    const notes = designNotes(trial);
    expect(notes.design.filter((d) => d.lead === 'Streptokinase' || d.lead === 'Aspirin' || d.lead === 'Interaction')).toEqual([
      { lead: 'Streptokinase', text: 'Vascular death at 5 weeks: streptokinase vs placebo infusion, odds reduction 25% (SD 4)' },
      { lead: 'Aspirin', text: 'Vascular death at 5 weeks: aspirin vs placebo tablets, odds reduction 23% (SD 4)' },
      { lead: 'Interaction', text: 'No significant interaction' },
    ]);
  });

  it('a level that is not one of the factor’s, or a mapped arm that does not exist, is an error naming the path', () => {
    const bad = structuredClone(ISIS2);
    bad.results[0]!.otherEffects![0]!.comparison = { factor: 'Streptokinase', arm: 'streptokinase', vs: 'placebo' };
    bad.design.factorial!.factors[1]!.arms = { aspirin: ['both', 'asprin-only'], 'placebo tablets': ['sk-only', 'neither'] };
    let problems: string[] = [];
    try {
      validateTrial(trialSchema.parse(bad), { file: 'isis-2.yaml' });
    } catch (e) {
      problems = (e as TrialdeckError).problems.map((p) => `${p.path}: ${p.message}`);
    }
    expect(problems).toEqual([
      'design.factorial.factors[1].arms.aspirin[1]: expected an arm id (both, sk-only, aspirin-only, neither), got "asprin-only"',
      'results[0].otherEffects[0].comparison.vs: expected an arm id (both, sk-only, aspirin-only, neither) or a level of Streptokinase (streptokinase, placebo infusion), got "placebo"',
    ]);
  });
});
