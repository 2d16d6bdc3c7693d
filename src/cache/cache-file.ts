// Files in the build caches (<out>/.cache/charts, <out>/.cache/render).
// Writes are atomic (temp file + rename) so a concurrent build never reads
// half a file, and a build killed mid-write leaves only a `.tmp` that the
// next build in that folder removes.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isProcessAlive } from '../process-alive.js';

/** `<file>.<pid>.<8 hex>.tmp`: the pid tells a dead writer's leftovers from a live one's. */
const TEMP = /\.(\d+)\.[0-9a-f]{8}\.tmp$/;

export async function writeCacheFile(file: string, data: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data, 'utf8');
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

const swept = new Set<string>();

/** Removes the temp files of writers that are gone, once per folder and process. */
export async function sweepDeadTemps(dir: string): Promise<void> {
  if (swept.has(dir)) return;
  swept.add(dir);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = Number(TEMP.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isProcessAlive(pid)) await rm(join(dir, name), { force: true });
  }
}
