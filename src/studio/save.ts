// Saving back to the one file the studio was started on: the browser sends
// text only, never a path. The old file is kept as <file>.bak, the new one is
// written beside it under a temp name and renamed over it, so a crash leaves
// either the old or the new file, never half of one.
import { copyFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { parse } from 'yaml';
import { TrialdeckError } from '../errors.js';

/** Summaries are prose in their own format: the studio saves trial data only. */
export function canSave(file: string | undefined): boolean {
  return file !== undefined && ['.yaml', '.yml', '.json'].includes(extname(file).toLowerCase());
}

export async function saveTrialFile(file: string, yaml: string): Promise<void> {
  if (!canSave(file)) throw new TrialdeckError('USAGE', `${basename(file)}: the studio saves back only to .yaml/.json trial files; download the YAML instead`);
  const json = extname(file).toLowerCase() === '.json';
  // A .json file stays JSON; the YAML must parse for that (validation is the build's job).
  const text = json ? `${JSON.stringify(parse(yaml), null, 2)}\n` : yaml;
  const temp = join(dirname(file), `.${basename(file)}.studio-${process.pid}.tmp`);
  try {
    await copyFile(file, `${file}.bak`);
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw new TrialdeckError('OUTPUT', `${basename(file)}: cannot save (${err instanceof Error ? err.message : String(err)})`);
  }
}

