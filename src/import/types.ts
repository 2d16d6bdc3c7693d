// Input-side types for what the importer builds. They are the zod *input*
// types, so the importer can leave defaults out and the YAML stays short.
import type { z } from 'zod';
import type { effectSchema, outcomeSchema, pValueSchema, quantitySchema } from '../trial/schema.js';

export type QuantityInput = z.input<typeof quantitySchema>;
export type EffectInput = z.input<typeof effectSchema>;
export type OutcomeInput = z.input<typeof outcomeSchema>;
export type PValueInput = z.input<typeof pValueSchema>;
export type CiInput = NonNullable<EffectInput['ci']>;

/** A bullet as the importer writes it: a plain string unless it cites references. */
export type BulletInput = string | { text: string; refs: number[] };

/** One line of the summary, with its 1-based line number for messages. */
export interface SourceLine {
  text: string;
  line: number;
}

/** Where a warning or problem points: a line of the summary and/or a path in the trial data. */
export interface Where {
  line?: number;
  path?: string;
}
