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
  it('"The numbers that matter": the paper\'s RD where reported, no point NNT when the CI crosses 0', async () => {
    const s = slide(await deck(), 'The numbers that matter');
    expect(s).toMatch(/Levosimendan 17\.8% \(11\.6%–26\.4%\) vs Placebo 8\.7% \(4\.6%–15\.6%\) \(Wilson 95% CIs\)/);
    expect(s).toMatch(/ {2}- RD 0\.0 points \(95% CI −12\.8 to \+12\.7; reported\)\n {2}- no clear difference \(95% CI NNTB 8 to ∞ to NNTH 8\)/);
    expect(s).toMatch(/ {2}- RD \+9\.2 points \(95% CI −0\.4 to \+18\.0; reported\)\n {2}- no clear difference \(95% CI NNTB 250 to ∞ to NNTH 6\)/);
    expect(s).toMatch(/NNTH 13 \(95% CI NNTH 7 to 167\)/);
    expect(s).not.toMatch(/2101|−12\.6/);
  });

  it('"How fragile?": no index for the Fine–Gray primary (and why), FI 1 for drug cessation', async () => {
    const s = slide(await deck(), 'How fragile?');
    expect(s).toMatch(/Successful VA-ECMO weaning within 30 days \(primary; competing risk\): Fragility index not applicable\*\* · Not applicable: analysed as competing-risks time to event \(Fine–Gray subdistribution HR\)/);
    expect(s).toMatch(/Suspected adverse drug event leading to treatment cessation: Fragility index 1\*\* · Fragility index 1: changing 1 patient/);
    expect(s).toMatch(/Walsh et al\. 2014/);
    expect(s).not.toMatch(/robust/);
  });

  it('"What should we believe?": priors from the design effect (not an MCID), thresholds as numbers, rows that differ', async () => {
    const s = slide(await deck(), 'What should we believe?');
    expect(s).not.toMatch(/beyond MCID|MCID sHR|MCID \(/);
    expect(s).toMatch(/sHR \(subdistribution hazard ratio\) · Priors from the design effect sHR 1\.75/);
    expect(s).toMatch(/\| Flat \(data only\) \| sHR 1\.02 \(95% CI 0\.74–1\.39, as reported\) \| 54\.9% \| 31\.9% \| 10\.3% \| 45\.1% \| 21\.8% \|/);
    expect(s).toMatch(/\| Sceptical \| sHR 1\.02 \(95% CrI 0\.76–1\.35\) \|/);
    expect(s).toMatch(/\| Enthusiastic \| sHR 1\.13 \(95% CrI 0\.85–1\.50\) \| 79\.2% \|/);
    expect(s).toMatch(/Normal approximation on the log scale/);
    expect(s).toMatch(/P\(sHR < 1\): fewer successful VA-ECMO weanings \(the opposite direction, not a safety harm\)/);
  });

  it('RoB 2 lists all five domains, marking inferred judgements, with the support text whole in the backup', async () => {
    const s = slide(await deck(), 'Validity and risk of bias');
    for (const d of ['Randomisation process', 'Deviations from intended interventions', 'Missing outcome data', 'Measurement of the outcome', 'Selection of the reported result']) expect(s).toContain(d);
    expect(s).toMatch(/\| Randomisation process \| low \(inferred\) \|/);
    expect(s).toMatch(/\| Selection of the reported result \| not assessed \|/);
    const support = slide(await deck(), 'Risk of bias: supporting text');
    expect(support).toContain('allocation concealment was appropriate');
  });

  it('asks 4 to 6 discussion questions from the trial’s real tensions, in full sentences', async () => {
    const s = slide(await deck(), 'Questions for discussion');
    const questions = s.split('\n').filter((l) => l.startsWith('- '));
    expect(questions.length).toBeGreaterThanOrEqual(4);
    expect(questions.length).toBeLessThanOrEqual(6);
    // Power assumed vs found, a harm signal whose CI touches no effect, a subgroup, blinding, competing events.
    expect(s).toMatch(/powered for sHR 1\.75 .* but found sHR 1\.02 \(95% CI 0\.74 to 1\.39\)/);
    expect(s).toMatch(/RR 2\.06 \(95% CI 0\.97 to 4\.37\): the interval only just includes no difference/);
    expect(s).toMatch(/myocarditis sHR 2\.16; 95% CI 0\.97 to 4\.80/);
    expect(s).toMatch(/threat to blinding/);
    expect(s).toMatch(/Cardiac transplant by day 30 is a clinical decision that counts against the primary outcome/);
    expect(s).not.toMatch(/…/);
  });

  it('"Words vs numbers" quotes the arrhythmia and "identical" statements beside their CIs', async () => {
    const all = (await deck()).filter((x) => x.includes('## Words vs numbers')).join('\n');
    expect(all).toMatch(/\| Primary outcome was identical between groups: .* \| Successful VA-ECMO weaning .*sHR 1\.02 \(95% CI 0\.74 to 1\.39\).* \| Sameness claimed, no equivalence margin \|/);
    expect(all).toMatch(/\| Levosimendan increased ventricular arrhythmias \(17\.8% vs 8\.7%\).* \| Ventricular arrhythmia .*RR 2\.06 \(95% CI 0\.97 to 4\.37\).* \| Difference claimed, CI includes no effect \|/);
  });

  it('adds the audit slide only when asked (LEVOECMO has no material mismatch), with both values', async () => {
    expect(slide(await deck(), 'Are the numbers consistent?')).toBe('');
    const s = slide(await deck(true), 'Are the numbers consistent?');
    const all = (await deck(true)).filter((x) => x.includes('## Are the numbers consistent?')).join('\n');
    expect(all).toMatch(/Suspected adverse drug event leading to treatment cessation\*\* · RR vs counts \(Katz\): reported 3\.09 \(95% CI 1\.07 to 8\.93\), recomputed 3\.09 \(95% CI 1\.03 to 9\.26\)/);
    expect(s).not.toBe('');
  });
});
