// Outputs are written into a hidden staging folder next to the final one and
// swapped in only when the whole build has succeeded, so a failed or killed
// build never leaves a half-written deck or damages the previous one.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TrialdeckError } from '../errors.js';

export interface Staging {
  /** Folder to write into. */
  dir: string;
  /** Writes a file relative to the staging folder, creating sub-folders. */
  write(relative: string, content: string | Uint8Array): Promise<void>;
  /** Swaps the staging folder into place. */
  commit(): Promise<void>;
  /** Removes the staging folder (after a failure). */
  discard(): Promise<void>;
}

const STAGING_PREFIX = '.staging-';
const RETIRED_PREFIX = '.retired-';

export async function stageOutput(outRoot: string, id: string): Promise<Staging> {
  await mkdir(outRoot, { recursive: true });
  await recover(outRoot, id);
  const dir = join(outRoot, `${STAGING_PREFIX}${id}-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir);
  const final = join(outRoot, id);
  return {
    dir,
    async write(relative, content) {
      if (relative.split(/[\\/]/).some((part) => part === '..' || part === '')) {
        throw new TrialdeckError('OUTPUT', `refusing to write outside the output folder: ${relative}`);
      }
      const file = join(dir, relative);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, content);
    },
    async commit() {
      const retired = join(outRoot, `${RETIRED_PREFIX}${id}-${process.pid}-${randomBytes(4).toString('hex')}`);
      let hadPrevious = true;
      try {
        await rename(final, retired);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
        hadPrevious = false;
      }
      // Between these two renames the previous deck lives on as `.retired-*`;
      // recover() puts it back if the process dies right here.
      await rename(dir, final);
      if (hadPrevious) await rm(retired, { recursive: true, force: true });
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Cleans what an interrupted build of `id` left behind, restoring the previous deck if needed. */
export async function recover(outRoot: string, id: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(outRoot);
  } catch {
    return;
  }
  const final = join(outRoot, id);
  const hasFinal = entries.includes(id);
  const retired = entries.filter((e) => e.startsWith(`${RETIRED_PREFIX}${id}-`)).sort();
  for (const [i, name] of retired.entries()) {
    if (!hasFinal && i === retired.length - 1) await rename(join(outRoot, name), final);
    else await rm(join(outRoot, name), { recursive: true, force: true });
  }
  for (const name of entries.filter((e) => e.startsWith(`${STAGING_PREFIX}${id}-`))) {
    const pid = Number(name.slice(`${STAGING_PREFIX}${id}-`.length).split('-')[0]);
    // Leave a staging folder alone while the build that owns it is still running.
    if (pid !== process.pid && isAlive(pid)) continue;
    await rm(join(outRoot, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
