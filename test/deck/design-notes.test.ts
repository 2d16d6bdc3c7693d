import { describe, expect, it } from 'vitest';
import { designNotes } from '../../src/deck/design-notes.js';
import { validateTrial } from '../../src/trial/validate.js';
import { trialSchema } from '../../src/trial/schema.js';
import { ISIS2, PEGASUS, ROCKET_AF, parse } from '../evidence/fixtures/design-trials.js';


describe('designNotes', () => {
  it('factorial (ISIS-2): each factor’s comparison and the interaction, with a validity prompt', () => {
    const { trial, warnings } = validateTrial(ISIS2, { file: 'isis-2.yaml' });
    expect(warnings).toEqual([]);
    const notes = designNotes(trial);
    expect(notes.type).toBe('factorial');
    expect(notes.design).toEqual([
      { lead: 'Comparisons', text: 'Streptokinase and aspirin vs Neither; streptokinase vs placebo infusion; aspirin vs placebo tablets' },
      { lead: 'Factorial design', text: '2 × 2: Streptokinase (streptokinase or placebo infusion), Aspirin (aspirin or placebo tablets)' },
      { lead: 'Streptokinase', text: 'Vascular death at 5 weeks: streptokinase vs placebo infusion, odds reduction 25% (SD 4)' },
      { lead: 'Aspirin', text: 'Vascular death at 5 weeks: aspirin vs placebo tablets, odds reduction 23% (SD 4)' },
      { lead: 'Interaction', text: 'No significant interaction' },
    ]);
    expect(notes.validity).toEqual([{ lead: 'Interaction', text: expect.stringMatching(/assumes the factors do not interact\. A factorial trial is rarely powered to detect an interaction\.$/) }]);
    const factorial = ISIS2.design.factorial!;
    const p04 = trialSchema.parse({ ...ISIS2, design: { ...ISIS2.design, factorial: { ...factorial, interaction: { p: 0.4 } } } });
    expect(designNotes(p04).design.at(-1)).toEqual({ lead: 'Interaction', text: 'P for interaction = 0.4' });
    const none = trialSchema.parse({ ...ISIS2, design: { ...ISIS2.design, factorial: { factors: factorial.factors } } });
    expect(designNotes(none).design.at(-1)).toEqual({ lead: 'Interaction', text: 'Not reported' });
    expect(designNotes(none).validity[0]?.text).toMatch(/This paper reports no test of interaction\.$/);
  });

  it('cluster: clusters, ICC, design effect, and recruitment-bias prompts', () => {
    const t = parse(ROCKET_AF, (x) => {
      x.design.hypothesis = 'superiority';
      delete x.results[0]!.margin;
      delete x.results[1]!.margin;
      x.design.type = 'cluster';
      x.design.cluster = { clusters: 12, unit: 'hospitals', icc: 0.03 };
    });
    const notes = designNotes(t);
    expect(notes.design).toEqual([
      { lead: 'Cluster randomisation', text: '12 hospitals randomised' },
      { lead: 'ICC', text: '0.03' },
      { lead: 'Design effect', text: 'Not reported' },
    ]);
    expect(notes.validity.map((v) => v.lead)).toEqual(['Recruitment bias', 'Clustered analysis', 'Few clusters']);
    expect(notes.validity[0]?.text).toMatch(/recruited after their cluster’s allocation is known/);
  });

  it('crossover: washout and a carry-over prompt', () => {
    const t = parse(ROCKET_AF, (x) => {
      x.design.type = 'crossover';
      x.design.crossover = { washout: '2 weeks', periods: 2 };
    });
    const notes = designNotes(t);
    expect(notes.design.slice(0, 2)).toEqual([
      { lead: 'Crossover', text: '2 periods; each patient receives every treatment in random order' },
      { lead: 'Washout', text: '2 weeks' },
    ]);
    expect(notes.validity[0]).toEqual({ lead: 'Carry-over', text: expect.stringMatching(/^Carry-over: could the first period’s treatment.*reports no carry-over test\.$/) });
  });

  it('non-inferiority (ROCKET AF): the margin and the analysis populations', () => {
    const notes = designNotes(parse(ROCKET_AF));
    expect(notes.design).toEqual([
      { lead: 'Non-inferiority', text: 'Stroke or systemic embolism (per-protocol, on treatment): margin HR 1.46 (upper bound of the 95% CI below 1.46)' },
      { lead: 'Analysis populations', text: 'per-protocol' },
    ]);
    expect(notes.validity[0]?.text).toMatch(/Do the per-protocol and ITT results agree\?/);
  });

  it('three arms (PEGASUS-TIMI 54): names each comparison, parallel design has no other notes', () => {
    const notes = designNotes(parse(PEGASUS));
    expect(notes).toEqual({ type: 'parallel', design: [{ lead: 'Comparisons', text: 'Ticagrelor 90 mg vs Placebo; Ticagrelor 60 mg vs Placebo' }], validity: [] });
  });
});
