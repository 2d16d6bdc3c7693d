import { describe, expect, it } from 'vitest';
import { bibliographyYear, trialNames } from '../../src/import/context-trials.js';
import { importSummary } from '../../src/import/index.js';
import { trialSchema } from '../../src/trial/schema.js';
import { readSummary } from './examples.js';

const dapa = readSummary('DAPA-HF.txt');

describe('context.trials from Controversies', () => {
  it('reads a named trial with a ratio and CI, cites its reference and year, and warns about the guessed outcome', () => {
    const text = dapa.replace(
      /^- EMPEROR-Reduced showed .*$/m,
      '- EMPEROR-Reduced reduced cardiovascular death or heart-failure hospitalisation with empagliflozin (HR 0.75; 95% CI 0.65 to 0.86).2',
    );
    const { trial, warnings } = importSummary(text, 'dapa.txt');
    expect(trial.context?.trials).toEqual([
      { name: 'EMPEROR-Reduced', year: 2020, outcome: 'Worsening heart failure or cardiovascular death (primary)', measure: 'HR', estimate: 0.75, ci: { lower: 0.65, upper: 0.86 }, ref: 2 },
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'SUMMARY_CONTEXT_GUESSED', path: 'controversies[0]', message: expect.stringContaining('assumed to be this trial\'s primary outcome') }),
    ]);
    // What it wrote validates and pools.
    expect(trialSchema.parse(trial).context.trials).toHaveLength(1);
  });

  it('warns, and invents nothing, where other evidence is cited without numbers', () => {
    const { trial, warnings } = importSummary(dapa, 'dapa.txt');
    expect(trial.context?.trials).toBeUndefined();
    expect(warnings).toEqual([
      expect.objectContaining({ code: 'SUMMARY_CONTEXT_NOT_READ', path: 'controversies[0]', message: expect.stringContaining('EMPEROR-Reduced; refs 2, 3') }),
    ]);
  });

  it('leaves this trial\'s own subgroup numbers alone (LEVOECMO myocarditis sHR 2.16)', () => {
    const { warnings } = importSummary(readSummary('LEVOECMO.txt'));
    expect(warnings.map((w) => w.path)).not.toContain('controversies[2]');
  });

  it('trial names: acronyms other than this trial and common abbreviations', () => {
    expect(trialNames('A second double-blind RCT (WEANILEVO) was stopped; VA-ECMO in the ICU; LEVOECMO’s result', 'LEVOECMO')).toEqual(['WEANILEVO']);
    expect(trialNames('EMPEROR-Reduced and DAPA-HF with SGLT2 inhibitors (NYHA II)', 'DAPA-HF')).toEqual(['EMPEROR-Reduced']);
  });

  it('reads the publication year of a reference', () => {
    expect(bibliographyYear('Packer M, et al. Cardiovascular and renal outcomes with empagliflozin in heart failure. N Engl J Med. 2020;383(15):1413-1424.')).toBe(2020);
    expect(bibliographyYear('Heidenreich PA, et al. 2022 AHA/ACC/HFSA guideline. Circulation. 2022;145(18):e895.')).toBe(2022);
  });
});
