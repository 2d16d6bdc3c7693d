// Argument parsing on node:util parseArgs, with usage errors as TrialdeckError('USAGE').
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TrialdeckError } from '../errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(argv: string[], options: Options, usage: string): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (err) {
    if (err instanceof TrialdeckError) throw err;
    throw new TrialdeckError('USAGE', `${err instanceof Error ? err.message : String(err)}\n\n${usage}`);
  }
}

export function list(value: string | boolean | string[] | undefined): string[] {
  if (value === undefined || typeof value === 'boolean') return [];
  const parts = Array.isArray(value) ? value : [value];
  return parts.flatMap((p) => p.split(',')).map((s) => s.trim()).filter(Boolean);
}
