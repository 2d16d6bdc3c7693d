// The example trials: each summary in test/fixtures/summaries/ and the YAML
// the importer makes of it in data/. A few values the importer cannot infer
// are set by hand; they are listed here so the equality test stays honest.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { TrialInput } from '../../src/trial/schema.js';
import { gilronEdits, isis2Edits, pegasusEdits, rocketAfEdits, smartEdits, surmountEdits } from './design-edits.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const summaryPath = (file: string): string => `${ROOT}test/fixtures/summaries/${file}`;
export const dataPath = (id: string): string => `${ROOT}data/${id}.yaml`;
export const readSummary = (file: string): string => readFileSync(summaryPath(file), 'utf8');

export interface Example {
  id: string;
  summary: string;
  /** Warnings the import is expected to give, as `code path`. */
  warnings: string[];
  /** Edits made by hand to data/<id>.yaml after importing (answers to the warnings). */
  handEdits?: (trial: TrialInput) => void;
  /** Where the hand edits are explained, named in a comment at the top of data/<id>.yaml. */
  editsListedIn?: string;
}

/** Event counts printed with rates per 100 patient-years (both arms of all 7 outcomes) and "P<0.001 for non-inferiority" are not read yet. */
/** A Controversies bullet citing other evidence without numbers the importer could pool (issue 17). */
const NOT_POOLED = (i: number): string => `SUMMARY_CONTEXT_NOT_READ controversies[${i}]`;

const ROCKET_AF_WARNINGS = Array.from({ length: 7 }, (_, i) => [
  `SUMMARY_NUMBER_UNREADABLE results[${i}].arms.rivaroxaban`,
  `SUMMARY_NUMBER_UNREADABLE results[${i}].arms.warfarin`,
  ...(i === 0 ? ['SUMMARY_EFFECT_UNREADABLE results[0].effect'] : []),
]).flat();

function designExample(id: string, summary: string, handEdits: (trial: TrialInput) => void, warnings: string[] = []): Example {
  return { id, summary, warnings, handEdits, editsListedIn: 'test/import/design-edits.ts' };
}

/**
 * `context.trials` of an example, as committed. The summaries' Controversies
 * name the other evidence without numbers to pool (the import warns); the
 * entries were written by hand from the cited publications, and
 * test/evidence/context.test.ts checks what they pool to.
 */
function handContext(id: string): (trial: TrialInput) => void {
  return (trial) => {
    const committed = parse(readFileSync(dataPath(id), 'utf8')) as TrialInput;
    trial.context = { ...trial.context, trials: committed.context?.trials };
    // ...and the references those entries cite that the summary's bibliography lacks.
    const have = new Set((trial.bibliography ?? []).map((b) => b.n));
    trial.bibliography = [...(trial.bibliography ?? []), ...(committed.bibliography ?? []).filter((b) => !have.has(b.n))];
  };
}

export const EXAMPLES: readonly Example[] = [
  { id: 'levoecmo', summary: 'LEVOECMO.txt', warnings: [NOT_POOLED(3), NOT_POOLED(4), NOT_POOLED(5)], handEdits: handContext('levoecmo') },
  { id: 'dapa-hf', summary: 'DAPA-HF.txt', warnings: [NOT_POOLED(0)], handEdits: handContext('dapa-hf') },
  {
    id: 'step-1',
    summary: 'STEP-1.txt',
    warnings: ['SUMMARY_BENEFIT_UNKNOWN results[0].benefit', 'SUMMARY_BENEFIT_UNKNOWN results[4].benefit'],
    handEdits: (trial) => {
      // Weight change: lower (more loss) is better in an obesity trial; the name alone cannot say so.
      for (const i of [0, 4]) {
        const outcome = trial.results[i];
        if (!outcome) continue;
        // Rebuilt so that benefit sits after role in the YAML, as the importer writes it.
        const { name, role, ...rest } = outcome;
        trial.results[i] = { name, ...(role === undefined ? {} : { role }), benefit: 'lower', ...rest };
      }
    },
  },
  // Time-weighted glucose is a process measure: neither direction is "better", so it stays unset.
  { id: 'nice-sugar', summary: 'NICE-SUGAR.txt', warnings: ['SUMMARY_BENEFIT_UNKNOWN results[2].benefit', NOT_POOLED(0)] },
  { id: 'recovery', summary: 'RECOVERY.txt', warnings: [NOT_POOLED(0)] },
  // Issue 13: one real trial per design; design-edits.ts lists what was set by hand and why.
  designExample('rocket-af', 'ROCKET-AF.txt', rocketAfEdits, [...ROCKET_AF_WARNINGS, NOT_POOLED(1)]),
  designExample('pegasus-timi-54', 'PEGASUS-TIMI-54.txt', pegasusEdits, [NOT_POOLED(0)]),
  designExample('isis-2', 'ISIS-2.txt', isis2Edits, [
    'SUMMARY_EFFECT_UNREADABLE results[0].effect',
    'SUMMARY_BENEFIT_UNKNOWN results[1].benefit',
    // Four factorial cells, none named placebo: the hand edits name the control, the pair and the factors.
    'SUMMARY_CONTROL_UNKNOWN design.controlArm',
    'SUMMARY_COMPARISON_UNKNOWN results[0].effect.comparison',
    'SUMMARY_DESIGN_INCOMPLETE design.factorial',
    NOT_POOLED(2),
  ]),
  designExample('smart', 'SMART.txt', smartEdits, ['SUMMARY_BENEFIT_UNKNOWN results[3].benefit', NOT_POOLED(1), NOT_POOLED(2)]),
  designExample('gilron-2005', 'GILRON-2005.txt', gilronEdits, [NOT_POOLED(1)]),
  designExample('surmount-1', 'SURMOUNT-1.txt', surmountEdits, ['SUMMARY_BENEFIT_UNKNOWN results[0].benefit', 'SUMMARY_BENEFIT_UNKNOWN results[3].benefit']),
];
