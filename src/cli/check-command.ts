// `trialdeck check <file> [--json]`
import { TrialdeckError } from '../errors.js';
import { loadTrial } from '../trial/load.js';
import { parse } from './args.js';
import { EXIT, green, printWarnings } from './report.js';

export const CHECK_USAGE = `Usage: trialdeck check <file> [--json]

Validates trial data or a summary and prints every problem.
  --json   print the normalised trial model as JSON`;

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, CHECK_USAGE);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new TrialdeckError('USAGE', `expected exactly one file\n\n${CHECK_USAGE}`);
  const { trial, warnings } = await loadTrial(file);
  printWarnings(warnings);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ trial }, null, 2)}\n`);
  } else {
    process.stdout.write(`${green('✓')} ${file}: valid (${trial.results.length} outcomes, ${warnings.length} warning${warnings.length === 1 ? '' : 's'})\n`);
  }
  return EXIT.ok;
}
