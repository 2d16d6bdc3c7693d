// `context.trials`: the related trials a presenter puts beside this one on
// "Where this trial sits". Its own file because schema.ts imports it (and
// must not be imported back: zod schemas are built at module load).
//
// Each entry names the outcome of THIS trial it is compared with (`outcome`,
// matched against `results[].name`), the ratio measure, and its numbers:
// either estimate + CI, or per-arm event counts (RR and OR only). Or it points
// at another trial file in the same data folder (`file:`), whose numbers the
// loader reads (src/trial/context-files.ts).
import { z } from 'zod';
import { memberOf } from '../member-of.js';

/** Only ratio measures pool on the log scale; differences would need their own model. */
export const CONTEXT_MEASURES = ['RR', 'OR', 'HR', 'sHR'] as const;
export type ContextMeasure = (typeof CONTEXT_MEASURES)[number];
export const isContextMeasure: (v: unknown) => v is ContextMeasure = memberOf(CONTEXT_MEASURES);

/** Measures that per-arm counts give directly (a hazard ratio needs the time to each event). */
export const COUNT_MEASURES: readonly ContextMeasure[] = ['RR', 'OR'];

export const MAX_CONTEXT_TRIALS = 100;

const WHOLE = 'expected a whole number ≥ 0';
const whole = z.number({ error: WHOLE }).int(WHOLE).min(0, WHOLE);
const POSITIVE = 'expected a ratio greater than 0';
const ratio = z.number({ error: POSITIVE }).gt(0, POSITIVE);
const armCounts = z.strictObject({ events: whole, total: whole.min(1, 'expected a whole number ≥ 1') });

export const contextTrialSchema = z
  .strictObject({
    file: z.string().min(1).optional().describe('Another trial file in the same data folder, e.g. `eolia.yaml`; its numbers fill what is left out here.'),
    fileOutcome: z.string().min(1).optional().describe('The outcome\'s name in `file`, when it differs from `outcome`.'),
    name: z.string().min(1).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    design: z.string().optional().describe('In a phrase: "RCT, double-blind", "propensity-matched cohort".'),
    n: whole.optional().describe('Patients randomised (or analysed).'),
    population: z.string().optional().describe('In a phrase: "HFrEF, EF ≤ 40%".'),
    outcome: z.string().min(1, 'expected a non-empty string').describe('The outcome of THIS trial it is compared with: a `results[].name` (a trailing "(primary…)" remark may be left out).'),
    definition: z.string().optional().describe('How the other trial defined or worded the outcome, when it differs.'),
    measure: z.enum(CONTEXT_MEASURES, { error: `expected one of ${CONTEXT_MEASURES.join(', ')}` }).optional(),
    estimate: ratio.optional(),
    ci: z.strictObject({ lower: ratio, upper: ratio, level: z.number().gt(0).lt(1).default(0.95) }).optional(),
    counts: z.strictObject({ experimental: armCounts, control: armCounts }).optional().describe('Events per arm: `experimental` is the arm like this trial\'s first arm, `control` like its comparator.'),
    ref: z.number().int().min(1).optional().describe('Reference number in `bibliography[].n`.'),
    exclude: z.string().min(1).optional().describe('Why the presenter leaves it out of the pooled estimate (it is still shown and listed).'),
  })
  .superRefine((t, ctx) => {
    const need = (path: string, message: string): void => {
      ctx.addIssue({ code: 'custom', path: [path], message });
    };
    if (t.ci && !(t.ci.upper > t.ci.lower)) need('ci', 'expected upper > lower');
    if (t.ci && t.estimate !== undefined && !(t.estimate >= t.ci.lower && t.estimate <= t.ci.upper)) need('estimate', 'expected the estimate inside its CI');
    if (t.counts && t.measure && !COUNT_MEASURES.includes(t.measure)) need('counts', `counts give RR or OR, not ${t.measure}: give estimate and ci`);
    for (const arm of ['experimental', 'control'] as const) {
      const c = t.counts?.[arm];
      if (c && c.events > c.total) ctx.addIssue({ code: 'custom', path: ['counts', arm, 'events'], message: 'expected events ≤ total' });
    }
    if (t.fileOutcome && !t.file) need('fileOutcome', 'fileOutcome needs file');
    if (t.file) return; // the loader fills the rest from that file
    if (!t.name) need('name', 'expected a name (or file)');
    if (t.exclude) return; // listed with the presenter's reason, never pooled: no numbers needed
    if (t.year === undefined) need('year', 'expected a year (or file, or exclude)');
    if (!t.measure) need('measure', `expected one of ${CONTEXT_MEASURES.join(', ')} (or file, or exclude)`);
    if (!t.ci && !t.counts) need('ci', 'expected estimate and ci, or counts (or file, or exclude)');
    if (t.estimate !== undefined && !t.ci) need('ci', 'expected a CI with the estimate');
  });

export const contextTrialsSchema = z
  .array(contextTrialSchema)
  .max(MAX_CONTEXT_TRIALS, `expected at most ${MAX_CONTEXT_TRIALS} context trials`)
  .default([]);

export type ContextTrial = z.output<typeof contextTrialSchema>;
