import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { composeDeck } from '../../src/deck/compose.js';
import { deriveEvidence } from '../../src/evidence/index.js';
import { loadTrial } from '../../src/trial/load.js';

const levoecmo = fileURLToPath(new URL('../../data/levoecmo.yaml', import.meta.url));

async function deck(auditSlide = false): Promise<string[]> {
  const { trial } = await loadTrial(levoecmo);
  const { markdown } = await composeDeck(trial, deriveEvidence(trial), [], { theme: 'clinical', auditSlide });
  return markdown.split(/\n---\n/);
}
/** A slide and its "(cont.)" pages. */
const slide = (slides: string[], title: string): string => slides.filter((s) => s.includes(`## ${title}\n`) || s.includes(`## ${title} (cont`)).join('\n');

describe('appraisal slides computed from the data', () => {
  it('"The numbers that matter" gives absolute risks, RD and NNH for the safety outcomes', async () => {
    const s = slide(await deck(), 'The numbers that matter');
    expect(s).toMatch(/Ventricular arrhythmia/);
    expect(s).toMatch(/Levosimendan 17\.8% \(11\.6%–26\.4%\) vs Placebo 8\.7%/);
    expect(s).toMatch(/NNTH 11 \(95% CI NNTB 513 to ∞ to NNTH 6\)/);
    expect(s).toMatch(/Successful VA-ECMO weaning/);
  });

  it('"The numbers that matter" reports the reverse fragility index for the neutral primary result', async () => {
    const s = slide(await deck(), 'The numbers that matter');
    expect(s).toContain('**Reverse fragility index (Successful VA-ECMO weaning within 30 days (primary; competing risk))** · 13\\.');
  });

  it('"What should we believe?" tabulates four priors with the design effect as MCID', async () => {
    const s = slide(await deck(), 'What should we believe?');
    expect(s).toMatch(/MCID sHR 1\.75 \(the trial’s design effect\)/);
    expect(s.match(/^\| (Flat \(data only\)|Neutral|Sceptical|Enthusiastic) \|/gm)).toHaveLength(4);
    expect(s).toMatch(/\| Flat \(data only\) \| 54\.9% \|/);
  });

  it('RoB 2 lists all five domains, marking inferred judgements', async () => {
    const s = slide(await deck(), 'Validity and risk of bias');
    for (const d of ['Randomisation process', 'Deviations from intended interventions', 'Missing outcome data', 'Measurement of the outcome', 'Selection of the reported result']) expect(s).toContain(d);
    expect(s).toMatch(/\| Randomisation process \| low \(inferred\) \|/);
    expect(s).toMatch(/\| Selection of the reported result \| not assessed \|/);
    // The support text is in the backup, whole.
    const support = slide(await deck(), 'Risk of bias: supporting text');
    expect(support).toContain('allocation concealment was appropriate');
  });

  it('asks 4 to 6 discussion questions drawn from the trial', async () => {
    const s = slide(await deck(), 'Questions for discussion');
    const questions = s.split('\n').filter((l) => l.startsWith('- '));
    expect(questions.length).toBeGreaterThanOrEqual(4);
    expect(questions.length).toBeLessThanOrEqual(6);
    // Real tensions with their numbers, in full sentences: power assumed vs found, a harm signal, a subgroup.
    expect(s).toMatch(/powered for sHR 1\.75 .* but found sHR 1\.02 \(95% CI 0\.74 to 1\.39\)/);
    expect(s).toMatch(/RR 2\.06 \(95% CI 0\.97 to 4\.37\): the interval only just includes no difference/);
    expect(s).toMatch(/myocarditis sHR 2\.16; 95% CI 0\.97 to 4\.80/);
    expect(s).not.toMatch(/…/);
  });

  it('adds the audit slide only when asked (LEVOECMO has no material mismatch), with both values', async () => {
    expect(slide(await deck(), 'Are the numbers consistent?')).toBe('');
    const s = slide(await deck(true), 'Are the numbers consistent?');
    const all = (await deck(true)).filter((x) => x.includes('## Are the numbers consistent?')).join('\n');
    expect(all).toMatch(/Suspected adverse drug event leading to treatment cessation\*\* · RR vs counts \(Katz\): reported 3\.09 \(95% CI 1\.07 to 8\.93\), recomputed 3\.09 \(95% CI 1\.03 to 9\.26\)/);
    expect(s).not.toBe('');
  });
});
