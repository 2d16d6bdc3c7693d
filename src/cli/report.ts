// Terminal output: the only place that prints, colours and picks exit codes.
import { formatProblem, isTrialdeckError, type Diagnostic } from '../errors.js';

export const EXIT = { ok: 0, input: 1, usage: 2 } as const;

const useColour = (stream: NodeJS.WriteStream): boolean => stream.isTTY === true && !process.env.NO_COLOR;
const paint = (stream: NodeJS.WriteStream, code: string, s: string): string => (useColour(stream) ? `\u001b[${code}m${s}\u001b[0m` : s);

export const red = (s: string): string => paint(process.stderr, '31', s);
export const yellow = (s: string): string => paint(process.stderr, '33', s);
export const green = (s: string): string => paint(process.stdout, '32', s);
export const dim = (s: string): string => paint(process.stdout, '2', s);
export const bold = (s: string): string => paint(process.stderr, '1', s);

export function printWarnings(warnings: readonly Diagnostic[]): void {
  for (const w of warnings) process.stderr.write(`${yellow('warning')} ${formatProblem(w)}\n`);
}

/** Prints an error without a stack trace and returns the exit code it deserves. */
export function printError(err: unknown): number {
  if (isTrialdeckError(err)) {
    process.stderr.write(`${red('error')} ${err.message}\n`);
    for (const p of err.problems) process.stderr.write(`  ${formatProblem(p)}\n`);
    return err.code === 'USAGE' ? EXIT.usage : EXIT.input;
  }
  // Anything else is our bug: say so plainly; the stack only with TRIALDECK_DEBUG.
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`${red('error')} internal error: ${message}\n`);
  if (process.env.TRIALDECK_DEBUG && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('  (set TRIALDECK_DEBUG=1 for details, and please report this)\n');
  return EXIT.input;
}
