// Test trials with real published numbers: LEVOECMO (JAMA 2026; the seed
// summary in /work/shared/seed) and DAPA-HF (McMurray et al, NEJM 2019).
import { trialSchema, type Trial, type TrialInput } from '../../src/trial/schema.js';

const ev = (events: number, total: number, percent: number) => ({ kind: 'events' as const, events, total, percent });
const med = (median: number, lo: number, hi: number) => ({ kind: 'median' as const, median, iqr: [lo, hi] as [number, number] });
const ci = (lower: number, upper: number) => ({ lower, upper });

export const LEVOECMO_INPUT: TrialInput = {
  publication: {
    title: 'Levosimendan to Facilitate Weaning From Extracorporeal Membrane Oxygenation in Patients With Severe Cardiogenic Shock: The LEVOECMO Randomized Clinical Trial',
    acronym: 'LEVOECMO',
    year: 2026,
    journal: 'JAMA',
    citation: 'Combes A, Saura O, Nesseler N, et al. JAMA. 2026;335(1):60-69.',
  },
  design: {
    intervention: { name: 'Levosimendan continuous infusion for 24 hours without bolus' },
    comparator: { name: 'Placebo continuous infusion for 24 hours without bolus' },
    statistics: { plannedSampleSize: 206, targetEffect: { measure: 'sHR', value: 1.75 }, power: 0.8, alpha: 0.05 },
  },
  arms: [
    { id: 'levosimendan', label: 'Levosimendan', randomised: 101, analysed: 101 },
    { id: 'placebo', label: 'Placebo', randomised: 104, analysed: 104 },
  ],
  enrolment: { enrolled: 205, stoppedEarly: false },
  results: [
    {
      name: 'Successful VA-ECMO weaning within 30 days (primary; competing risk)', role: 'primary', benefit: 'higher',
      arms: { levosimendan: ev(69, 101, 68.3), placebo: ev(71, 104, 68.3) },
      effect: { measure: 'sHR', estimate: 1.02, ci: ci(0.74, 1.39), p: { value: 0.92 } },
      otherEffects: [{ measure: 'RD', estimate: 0.0, unit: '%', ci: ci(-12.8, 12.7) }],
    },
    {
      name: 'Death before VA-ECMO weaning (competing event)', role: 'competing', benefit: 'lower',
      arms: { levosimendan: ev(15, 101, 14.9), placebo: ev(12, 104, 11.5) },
      effect: { measure: 'sHR', estimate: 1.32, ci: ci(0.62, 2.79), p: { value: 0.47 } },
    },
    {
      name: 'VA-ECMO weaning failure (competing event)', role: 'competing', benefit: 'lower',
      arms: { levosimendan: ev(15, 101, 14.9), placebo: ev(21, 104, 20.2) },
      effect: { measure: 'sHR', estimate: 0.72, ci: ci(0.37, 1.38), p: { value: 0.32 } },
    },
    {
      name: 'All-cause mortality at day 30', benefit: 'lower',
      arms: { levosimendan: ev(26, 101, 25.7), placebo: ev(23, 104, 22.1) },
      effect: { measure: 'RR', estimate: 1.16, ci: ci(0.71, 1.9) },
    },
    {
      name: 'All-cause mortality at day 60', benefit: 'lower',
      arms: { levosimendan: ev(28, 101, 27.7), placebo: ev(26, 104, 25.0) },
      effect: { measure: 'RR', estimate: 1.11, ci: ci(0.7, 1.75), p: { value: 0.78 } },
    },
    {
      name: 'Duration of VA-ECMO support (days) up to day 30', benefit: 'lower',
      arms: { levosimendan: med(5, 4, 7), placebo: med(6, 4, 11) },
      effect: { measure: 'MedD', estimate: -1, unit: 'days', ci: ci(-2, 1), p: { value: 0.53 } },
    },
    {
      name: 'Days alive without VA-ECMO by day 30', benefit: 'higher',
      arms: { levosimendan: med(14, 0, 20), placebo: med(13, 0, 19) },
      effect: { measure: 'MedD', estimate: 1, unit: 'days', ci: ci(-1, 5) },
    },
    {
      name: 'ICU length of stay (days) up to day 60', benefit: 'lower',
      arms: { levosimendan: med(23, 12, 39), placebo: med(24, 14, 39) },
      effect: { measure: 'MD', estimate: -1, unit: 'days', ci: ci(-5, 3), p: { value: 0.42 } },
    },
    {
      name: 'Hospital length of stay (days) up to day 60', benefit: 'lower',
      arms: { levosimendan: med(28, 18, 48), placebo: med(35, 22, 56) },
      effect: { measure: 'MD', estimate: -7, unit: 'days', ci: ci(-12, -2) },
    },
    {
      name: 'Organ failure–free days by day 30', benefit: 'higher',
      arms: { levosimendan: med(12, 0, 18), placebo: med(14, 0, 19) },
      effect: { measure: 'MedD', estimate: -2, unit: 'days', ci: ci(-10, 4) },
    },
    {
      name: 'Kidney replacement therapy by day 30', benefit: 'lower',
      arms: { levosimendan: ev(29, 101, 28.7), placebo: ev(38, 104, 36.5) },
      effect: { measure: 'RR', estimate: 0.79, ci: ci(0.53, 1.17) },
    },
    {
      name: 'Major adverse cardiovascular events by day 60', benefit: 'lower',
      arms: { levosimendan: ev(36, 101, 35.6), placebo: ev(39, 104, 37.5) },
      effect: { measure: 'RR', estimate: 0.95, ci: ci(0.65, 1.4) },
    },
    {
      name: 'Cardiac transplant by day 30',
      arms: { levosimendan: ev(0, 101, 0.0), placebo: ev(5, 104, 4.8) },
      effect: { measure: 'RD', estimate: -4.8, unit: '%', ci: ci(-9.6, -1.0) },
    },
    {
      name: 'Ventricular arrhythmia (VF/VT/torsades) during study drug exposure', role: 'safety', benefit: 'lower',
      arms: { levosimendan: ev(18, 101, 17.8), placebo: ev(9, 104, 8.7) },
      effect: { measure: 'RR', estimate: 2.06, ci: ci(0.97, 4.37) },
    },
    {
      name: 'Suspected adverse drug event leading to treatment cessation', role: 'safety', benefit: 'lower',
      arms: { levosimendan: ev(12, 101, 11.9), placebo: ev(4, 104, 3.8) },
      effect: { measure: 'RR', estimate: 3.09, ci: ci(1.07, 8.93) },
    },
  ],
};

/** DAPA-HF: dapagliflozin vs placebo in HFrEF (McMurray JJV et al. N Engl J Med 2019;381:1995-2008). */
export const DAPA_HF_INPUT: TrialInput = {
  publication: {
    title: 'Dapagliflozin in Patients with Heart Failure and Reduced Ejection Fraction',
    acronym: 'DAPA-HF',
    year: 2019,
    journal: 'N Engl J Med',
    citation: 'McMurray JJV, Solomon SD, Inzucchi SE, et al. N Engl J Med. 2019;381(21):1995-2008.',
  },
  design: {
    intervention: { name: 'Dapagliflozin 10 mg once daily' },
    comparator: { name: 'Placebo' },
  },
  arms: [
    { id: 'dapagliflozin', label: 'Dapagliflozin', randomised: 2373, analysed: 2373 },
    { id: 'placebo', label: 'Placebo', randomised: 2371, analysed: 2371 },
  ],
  enrolment: { enrolled: 4744 },
  results: [
    {
      name: 'Worsening heart failure or cardiovascular death (primary composite)', role: 'primary', benefit: 'lower',
      arms: { dapagliflozin: ev(386, 2373, 16.3), placebo: ev(502, 2371, 21.2) },
      effect: { measure: 'HR', estimate: 0.74, ci: ci(0.65, 0.85), p: { op: '<', value: 0.001 } },
    },
    {
      name: 'Cardiovascular death or hospitalisation for heart failure', benefit: 'lower',
      arms: { dapagliflozin: ev(382, 2373, 16.1), placebo: ev(495, 2371, 20.9) },
      effect: { measure: 'HR', estimate: 0.75, ci: ci(0.65, 0.85) },
    },
    {
      name: 'Worsening heart failure event', benefit: 'lower',
      arms: { dapagliflozin: ev(237, 2373, 10.0), placebo: ev(326, 2371, 13.7) },
      effect: { measure: 'HR', estimate: 0.7, ci: ci(0.59, 0.83) },
    },
    {
      name: 'Cardiovascular death', benefit: 'lower',
      arms: { dapagliflozin: ev(227, 2373, 9.6), placebo: ev(273, 2371, 11.5) },
      effect: { measure: 'HR', estimate: 0.82, ci: ci(0.69, 0.98) },
    },
    {
      name: 'Death from any cause', benefit: 'lower',
      arms: { dapagliflozin: ev(276, 2373, 11.6), placebo: ev(329, 2371, 13.9) },
      effect: { measure: 'HR', estimate: 0.83, ci: ci(0.71, 0.97) },
    },
  ],
};

/** DAPA-HF's KCCQ responder analysis: an OR where higher is better. */
export const KCCQ_RESPONDER = {
  name: 'KCCQ total symptom score improved by ≥5 points at 8 months',
  benefit: 'higher' as const,
  arms: { dapagliflozin: { kind: 'percent' as const, percent: 58.3 }, placebo: { kind: 'percent' as const, percent: 50.9 } },
  effect: { measure: 'OR' as const, estimate: 1.15, ci: ci(1.08, 1.23) },
};

/**
 * RE-LY: dabigatran 110 mg and 150 mg twice daily, each vs open-label warfarin
 * (Connolly SJ et al. N Engl J Med 2009;361:1139-51): three arms, each dose
 * compared with warfarin, non-inferiority margin RR 1.46 for the primary.
 * Rates are per year, as the paper reports them.
 */
export const RELY_INPUT: TrialInput = {
  publication: {
    title: 'Dabigatran versus Warfarin in Patients with Atrial Fibrillation',
    acronym: 'RE-LY',
    year: 2009,
    journal: 'N Engl J Med',
    citation: 'Connolly SJ, Ezekowitz MD, Yusuf S, et al. N Engl J Med. 2009;361(12):1139-1151.',
  },
  design: {
    intervention: { name: 'Dabigatran 110 mg or 150 mg twice daily (blinded doses)' },
    comparator: { name: 'Warfarin adjusted to INR 2.0-3.0 (open label)' },
    controlArm: 'warfarin',
    hypothesis: 'non-inferiority',
  },
  arms: [
    { id: 'dabigatran-110', label: 'Dabigatran 110 mg', randomised: 6015 },
    { id: 'dabigatran-150', label: 'Dabigatran 150 mg', randomised: 6076 },
    { id: 'warfarin', label: 'Warfarin', randomised: 6022 },
  ],
  enrolment: { enrolled: 18113 },
  results: [
    {
      name: 'Stroke or systemic embolism', role: 'primary', benefit: 'lower',
      margin: { value: 1.46, text: 'upper bound of the 95% CI of the relative risk below 1.46' },
      arms: {
        'dabigatran-110': { kind: 'percent', percent: 1.53 },
        'dabigatran-150': { kind: 'percent', percent: 1.11 },
        warfarin: { kind: 'percent', percent: 1.69 },
      },
      effect: { measure: 'RR', estimate: 0.91, ci: ci(0.74, 1.11), comparison: { arm: 'dabigatran-110', vs: 'warfarin' } },
      otherEffects: [{ measure: 'RR', estimate: 0.66, ci: ci(0.53, 0.82), comparison: { arm: 'dabigatran-150', vs: 'warfarin' } }],
    },
    {
      name: 'Major bleeding', role: 'safety', benefit: 'lower',
      arms: {
        'dabigatran-110': { kind: 'percent', percent: 2.71 },
        'dabigatran-150': { kind: 'percent', percent: 3.11 },
        warfarin: { kind: 'percent', percent: 3.36 },
      },
      effect: { measure: 'RR', estimate: 0.8, ci: ci(0.69, 0.93), comparison: { arm: 'dabigatran-110', vs: 'warfarin' } },
      otherEffects: [{ measure: 'RR', estimate: 0.93, ci: ci(0.81, 1.07), comparison: { arm: 'dabigatran-150', vs: 'warfarin' } }],
    },
  ],
};

export const levoecmo = (): Trial => trialSchema.parse(LEVOECMO_INPUT);
export const rely = (): Trial => trialSchema.parse(RELY_INPUT);
export const dapaHf = (): Trial => trialSchema.parse(DAPA_HF_INPUT);
