// `trialdeck import <summary.txt> [-o file.yaml]`
import { readFile, writeFile, rename } from 'node:fs/promises';
import { TrialdeckError } from '../errors.js';
import { importSummary, trialToYaml } from '../import/index.js';
import { MAX_INPUT_BYTES, MAX_INPUT_TEXT } from '../trial/load.js';
import { validateTrial } from '../trial/validate.js';
import { parse } from './args.js';
import { EXIT, printWarnings } from './report.js';

export const IMPORT_USAGE = `Usage: trialdeck import <summary.txt> [-o file.yaml]

Reads a trial summary in the plain-text summary format and writes trial data
as YAML (to stdout unless -o is given).`;

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { output: { type: 'string', short: 'o' } }, IMPORT_USAGE);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new TrialdeckError('USAGE', `expected exactly one summary file\n\n${IMPORT_USAGE}`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new TrialdeckError('INPUT_NOT_FOUND', `${file}: no such file`);
  }
  if (Buffer.byteLength(text) > MAX_INPUT_BYTES) throw new TrialdeckError('INPUT_TOO_LARGE', `${file}: over the ${MAX_INPUT_TEXT} limit`);
  const imported = importSummary(text, file);
  // Validate before writing so the YAML we hand out always builds.
  const { warnings } = validateTrial(imported.trial, { file });
  printWarnings([...imported.warnings, ...warnings]);
  const yaml = trialToYaml(imported.trial);
  if (typeof values.output === 'string') {
    const tmp = `${values.output}.tmp-${process.pid}`;
    await writeFile(tmp, yaml);
    await rename(tmp, values.output);
    process.stderr.write(`wrote ${values.output}\n`);
  } else {
    process.stdout.write(yaml);
  }
  return EXIT.ok;
}
