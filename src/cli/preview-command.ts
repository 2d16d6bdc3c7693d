// `trialdeck preview <input> [--port N] [-t theme] [--department d] [--date text] [--templates dir]`
// Runs until Ctrl-C (SIGINT) or SIGTERM, then closes everything and exits 0:
// stopping the preview is the normal way to end it, not a failure.
import { occasionDate } from '../deck/occasion.js';
import { TrialdeckError } from '../errors.js';
import { DEFAULT_PREVIEW_PORT, startPreview, type PreviewEvent } from '../preview/index.js';
import { parse } from './args.js';
import { dim, EXIT, green, printError, printWarnings, red } from './report.js';

export const PREVIEW_USAGE = `Usage: trialdeck preview <input> [options]

Serves the deck on http://127.0.0.1:<port>/ and rebuilds it whenever the trial
file, a template, a chart spec or a theme changes; the open tab reloads on the
slide it was showing. A broken edit shows its error over the last good deck.

Options:
  -p, --port <n>         port on 127.0.0.1 (default: ${DEFAULT_PREVIEW_PORT}; 0 = any free port)
  -t, --theme <name>     theme name
      --department <d>   department name or .yaml file (watched, with its logo)
      --date <text>      date for the footer, e.g. 2026-03-12 or today
      --templates <dir>  use a department's own templates folder
  -h, --help             show this help

Stop with Ctrl-C (exit code 0).`;

export async function previewCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      port: { type: 'string', short: 'p' },
      theme: { type: 'string', short: 't' },
      department: { type: 'string' },
      date: { type: 'string' },
      templates: { type: 'string' },
    },
    PREVIEW_USAGE,
  );
  if (positionals.length !== 1) {
    throw new TrialdeckError('USAGE', `${positionals.length === 0 ? 'no input file given' : 'preview takes one input file'}\n\n${PREVIEW_USAGE}`);
  }
  const input = positionals[0] as string;
  const port = parsePort(values.port);

  // Listen for signals before starting: Ctrl-C during the first build (which
  // can take seconds) must still close the server and remove the temp folder.
  let stopRequested!: () => void;
  const stopSignal = new Promise<void>((resolve) => (stopRequested = resolve));
  const force = (): never => process.exit(130);
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    // A second Ctrl-C while closing means "now".
    process.once('SIGINT', force);
    stopRequested();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const server = await startPreview({
      input,
      port,
      theme: typeof values.theme === 'string' ? values.theme : undefined,
      templateDir: typeof values.templates === 'string' ? values.templates : undefined,
      department: typeof values.department === 'string' ? values.department : undefined,
      date: occasionDate(typeof values.date === 'string' ? values.date : undefined),
      onEvent: report,
    });
    process.stdout.write(dim('Watching the trial file, templates, chart specs and themes. Ctrl-C to stop.\n'));
    await stopSignal;
    process.stdout.write(dim('\nStopping the preview…\n'));
    await server.close();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    process.off('SIGINT', force);
  }
  return EXIT.ok;
}

export function parsePort(value: string | boolean | string[] | undefined, fallback = DEFAULT_PREVIEW_PORT): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new TrialdeckError('USAGE', `--port must be a number from 0 to 65535, not "${text}"`);
  return port;
}

function report(event: PreviewEvent): void {
  const time = dim(new Date().toLocaleTimeString('en-GB'));
  if (event.type === 'listening') {
    process.stdout.write(`${green('Preview')} ${event.url}\n`);
  } else if (event.type === 'rebuilt') {
    const what = event.changed.length > 0 ? `rebuilt (${event.changed.join(', ')} changed)` : 'built';
    process.stdout.write(`${time} ${green('✓')} ${what} in ${Math.round(event.ms)} ms ${dim(`(${event.slides} slides)`)}\n`);
    printWarnings(event.warnings);
  } else {
    process.stdout.write(`${time} ${red('✗')} build failed; still serving the last good deck\n`);
    printError(event.error);
  }
}

