#!/usr/bin/env node
// trialdeck's command line: parses argv, calls the library, prints, exits.
import { TrialdeckError } from '../errors.js';
import { EXIT, printError } from './report.js';

const USAGE = `trialdeck: journal-club decks from clinical trials

Usage: trialdeck <command> [options]

Commands:
  build <input...>     build decks (HTML, PDF, handout, PPTX) into output/<trial-id>/
  import <summary>     convert a trial summary (.txt/.md) to YAML trial data
  check <file>         validate trial data or a summary
  preview <input>      serve a live-reloading preview on 127.0.0.1
  studio [file]        the deck maker in a browser tab (paste, edit, download)
  themes               list themes and departments; --gallery shows them all
  theme new <name>     create themes/departments/<name>.yaml to fill in

Run 'trialdeck <command> --help' for a command's options.`;

type Command = (argv: string[]) => Promise<number>;

// Loaded on demand: each command pulls in different heavy libraries
// (Marp, vega, puppeteer), and start-up time is most of a small build.
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => (await import('./build-command.js')).buildCommand,
  import: async () => (await import('./import-command.js')).importCommand,
  check: async () => (await import('./check-command.js')).checkCommand,
  preview: async () => (await import('./preview-command.js')).previewCommand,
  studio: async () => (await import('./studio-command.js')).studioCommand,
  themes: async () => (await import('./themes-command.js')).themesCommand,
  theme: async () => (await import('./theme-command.js')).themeCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? EXIT.ok : EXIT.usage;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) throw new TrialdeckError('USAGE', `unknown command "${command}"\n\n${USAGE}`);
  return (await load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = printError(err);
  },
);
