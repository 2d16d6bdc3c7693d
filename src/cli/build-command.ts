// `trialdeck build <input...> [-o output] [-f md,html,...] [-t theme]`
import { relative } from 'node:path';
import { buildDeck, DEFAULT_FORMATS, FORMATS, isFormat, type Format } from '../build.js';
import { TrialdeckError } from '../errors.js';
import { list, parse } from './args.js';
import { dim, EXIT, green, printError, printWarnings, red } from './report.js';

export const BUILD_USAGE = `Usage: trialdeck build <input...> [options]

Builds a journal-club deck from trial data (.yaml/.yml/.json) or a trial summary (.txt/.md).
Each trial goes into <output>/<trial-id>/.

Options:
  -o, --output <dir>     output folder (default: output)
  -f, --formats <list>   comma-separated: ${FORMATS.join(',')} (default: ${DEFAULT_FORMATS.join(',')})
  -t, --theme <name>     theme name (see: trialdeck themes)
      --templates <dir>  use a department's own templates folder
  -h, --help             show this help`;

export async function buildCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      output: { type: 'string', short: 'o' },
      formats: { type: 'string', short: 'f', multiple: true },
      theme: { type: 'string', short: 't' },
      templates: { type: 'string' },
    },
    BUILD_USAGE,
  );
  if (positionals.length === 0) throw new TrialdeckError('USAGE', `no input file given\n\n${BUILD_USAGE}`);
  const requested = list(values.formats);
  const bad = requested.filter((f) => !isFormat(f));
  if (bad.length > 0) throw new TrialdeckError('USAGE', `unknown format ${bad.join(', ')}; expected some of ${FORMATS.join(', ')}`);
  const formats: Format[] = requested.length > 0 ? (requested as Format[]) : [...DEFAULT_FORMATS];
  const outDir = typeof values.output === 'string' ? values.output : 'output';

  const failures: string[] = [];
  for (const input of positionals) {
    try {
      const result = await buildDeck(input, {
        outDir,
        formats,
        theme: typeof values.theme === 'string' ? values.theme : undefined,
        templateDir: typeof values.templates === 'string' ? values.templates : undefined,
      });
      printWarnings(result.warnings);
      const where = relative(process.cwd(), result.dir) || result.dir;
      process.stdout.write(`${green('✓')} ${input} → ${where}/ ${dim(`(${result.slides} slides: ${result.files.filter((f) => !f.startsWith('charts/')).join(', ')})`)}\n`);
    } catch (err) {
      process.stdout.write(`${red('✗')} ${input}\n`);
      printError(err);
      failures.push(input);
    }
  }
  if (positionals.length > 1) {
    process.stdout.write(`${positionals.length - failures.length} built, ${failures.length} failed${failures.length ? `: ${failures.join(', ')}` : ''}\n`);
  }
  return failures.length > 0 ? EXIT.input : EXIT.ok;
}
