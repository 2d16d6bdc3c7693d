// The `trialdeck` command as a user runs it: the bin from package.json
// (dist/cli/launch.cjs, made by `npm run build`, which `npm test` runs first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist/cli/launch.cjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails a suite up front, with the fix, when dist/ has not been built. */
export function assertCliBuilt(): void {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` (npm test does it)');
}

/** Runs the CLI to the end; NO_COLOR unless `env` says otherwise. */
export function runCliSync(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd, encoding: 'utf8', env: options.env ?? { ...process.env, NO_COLOR: '1' }, timeout: options.timeout });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
