import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { primaryView } from '../../src/deck/primary-view.js';
import { parseTrialText } from '../../src/trial/load.js';
import { PEGASUS, ROCKET_AF, parse } from '../evidence/fixtures/design-trials.js';

describe('primaryView', () => {
  it('ROCKET AF: margin, per-protocol and ITT results told apart, each with its verdict', () => {
    const rocket = parse(ROCKET_AF, (t) => {
      // The ITT result as the paper reports it beside the per-protocol primary.
      t.results[0]!.otherEffects = [{ measure: 'HR', estimate: 0.88, ci: { lower: 0.74, upper: 1.03 }, p: { op: '<', value: 0.001 }, population: 'ITT' }];
    });
    const v = primaryView(rocket);
    expect(v?.hypothesis).toBe('non-inferiority');
    expect(v?.margin).toBe('Non-inferiority margin: HR 1.46 (upper bound of the 95% CI below 1.46)');
    expect(v?.results).toEqual([
      {
        lead: 'per-protocol',
        effect: 'HR 0.79 (95% CI 0.66 to 0.96); P<0.001',
        verdict: 'Non-inferior: upper 95% CI bound 0.96 < margin 1.46; superior: upper 95% CI bound 0.96 < 1',
        verdictKind: 'non-inferior',
        continuous: null,
      },
      {
        lead: 'ITT',
        effect: 'HR 0.88 (95% CI 0.74 to 1.03); P<0.001',
        verdict: 'Non-inferior: upper 95% CI bound 1.03 < margin 1.46; not shown superior: the 95% CI 0.74 to 1.03 includes 1',
        verdictKind: 'non-inferior',
        continuous: null,
      },
    ]);
  });

  it('PEGASUS-TIMI 54: every arm in the numbers, each dose vs placebo in the results', () => {
    const v = primaryView(parse(PEGASUS));
    expect(v?.arms.map((a) => a.label)).toEqual(['Ticagrelor 90 mg', 'Ticagrelor 60 mg', 'Placebo']);
    expect(v?.results.map((r) => [r.lead, r.verdict])).toEqual([
      ['Ticagrelor 90 mg vs Placebo', 'Superior: upper 95% CI bound 0.96 < 1'],
      ['Ticagrelor 60 mg vs Placebo', 'Superior: upper 95% CI bound 0.95 < 1'],
    ]);
    expect(v?.margin).toBeNull();
  });

  it('STEP 1 (continuous primary): no empty count under the numbers; direction of benefit given', () => {
    const text = readFileSync(fileURLToPath(new URL('../../data/step-1.yaml', import.meta.url)), 'utf8');
    const v = primaryView(parseTrialText(text, 'step-1.yaml', 'data').trial);
    expect(v?.arms).toEqual([
      { label: 'Semaglutide 2.4 mg', big: '−14.9%', small: 'mean' },
      { label: 'Placebo', big: '−2.4%', small: 'mean' },
    ]);
    expect(v?.results[0]?.lead).toBeNull();
    // The paper's own wording, as printed.
    expect(v?.results[0]?.effect).toBe('Estimated treatment difference −12.4 percentage points; 95% CI −13.4 to −11.5; P<0.001');
    expect(v?.results[0]?.continuous).toBe('Lower is better: favours Semaglutide 2.4 mg (the CI excludes 0)');
    expect(v?.results[0]?.verdict).toBe('Superior: upper 95% CI bound −11.5% < 0');
  });
});
