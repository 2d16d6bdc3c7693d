import { describe, expect, it } from 'vitest';
import { inferRob2 } from '../../src/import/rob2.js';

describe('inferRob2', () => {
  it('maps LEVOECMO-style validity items to domains, marks guesses as inferred, leaves the rest unassessed', () => {
    const rob2 = inferRob2([
      { aspect: 'Randomisation and allocation', text: 'Centralised internet randomisation; allocation concealment was appropriate.' },
      { aspect: 'Blinding and outcome ascertainment', text: 'Double-blind design with masked outcome assessors.' },
      { aspect: 'Losses, exclusions, and missingness', text: '205 randomised; only 1 patient remained on VA-ECMO at day 30.' },
      { aspect: 'Protocol adherence and treatment separation', text: 'Treatment interruption was more common with levosimendan, which could dilute efficacy.' },
    ]);
    expect(rob2?.randomisation).toMatchObject({ judgement: 'low', source: 'inferred' });
    expect(rob2?.measurement?.judgement).toBe('low');
    expect(rob2?.missingData?.judgement).toBe('low');
    expect(rob2?.deviations?.judgement).toBe('some concerns');
    expect(rob2?.reporting).toBeUndefined();
  });

  it('concern wording wins over reassuring wording, and vague text is not judged', () => {
    const rob2 = inferRob2([
      { aspect: 'Randomisation', text: 'Allocation was concealed, but there was a baseline imbalance in SAPS II.' },
      { aspect: 'Statistical analysis', text: 'A Cox model was used.' },
    ]);
    expect(rob2?.randomisation?.judgement).toBe('some concerns');
    expect(rob2?.reporting?.judgement).toBe('not assessed');
  });

  it('returns nothing when no item speaks to any domain', () => {
    expect(inferRob2([{ aspect: 'Dose', text: '24-hour infusion.' }])).toBeUndefined();
  });
});
