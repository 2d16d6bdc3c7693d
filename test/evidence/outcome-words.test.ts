import { describe, expect, it } from 'vitest';
import { oppositeWording, outcomeKeywords, outcomeNoun } from '../../src/evidence/outcome-words.js';

describe('outcome words', () => {
  it('the noun phrase drops brackets and time windows, keeps acronyms', () => {
    expect(outcomeNoun('Successful VA-ECMO weaning within 30 days (primary; competing risk)')).toBe('successful VA-ECMO weaning');
    expect(outcomeNoun('All-cause mortality at day 30')).toBe('all-cause mortality');
    expect(outcomeNoun('MACE by day 60')).toBe('MACE');
  });

  it('the opposite of benefit: fewer of a good outcome, more of a bad one', () => {
    expect(oppositeWording('Successful VA-ECMO weaning within 30 days (primary; competing risk)', 'higher')).toBe('fewer successful VA-ECMO weanings');
    expect(oppositeWording('Death before VA-ECMO weaning (competing event)', 'lower')).toBe('more deaths');
    expect(oppositeWording('All-cause mortality at day 30', 'lower')).toBe('higher all-cause mortality');
    expect(oppositeWording('Quality of life score', 'higher')).toBe('lower quality of life score');
  });

  it('keywords leave out stop words and numbers', () => {
    expect(outcomeKeywords('Ventricular arrhythmia (VF/VT/torsades) during study drug exposure')).toEqual(['ventricular', 'arrhythmia', 'torsades']);
  });
});
