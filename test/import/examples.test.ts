// Every example summary imports to exactly the committed data/<id>.yaml.
// Regenerate after an intended importer change with
//   UPDATE_EXAMPLES=1 npx vitest run test/import/examples.test.ts
// then review the diff by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importSummary, trialToYaml } from '../../src/import/index.js';
import { trialSchema } from '../../src/trial/schema.js';
import { EXAMPLES, dataPath, readSummary, summaryPath, type Example } from './examples.js';

/** Says at the top of the YAML where the hand edits are listed, after the schema line. */
function withEditNote(yaml: string, example: Example): string {
  if (!example.editsListedIn) return yaml;
  const note = `# Imported from test/fixtures/summaries/${example.summary} with \`trialdeck import\`, then edited by hand;\n# every edit and its source is listed in ${example.editsListedIn}.\n`;
  const [schemaLine, ...rest] = yaml.split('\n');
  return [schemaLine, note + rest.join('\n')].join('\n');
}

describe.each(EXAMPLES)('example $id', (example) => {
  const { trial, warnings } = importSummary(readSummary(example.summary), summaryPath(example.summary));
  const edited = structuredClone(trial);
  example.handEdits?.(edited);

  it('gives exactly the expected warnings', () => {
    expect(warnings.map((w) => `${w.code} ${w.path ?? ''}`)).toEqual(example.warnings);
  });

  it(`equals data/${example.id}.yaml`, () => {
    if (process.env.UPDATE_EXAMPLES) writeFileSync(dataPath(example.id), withEditNote(trialToYaml(edited), example));
    const committed = parse(readFileSync(dataPath(example.id), 'utf8')) as unknown;
    expect(trialSchema.parse(committed)).toEqual(trialSchema.parse(edited));
  });
});
