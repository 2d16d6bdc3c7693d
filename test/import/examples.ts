// The example trials: each summary in test/fixtures/summaries/ and the YAML
// the importer makes of it in data/. A few values the importer cannot infer
// are set by hand; they are listed here so the equality test stays honest.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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
const ROCKET_AF_WARNINGS = Array.from({ length: 7 }, (_, i) => [
  `SUMMARY_NUMBER_UNREADABLE results[${i}].arms.rivaroxaban`,
  `SUMMARY_NUMBER_UNREADABLE results[${i}].arms.warfarin`,
  ...(i === 0 ? ['SUMMARY_EFFECT_UNREADABLE results[0].effect'] : []),
]).flat();

function designExample(id: string, summary: string, handEdits: (trial: TrialInput) => void, warnings: string[] = []): Example {
  return { id, summary, warnings, handEdits, editsListedIn: 'test/import/design-edits.ts' };
}

export const EXAMPLES: readonly Example[] = [
  { id: 'levoecmo', summary: 'LEVOECMO.txt', warnings: [] },
  { id: 'dapa-hf', summary: 'DAPA-HF.txt', warnings: [] },
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
  { id: 'nice-sugar', summary: 'NICE-SUGAR.txt', warnings: ['SUMMARY_BENEFIT_UNKNOWN results[2].benefit'] },
  { id: 'recovery', summary: 'RECOVERY.txt', warnings: [] },
  // Issue 13: one real trial per design; design-edits.ts lists what was set by hand and why.
  designExample('rocket-af', 'ROCKET-AF.txt', rocketAfEdits, ROCKET_AF_WARNINGS),
  designExample('pegasus-timi-54', 'PEGASUS-TIMI-54.txt', pegasusEdits),
  designExample('isis-2', 'ISIS-2.txt', isis2Edits, [
    'SUMMARY_EFFECT_UNREADABLE results[0].effect',
    'SUMMARY_BENEFIT_UNKNOWN results[1].benefit',
    // Four factorial cells, none named placebo: the hand edits name the control, the pair and the factors.
    'SUMMARY_CONTROL_UNKNOWN design.controlArm',
    'SUMMARY_COMPARISON_UNKNOWN results[0].effect.comparison',
    'SUMMARY_DESIGN_INCOMPLETE design.factorial',
  ]),
  designExample('smart', 'SMART.txt', smartEdits, ['SUMMARY_BENEFIT_UNKNOWN results[3].benefit']),
  designExample('gilron-2005', 'GILRON-2005.txt', gilronEdits),
  designExample('surmount-1', 'SURMOUNT-1.txt', surmountEdits, ['SUMMARY_BENEFIT_UNKNOWN results[0].benefit', 'SUMMARY_BENEFIT_UNKNOWN results[3].benefit']),
];
