// The parts of the model that say what a trial compares and how it is read:
// design type (parallel, factorial, cluster, crossover), hypothesis and
// margin, each effect's comparison and analysis population, and what a
// continuous outcome needs (unit, MCID). Every field is optional, and leaving
// one out keeps the two-arm superiority meaning that existing files have.
import { z } from 'zod';
import { memberOf } from '../member-of.js';

/** Arm ids: lowercase letters, digits and dashes (the same rule as `arms[].id`). */
export const ARM_ID = /^[a-z][a-z0-9-]*$/;
export const armIdSchema = z.string().regex(ARM_ID, 'expected an arm id of lowercase letters, digits and dashes');

export const DESIGN_TYPES = ['parallel', 'factorial', 'cluster', 'crossover'] as const;
export type DesignType = (typeof DESIGN_TYPES)[number];
export const isDesignType: (v: unknown) => v is DesignType = memberOf(DESIGN_TYPES);

export const HYPOTHESES = ['superiority', 'non-inferiority', 'equivalence'] as const;
export type Hypothesis = (typeof HYPOTHESES)[number];
export const isHypothesis: (v: unknown) => v is Hypothesis = memberOf(HYPOTHESES);

/** Analysis populations papers report; a non-inferiority verdict usually rests on per-protocol. */
export const POPULATIONS = ['ITT', 'mITT', 'per-protocol', 'on-treatment', 'as-treated'] as const;
export type AnalysisPopulation = (typeof POPULATIONS)[number];
export const isAnalysisPopulation: (v: unknown) => v is AnalysisPopulation = memberOf(POPULATIONS);

const POSITIVE = 'expected a number above 0';

/** Cluster-randomised trials: the unit of randomisation and the numbers a reader needs to judge precision. */
export const clusterSchema = z.strictObject({
  clusters: z.number().int('expected a whole number').min(1, 'expected at least 1 cluster').optional().describe('Number of clusters randomised (all arms).'),
  unit: z.string().optional().describe('What a cluster is: "general practices", "hospitals", "villages".'),
  icc: z.number().min(0, 'expected an ICC between 0 and 1').max(1, 'expected an ICC between 0 and 1').optional().describe('Intracluster correlation coefficient.'),
  designEffect: z.number().min(1, 'expected a design effect of at least 1').optional(),
  text: z.string().optional().describe('How the paper describes the clustering, as printed.'),
});

export const crossoverSchema = z.strictObject({
  washout: z.string().optional().describe('As printed: "2 weeks", "5 half-lives".'),
  periods: z.number().int('expected a whole number').min(2, 'expected at least 2 periods').optional(),
  carryOver: z.string().optional().describe('What the paper says about carry-over (a test, or why it was not expected).'),
});

/** A reported effect with only the fields an interaction needs. */
export const interactionSchema = z.strictObject({
  label: z.string().optional().describe('e.g. "ratio of hazard ratios", "p for interaction".'),
  estimate: z.number().optional(),
  ci: z.strictObject({ lower: z.number(), upper: z.number(), level: z.number().gt(0).lt(1).default(0.95) }).optional(),
  p: z.number().min(0, 'expected a p value between 0 and 1').max(1, 'expected a p value between 0 and 1').optional(),
  text: z.string().optional().describe('As printed.'),
});

export const factorialSchema = z.strictObject({
  /** Each factor and its levels, e.g. { name: aspirin, levels: [aspirin, placebo tablets] }. */
  factors: z
    .array(
      z.strictObject({
        name: z.string().min(1, 'expected a non-empty string'),
        levels: z.array(z.string().min(1)).min(2, 'expected at least two levels'),
        /**
         * Which arms (the factorial cells) receive each level, so a factor's
         * comparison pools them: { streptokinase: [sk-and-aspirin, sk-only], … }.
         */
        arms: z.record(z.string(), z.array(armIdSchema).min(1, 'expected at least one arm id')).optional(),
      }),
    )
    .min(1, 'expected at least one factor')
    .max(6, 'expected at most 6 factors'),
  interaction: interactionSchema.optional().describe('The interaction between the factors, when the paper reports it.'),
});

/**
 * What an effect compares: `arm` vs `vs`, both arm ids; in a factorial trial
 * with `factor`, they may be two levels of that factor (the pooled arms).
 * Whether the ids exist is checked against the trial (consistency-design.ts).
 */
export const comparisonSchema = z.strictObject({
  arm: z.string().min(1, 'expected an arm id'),
  vs: z.string().min(1, 'expected an arm id'),
  factor: z.string().optional().describe('Factorial trials: the factor this comparison belongs to (`design.factorial.factors[].name`).'),
});
export type Comparison = z.output<typeof comparisonSchema>;

/** A clinically important difference for a continuous outcome, in the outcome's unit. */
export const mcidSchema = z.strictObject({
  value: z.number().gt(0, POSITIVE),
  source: z.string().optional().describe('Where the number comes from: "the trial\'s sample-size calculation", "Jaeschke 1989".'),
});

export const hypothesisSchema = z.enum(HYPOTHESES);
export const populationSchema = z.enum(POPULATIONS);
export const designTypeSchema = z.enum(DESIGN_TYPES);
