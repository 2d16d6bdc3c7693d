import { describe, expect, it } from 'vitest';
import { buildContextView, CONTEXT_CAVEAT, CONTEXT_CAVEAT_NOTE } from '../../src/deck/context-view.js';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { loadTrial } from '../../src/trial/load.js';
import { trialSchema, type TrialInput } from '../../src/trial/schema.js';
import { LEVOECMO_INPUT } from '../evidence/fixtures/levoecmo-trial.js';

const view = async (file: string) => {
  const { trial } = await loadTrial(file);
  return buildContextView(trial, deriveEvidence(trial));
};

const everyString = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(everyString) : v && typeof v === 'object' ? Object.values(v).flatMap(everyString) : [];

describe('buildContextView', () => {
  it('DAPA-HF: what was pooled, without and with this trial, one line each', async () => {
    const v = (await view('data/dapa-hf.yaml'))!;
    expect(v.sits.chart).toBe('context-forest');
    expect(v.sits.subtitle).toBe('Cardiovascular death or hospitalisation for heart failure (HR)');
    expect(v.sits.pooled).toBe('Pooled: DAPA-HF with EMPEROR-Reduced 2020 (RCT, double-blind, placebo-controlled)');
    expect(v.sits.leftOutLine).toBe("Left out: EMPEROR-Preserved 2021 (presenter's choice); SOLOIST-WHF 2021 (presenter's choice)");
    expect(v.sits.trials.map((t) => t.lead)).toEqual(['DAPA-HF (2019), this trial', 'EMPEROR-Reduced (2020)']);
    expect(v.sits.trials[1]).toMatchObject({ refs: [2] });
    expect(v.sits.trials[1]!.text).toContain('HR 0.75 (95% CI 0.65 to 0.86)');
    expect(v.sits.leftOut).toEqual([expect.objectContaining({ lead: 'EMPEROR-Preserved (2021)', refs: [7] }), expect.objectContaining({ lead: 'SOLOIST-WHF (2021)', refs: [8] })]);
    expect(v.sits.alsoPooled).toEqual(['Cardiovascular death (HR, 2 studies): HR 0.86 (95% CI 0.76 to 0.98)']);
    const c = v.changed!;
    expect(c.without).toBe('Without DAPA-HF: EMPEROR-Reduced alone, HR 0.75 (95% CI 0.65 to 0.86)');
    expect(c.with).toBe('With DAPA-HF (2 studies): HR 0.75 (95% CI 0.68 to 0.83)');
    expect(c.stats.map((s) => [s.label, s.big])).toEqual([['Studies', '2'], ['τ²', '0'], ['I²', '0%'], ['Prediction interval', 'none']]);
    expect(c.prediction).toBe('No prediction interval: it needs 3 or more studies (here 2)');
    expect(c.notes).toContain('Adding DAPA-HF left the pooled HR at 0.75 and narrowed its CI from 0.65–0.86 to 0.68–0.83.');
  });

  it('LEVOECMO: the primary sHR with Paulo 2025; the others left out with reasons', async () => {
    const v = (await view('data/levoecmo.yaml'))!;
    expect(v.sits.subtitle).toBe('Successful VA-ECMO weaning within 30 days (sHR)');
    expect(v.changed!.without).toBe('Without LEVOECMO: Paulo et al. alone, sHR 1.45 (95% CI 0.77 to 2.70)');
    expect(v.changed!.with).toBe('With LEVOECMO (2 studies): sHR 1.09 (95% CI 0.83 to 1.45)');
    expect(v.sits.leftOut.map((l) => l.lead)).toEqual(['Massol et al. (2023)', 'Liu et al. (2024)', 'WEANILEVO']);
    expect(v.sits.leftOut[2]!.text).toContain('terminated early for insufficient funding after 82 patients');
    expect(v.sits.leftOut[0]!.text).toContain('reports an HR; LEVOECMO reports an sHR');
    expect(v.sits.leftOutLine).toBe("Left out: Massol et al. 2023 (reports an HR); Liu et al. 2024 (presenter's choice); WEANILEVO (presenter's choice)");
    // The full reasons are in the speaker notes.
    expect(v.sits.notes.join('\n')).toContain('WEANILEVO: RCT, double-blind, multicentre (180 planned)');
    expect(v.sits.notes.join('\n')).toContain('terminated early for insufficient funding after 82 patients');
  });

  it('both slides carry the caveat; nothing is cut with an ellipsis', async () => {
    for (const file of ['data/dapa-hf.yaml', 'data/levoecmo.yaml']) {
      const v = (await view(file))!;
      expect(v.sits.caveat).toBe(CONTEXT_CAVEAT);
      expect(v.changed!.caveat).toBe(CONTEXT_CAVEAT);
      expect(v.sits.notes[0]).toBe(CONTEXT_CAVEAT_NOTE);
      expect(v.changed!.notes[0]).toBe(CONTEXT_CAVEAT_NOTE);
      expect(CONTEXT_CAVEAT).toMatch(/populations/);
      expect(CONTEXT_CAVEAT).toMatch(/not a systematic review/);
      for (const s of everyString(v)) expect(s).not.toMatch(/\u2026|\.\.\./);
    }
  });

  it('nothing poolable: no chart, no "what changed", and the slide says so', () => {
    const trial = trialSchema.parse({
      ...LEVOECMO_INPUT,
      context: { trials: [{ name: 'Massol et al.', year: 2023, outcome: 'Successful VA-ECMO weaning within 30 days', measure: 'HR', estimate: 0.91, ci: { lower: 0.57, upper: 1.45 } }] },
    } as TrialInput);
    const v = buildContextView(trial, deriveEvidence(trial))!;
    expect(v.sits.chart).toBeNull();
    expect(v.changed).toBeNull();
    expect(v.sits.pooled).toBe('Nothing pooled: the related study does not give the same measure of the same outcome as LEVOECMO.');
    expect(v.sits.leftOut).toHaveLength(1);
  });

  it('no context trials: no context slides', () => {
    const trial = trialSchema.parse(LEVOECMO_INPUT);
    expect(buildContextView(trial, deriveEvidence(trial))).toBeUndefined();
  });
});
