// The trial model. This zod schema is the single source of truth: the
// TypeScript types are inferred from it and schema/trial.schema.json is
// generated from it (test/trial/json-schema.test.ts keeps them in sync).
import { z } from 'zod';
import { contextTrialsSchema } from './context-schema.js';
import {
  armIdSchema,
  clusterSchema,
  comparisonSchema,
  crossoverSchema,
  designTypeSchema,
  factorialSchema,
  hypothesisSchema,
  mcidSchema,
  populationSchema,
} from './design-schema.js';

const text = z.string().min(1, 'expected a non-empty string');

/**
 * Size limits, so hostile input fails fast and names the field. Real trials
 * have 2–6 arms, under 60 outcomes and under 100 references. Every list
 * becomes slides, and Marp's slide split is quadratic: 10 000 references
 * (864 slides) took 20 s, 10 000 outcomes a minute and a 25 MB deck.
 */
export const MAX_OUTCOMES = 200;
export const MAX_ARMS = 12;
export const MAX_LIST_ITEMS = 500;
const LIST_LIMIT = `expected at most ${MAX_LIST_ITEMS} items`;
const WHOLE = 'expected a whole number ≥ 0';
const nonNegInt = z.number({ error: WHOLE }).int(WHOLE).min(0, WHOLE);
const PCT = 'expected a percentage between 0 and 100';
const percent = z.number({ error: PCT }).min(0, PCT).max(100, PCT);

/** Reference numbers into `bibliography[].n`. */
const refs = z.array(z.number().int().min(1)).max(MAX_LIST_ITEMS, LIST_LIMIT).optional();

/**
 * A bullet is a sentence plus the references it cites. Hand-written YAML may
 * give a plain string; the importer moves glued citation digits into `refs`.
 */
export const bulletSchema = z.union([text, z.strictObject({ text, refs })]).transform((b) =>
  typeof b === 'string' ? { text: b } : b,
);

const bullets = z.array(bulletSchema).max(MAX_LIST_ITEMS, LIST_LIMIT).default([]);

// ── Quantities: what one arm's cell in the results table says ──────────────

/** `text` keeps the cell exactly as the paper printed it, so slides can quote it. */
const cellText = z.string().optional();

export const QUANTITY_KINDS = ['events', 'count', 'percent', 'median', 'mean', 'text'] as const;
export type QuantityKind = (typeof QUANTITY_KINDS)[number];

export const quantitySchema = z.discriminatedUnion('kind', [
  /** `69/101 (68.3%)` */
  z.strictObject({
    kind: z.literal('events'),
    events: nonNegInt.describe('Patients with the event in this arm (the 69 of 69/101).'),
    total: nonNegInt.min(1, 'expected a whole number ≥ 1').describe('Patients analysed in this arm (the 101 of 69/101).'),
    percent: percent.optional().describe('The percentage as printed (68.3).'),
    text: cellText.describe('The cell exactly as the paper printed it.'),
  }),
  /** `1047 (86.4%)`: a count with a percentage but no denominator. */
  z.strictObject({ kind: z.literal('count'), count: nonNegInt.describe('The number printed, without a denominator.'), percent: percent.optional(), text: cellText }),
  /** `12.5%` alone. */
  z.strictObject({ kind: z.literal('percent'), percent, text: cellText }),
  /** `Median 5 (IQR 4–7)` */
  z.strictObject({
    kind: z.literal('median'),
    median: z.number().describe('The median, in the outcome\'s unit.'),
    iqr: z.tuple([z.number(), z.number()]).optional(),
    unit: z.string().optional(),
    text: cellText,
  }),
  /** A mean or a change with a unit: `−14.9%`, `−15.3 kg`, `Mean 4.2 (SD 1.1)`. */
  z.strictObject({
    kind: z.literal('mean'),
    mean: z.number().describe('The mean or the mean change, in the outcome\'s unit.'),
    sd: z.number().min(0).optional().describe('Standard deviation.'),
    unit: z.string().optional(),
    text: cellText,
  }),
  /** Nothing parsed: the cell is shown as written. */
  z.strictObject({ kind: z.literal('text'), text }),
]);

// ── Effects ────────────────────────────────────────────────────────────────

export const EFFECT_MEASURES = {
  RR: 'risk ratio',
  OR: 'odds ratio',
  HR: 'hazard ratio',
  sHR: 'subdistribution hazard ratio',
  RD: 'risk difference',
  MD: 'mean difference',
  MedD: 'median difference',
  RMD: 'restricted mean difference',
  other: 'other',
} as const;
export type EffectMeasure = keyof typeof EFFECT_MEASURES;
export const RATIO_MEASURES: readonly EffectMeasure[] = ['RR', 'OR', 'HR', 'sHR'];
export function isEffectMeasure(v: unknown): v is EffectMeasure {
  return typeof v === 'string' && Object.hasOwn(EFFECT_MEASURES, v);
}
export function isRatioMeasure(m: EffectMeasure): boolean {
  return RATIO_MEASURES.includes(m);
}

export const P_OPERATORS = ['=', '<', '≤', '>', '≥'] as const;

const measureSchema = z.enum(Object.keys(EFFECT_MEASURES) as [EffectMeasure, ...EffectMeasure[]]);

/**
 * A non-inferiority or equivalence margin on the effect's own scale: a ratio
 * (1.46: the upper CI bound must stay below 1.46 when lower is better) or a
 * difference in the outcome's unit (on the benefit side's opposite: the
 * worst loss of benefit accepted, given as a positive number). Equivalence
 * margins are symmetrical: 1.25 ⇔ 0.80–1.25 for a ratio, ±value for a difference.
 */
export const marginSchema = z.strictObject({
  value: z.number({ error: 'expected a number' }),
  measure: measureSchema.optional().describe('The measure the margin is on; by default the effect\'s own.'),
  text: z.string().optional().describe('As printed: "upper bound of the 95% CI below 1.46".'),
});

export const pValueSchema = z.strictObject({
  op: z.enum(P_OPERATORS).default('='),
  value: z.number().min(0, 'expected a p value between 0 and 1').max(1, 'expected a p value between 0 and 1'),
  text: cellText,
});

export const effectSchema = z.strictObject({
  reported: z.boolean().default(true).describe('false when the paper says "Not reported": the other fields are then absent.'),
  measure: measureSchema.default('other').describe('RR risk ratio, OR odds ratio, HR hazard ratio, sHR subdistribution hazard ratio, RD risk difference, MD mean difference, MedD median difference, RMD restricted mean difference.'),
  label: z.string().optional().describe('Free label when `measure` is `other`, or the paper\'s own wording.'),
  estimate: z.number().optional().describe('The point estimate, e.g. 1.02 for sHR 1.02.'),
  unit: z.string().optional().describe('Unit of the estimate for differences: `%` (percentage points), `days`, `kg`…'),
  ci: z
    .strictObject({
      lower: z.number(),
      upper: z.number(),
      level: z.number().gt(0).lt(1).default(0.95),
      sided: z.union([z.literal(1), z.literal(2)]).optional().describe('Registries say whether an interval is one- or two-sided; a one-sided 95% bound is not a two-sided 95% CI.'),
    })
    .optional(),
  p: pValueSchema.optional(),
  text: cellText.describe('The effect cell as printed.'),
  ciText: cellText.describe('The "p value / 95% CI" cell as printed.'),
  comparison: comparisonSchema.optional().describe('Which arms this effect compares. Default: the non-control arm vs `design.controlArm` (two-arm trials).'),
  population: populationSchema.optional().describe('The analysis population of this result: ITT, mITT, per-protocol, on-treatment, as-treated.'),
});

export const OUTCOME_ROLES = ['primary', 'secondary', 'competing', 'safety', 'other'] as const;
export type OutcomeRole = (typeof OUTCOME_ROLES)[number];

/** Which direction of the outcome is good for the patient: more weaning is good, more death is bad. */
export const BENEFIT_DIRECTIONS = ['higher', 'lower'] as const;
export type BenefitDirection = (typeof BENEFIT_DIRECTIONS)[number];

export const outcomeSchema = z.strictObject({
  name: text.describe('The outcome as the results table names it.'),
  role: z.enum(OUTCOME_ROLES).default('secondary').describe('primary, secondary, competing (a competing risk), safety or other.'),
  benefit: z.enum(BENEFIT_DIRECTIONS).optional().describe('Which direction is good for the patient: higher (weaning, survival) or lower (death, bleeding).'),
  definition: z.string().optional().describe('How the outcome was defined, e.g. what counted as a successful weaning (shown on the design slide).'),
  hypothesis: hypothesisSchema.optional().describe('Overrides `design.hypothesis` for this outcome (e.g. a non-inferiority primary, superiority secondaries).'),
  margin: marginSchema.optional().describe('Non-inferiority / equivalence margin on the effect\'s scale.'),
  unit: z.string().optional().describe('Unit of a continuous outcome: "kg", "points", "mmHg".'),
  mcid: mcidSchema.optional().describe('Minimal clinically important difference of a continuous outcome, in `unit`.'),
  arms: z.record(z.string(), quantitySchema).describe('One quantity per arm id.'),
  effect: effectSchema.optional(),
  otherEffects: z.array(effectSchema).max(MAX_LIST_ITEMS, LIST_LIMIT).default([]).describe('Further effects found in the notes, e.g. "Risk difference 0.0% (95% CI −12.8% to 12.7%)".'),
  notes: z.string().optional(),
});

// ── Design and context ─────────────────────────────────────────────────────

const armSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected an id of lowercase letters, digits and dashes').describe('Key used in `results[].arms`. Lowercase letters, digits and dashes.'),
  label: text.describe('The arm as the slides name it, e.g. "Levosimendan".'),
  randomised: nonNegInt.optional().describe('Patients randomised to this arm.'),
  analysed: nonNegInt.optional().describe('Patients analysed in this arm.'),
});

const treatmentSchema = z.strictObject({ name: text, details: bullets });

const statisticsSchema = z.strictObject({
  text: z.string().optional(),
  plannedSampleSize: nonNegInt.optional(),
  /** The effect the trial was powered for, e.g. sHR 1.75. */
  targetEffect: z
    .strictObject({ measure: measureSchema, value: z.number(), text: z.string().optional() })
    .optional(),
  power: z.number().gt(0).lt(1).optional(),
  alpha: z.number().gt(0).lt(1).optional(),
  analysis: z.string().optional(),
});

const designSchema = z.strictObject({
  question: z.string().optional(),
  studyType: z.string().optional(),
  setting: z.string().optional(),
  population: z
    .strictObject({ inclusion: bullets, exclusions: bullets, consent: z.string().optional() })
    .default({ inclusion: [], exclusions: [] }),
  intervention: treatmentSchema.describe('What the intervention arm received.'),
  comparator: treatmentSchema.describe('What the control arm received.'),
  blinding: z.string().optional(),
  randomisation: z.string().optional(),
  statistics: statisticsSchema.default({}),
  followUp: z.string().optional(),
  controlArm: armIdSchema.optional().describe('Arm id of the control. Default: the second arm of a two-arm trial; with more arms, the placebo/control/usual-care arm.'),
  type: designTypeSchema.optional().describe('parallel (default), factorial, cluster or crossover.'),
  cluster: clusterSchema.optional(),
  crossover: crossoverSchema.optional(),
  factorial: factorialSchema.optional(),
  hypothesis: hypothesisSchema.optional().describe('The trial\'s hypothesis (default superiority); `results[].hypothesis` overrides it per outcome.'),
});

const validityItem = z.strictObject({ aspect: text, text, refs });
const validitySchema = z
  .strictObject({ items: z.array(validityItem).max(MAX_LIST_ITEMS, LIST_LIMIT).default([]), conclusion: z.string().optional() })
  .default({ items: [] });

// ── Appraisal judgements (optional, entered by the presenter) ─────────────

export const ROB2_DOMAINS = {
  randomisation: 'Randomisation process',
  deviations: 'Deviations from intended interventions',
  missingData: 'Missing outcome data',
  measurement: 'Measurement of the outcome',
  reporting: 'Selection of the reported result',
} as const;
export type Rob2Domain = keyof typeof ROB2_DOMAINS;
export const ROB2_JUDGEMENTS = ['low', 'some concerns', 'high', 'not assessed'] as const;
export type Rob2Judgement = (typeof ROB2_JUDGEMENTS)[number];

const rob2Entry = z.strictObject({
  judgement: z.enum(ROB2_JUDGEMENTS).default('not assessed'),
  support: z.string().optional().describe('Why: usually the matching Internal Validity item.'),
  source: z.enum(['user', 'inferred']).default('user').describe('`inferred` when the importer guessed the judgement from the summary\'s wording.'),
});

const rob2Schema = z
  .strictObject({
    randomisation: rob2Entry.optional(),
    deviations: rob2Entry.optional(),
    missingData: rob2Entry.optional(),
    measurement: rob2Entry.optional(),
    reporting: rob2Entry.optional(),
    overall: z.enum(ROB2_JUDGEMENTS).optional(),
  })
  .optional();

/**
 * Baseline characteristics as the registry posts them (owner: importers):
 * one row per measure, class or category, cells already formatted, keyed by arm id.
 */
const baselineSchema = z
  .strictObject({
    rows: z
      .array(
        z.strictObject({
          name: text,
          group: z.string().optional().describe('The measure a category row belongs to, e.g. "Sex" for the row "Female".'),
          arms: z.record(z.string(), z.string()),
          total: z.string().optional(),
        }),
      )
      .max(MAX_LIST_ITEMS, LIST_LIMIT),
    note: z.string().optional(),
  })
  .optional();

export const GRADE_LEVELS = ['high', 'moderate', 'low', 'very low'] as const;

export const trialSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and dashes').max(64).optional().describe('Output folder name; defaults to the acronym slugified.'),
  publication: z.strictObject({
    title: text.describe('The article\'s full title.'),
    acronym: text.describe('The trial\'s short name, e.g. LEVOECMO: the title slide\'s heading.'),
    year: z.number().int().min(1900).max(2100).describe('Year of publication.'),
    journal: text.describe('The journal, e.g. JAMA.'),
    citation: text.describe('The full reference as the bibliography prints it.'),
    doi: z.string().optional().describe('The article\'s DOI, e.g. 10.1001/jama.2025.1234.'),
    url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' }).optional(),
    registration: z.string().optional().describe('Trial registration, e.g. "ClinicalTrials.gov NCT04280705" (importers).'),
    funding: z.string().optional().describe('Sponsor and collaborators as the registry lists them (importers).'),
  }),
  context: z
    .strictObject({
      background: bullets.describe('What was known before the trial: one bullet per point.'),
      question: z.string().optional().describe('The question the trial asks.'),
      hypothesis: z.string().optional().describe('What the investigators expected.'),
      whyItMatters: bullets.describe('Why the answer matters to patients and clinicians.'),
      trials: contextTrialsSchema.describe('Related trials for "Where this trial sits" (src/trial/context-schema.ts).'),
    })
    .default({ background: [], whyItMatters: [], trials: [] }),
  design: designSchema,
  arms: z
    .array(armSchema)
    .min(2, 'expected at least two arms')
    .max(MAX_ARMS, `expected at most ${MAX_ARMS} arms`)
    .describe('The randomised arms; their ids key each results row\'s arms. Effects compare `results[].effect.comparison`; by default the non-control arm with `design.controlArm`.'),
  enrolment: z.strictObject({ enrolled: nonNegInt.optional(), stoppedEarly: z.boolean().optional() }).default({}),
  resultsIntro: z.string().optional().describe('The paragraph above the results table.'),
  results: z
    .array(outcomeSchema)
    .min(1, 'expected at least one outcome')
    .max(MAX_OUTCOMES, `expected at most ${MAX_OUTCOMES} outcomes`)
    .describe('One row per outcome of the results table: the primary first.'),
  resultsSummary: bullets.describe('The bullets below the results table.'),
  internalValidity: validitySchema,
  externalValidity: validitySchema,
  strengths: bullets.describe('What the trial did well.'),
  limitations: bullets.describe('What limits the trial\'s conclusions.'),
  interpretation: z.array(z.strictObject({ heading: text, bullets })).max(MAX_LIST_ITEMS, LIST_LIMIT).default([]),
  controversies: bullets,
  summary: bullets,
  takeaway: z.string().optional().describe('The one sentence the audience should remember.'),
  overallSummary: bullets,
  bibliography: z.array(z.strictObject({ n: z.number().int().min(1), text })).max(MAX_LIST_ITEMS, LIST_LIMIT).default([]),
  baseline: baselineSchema,
  /**
   * Where each imported field came from, by path: `{ 'publication.citation': 'pubmed:22663011',
   * results: 'ctgov:NCT04280705' }`. The most specific path that matches a field applies.
   */
  sources: z.record(z.string(), z.string()).optional(),
  rob2: rob2Schema.describe('Cochrane RoB 2 for the primary outcome.'),
  grade: z.strictObject({ certainty: z.enum(GRADE_LEVELS), reasons: z.string().optional() }).optional().describe('GRADE certainty of the evidence for the primary outcome.'),
  /** Settings for the evidence engine. */
  evidence: z
    .strictObject({
      mcid: z.number().gt(0).optional().describe('Minimal clinically important difference as a ratio, for the Bayesian slide (default: the design\'s target effect).'),
      auditSlide: z.boolean().optional().describe('Always add the "Are the numbers consistent?" slide, not only when a mismatch is material.'),
    })
    .optional(),
});

export type TrialInput = z.input<typeof trialSchema>;
export type Trial = z.output<typeof trialSchema>;
export type Outcome = Trial['results'][number];
export type Quantity = z.output<typeof quantitySchema>;
export type Effect = z.output<typeof effectSchema>;
export type Bullet = z.output<typeof bulletSchema>;
export type Arm = Trial['arms'][number];
export type Baseline = NonNullable<Trial['baseline']>;
export type Design = Trial['design'];
export type { Comparison, AnalysisPopulation, DesignType, Hypothesis } from './design-schema.js';
export type Margin = z.output<typeof marginSchema>;
export type Mcid = z.output<typeof mcidSchema>;
