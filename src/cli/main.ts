#!/usr/bin/env node
// trialdeck's command line: parses argv, calls the library, prints, exits.
import { TrialdeckError } from '../errors.js';
import { buildCommand } from './build-command.js';
import { checkCommand } from './check-command.js';
import { importCommand } from './import-command.js';
import { previewCommand } from './preview-command.js';
import { EXIT, printError } from './report.js';

const USAGE = `trialdeck: journal-club decks from clinical trials

Usage: trialdeck <command> [options]

Commands:
  build <input...>     build decks (HTML, PDF, handout, PPTX) into output/<trial-id>/
  import <summary>     convert a trial summary (.txt/.md) to YAML trial data
  check <file>         validate trial data or a summary
  preview <input>      serve a live-reloading preview on 127.0.0.1

Run 'trialdeck <command> --help' for a command's options.`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  build: buildCommand,
  import: importCommand,
  check: checkCommand,
  preview: previewCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) throw new TrialdeckError('USAGE', `unknown command "${command}"\n\n${USAGE}`);
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = printError(err);
  },
);
