// Every example summary imports to exactly the committed data/<id>.yaml.
// Regenerate after an intended importer change with
//   UPDATE_EXAMPLES=1 npx vitest run test/import/examples.test.ts
// then review the diff by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importSummary, trialToYaml } from '../../src/import/index.js';
import { trialSchema } from '../../src/trial/schema.js';
import { EXAMPLES, dataPath, readSummary, summaryPath } from './examples.js';

describe.each(EXAMPLES)('example $id', (example) => {
  const { trial, warnings } = importSummary(readSummary(example.summary), summaryPath(example.summary));
  const edited = structuredClone(trial);
  example.handEdits?.(edited);

  it('gives exactly the expected warnings', () => {
    expect(warnings.map((w) => `${w.code} ${w.path ?? ''}`)).toEqual(example.warnings);
  });

  it(`equals data/${example.id}.yaml`, () => {
    if (process.env.UPDATE_EXAMPLES) writeFileSync(dataPath(example.id), trialToYaml(edited));
    const committed = parse(readFileSync(dataPath(example.id), 'utf8')) as unknown;
    expect(trialSchema.parse(committed)).toEqual(trialSchema.parse(edited));
  });
});
