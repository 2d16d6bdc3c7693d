// Outputs are written into a hidden staging folder next to the final one and
// swapped in only when the whole build has succeeded, so a failed or killed
// build never leaves a half-written deck or damages the previous one.
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { TrialdeckError } from '../errors.js';
import { isProcessAlive } from '../process-alive.js';

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
      // The one window left: between these two renames (microseconds) there is
      // no deck folder; a reader sees no deck, never a mix of two. If the
      // process dies right here, the previous deck lives on as `.retired-*`
      // and recover()/recoverAll() put it back at the next build.
      try {
        await rename(dir, final);
      } catch (err) {
        if (hadPrevious) await rename(retired, final).catch(() => {});
        throw err;
      }
      if (hadPrevious) await rm(retired, { recursive: true, force: true });
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The pid in `.staging-<id>-<pid>-<hex>` (or `.retired-…`) when the folder
 * belongs to exactly `id`. Ids contain dashes, so a prefix test alone would
 * let `levoecmo` claim (and delete, or restore as its own) `levoecmo-min`'s
 * folders; the fixed tail makes the split unambiguous.
 */
function ownerPid(prefix: string, id: string, name: string): number | undefined {
  const head = `${prefix}${id}-`;
  if (!name.startsWith(head)) return undefined;
  const m = /^(\d+)-[0-9a-f]+$/.exec(name.slice(head.length));
  return m ? Number(m[1]) : undefined;
}

/**
 * Cleans what an interrupted build of `id` left behind, restoring the
 * previous deck if a build died between its two renames. Folders of a build
 * that is still running (another process) are left to it.
 */
export async function recover(outRoot: string, id: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(outRoot);
  } catch {
    return;
  }
  const final = join(outRoot, id);
  const hasFinal = entries.includes(id);
  const mine = (pid: number): boolean => pid === process.pid || !isProcessAlive(pid);
  const retired = entries.flatMap((name) => {
    const pid = ownerPid(RETIRED_PREFIX, id, name);
    return pid === undefined ? [] : [{ name, pid }];
  });
  // A live build between its renames will put its deck in place itself.
  const swapping = retired.some((r) => !mine(r.pid));
  const dead = await Promise.all(retired.filter((r) => mine(r.pid)).map(async (r) => ({ ...r, at: (await stat(join(outRoot, r.name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  dead.sort((a, b) => b.at - a.at);
  for (const [i, r] of dead.entries()) {
    if (!hasFinal && !swapping && i === 0) await rename(join(outRoot, r.name), final);
    else await rm(join(outRoot, r.name), { recursive: true, force: true });
  }
  for (const name of entries) {
    const pid = ownerPid(STAGING_PREFIX, id, name);
    // Leave a staging folder alone while the build that owns it is still running.
    if (pid === undefined || !mine(pid)) continue;
    await rm(join(outRoot, name), { recursive: true, force: true });
  }
}

/** recover() for every deck in the output folder that an interrupted build left staged or retired. */
export async function recoverAll(outRoot: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(outRoot);
  } catch {
    return;
  }
  const ids = new Set<string>();
  for (const name of entries) {
    const m = /^\.(?:staging|retired)-(.+)-\d+-[0-9a-f]+$/.exec(name);
    if (m?.[1]) ids.add(m[1]);
  }
  for (const id of ids) await recover(outRoot, id);
}
