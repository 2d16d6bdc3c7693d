// `trialdeck studio [file] [--port N] [--open]`
// Runs until Ctrl-C (SIGINT) or SIGTERM, then closes everything and exits 0.
import { spawn } from 'node:child_process';
import { TrialdeckError } from '../errors.js';
import { DEFAULT_STUDIO_PORT, startStudio } from '../studio/index.js';
import { parse } from './args.js';
import { parsePort } from './preview-command.js';
import { dim, EXIT, green } from './report.js';

export const STUDIO_USAGE = `Usage: trialdeck studio [file] [options]

Serves the deck maker on http://127.0.0.1:<port>/: paste a summary or open a
file, edit the trial, watch the slides, check the numbers, choose a theme and
download HTML, PDF, handout, PPTX, YAML or all of them as a zip. Nothing
leaves this computer. Started on a .yaml/.json file, Save writes back to it
(keeping <file>.bak).

Options:
  -p, --port <n>   port on 127.0.0.1 (default: ${DEFAULT_STUDIO_PORT}; 0 = any free port)
      --open       open the studio in the default browser
  -h, --help       show this help

Stop with Ctrl-C (exit code 0).`;

export async function studioCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { port: { type: 'string', short: 'p' }, open: { type: 'boolean' } }, STUDIO_USAGE);
  if (positionals.length > 1) throw new TrialdeckError('USAGE', `studio takes at most one file\n\n${STUDIO_USAGE}`);
  const port = parsePort(values.port, DEFAULT_STUDIO_PORT);

  let stopRequested!: () => void;
  const stopSignal = new Promise<void>((resolve) => (stopRequested = resolve));
  const stop = (): void => stopRequested();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    const studio = await startStudio({ file: positionals[0], port });
    process.stdout.write(`${green('Studio')} ${studio.url}\n${dim('Open that address in your browser. Ctrl-C to stop.')}\n`);
    if (values.open) openBrowser(studio.url);
    await stopSignal;
    process.stdout.write(dim('\nStopping the studio…\n'));
    await studio.close();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return EXIT.ok;
}

/** The desktop's own opener; a failure only means the user opens the printed URL themselves. */
function openBrowser(url: string): void {
  const [cmd, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`Could not open a browser; open ${url} yourself.\n`));
    child.unref();
  } catch {
    process.stderr.write(`Could not open a browser; open ${url} yourself.\n`);
  }
}
