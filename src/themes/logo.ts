// A department logo -> a data URI for the generated theme's CSS.
//
// The logo must be a real PNG or SVG (judged by its first bytes, not its
// name), at most 2 MB, and inside the department file's folder once every
// symbolic link is resolved.
//
// An SVG may carry <script> or event handlers. It is only ever embedded as a
// CSS background-image data URI: browsers render images in "secure
// animated" image mode and never run scripts there (nor in an <img>). It is
// never inlined into the page, where those scripts would run.
import { open, realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { TrialdeckError } from '../errors.js';
import { MESSAGES } from './messages.js';

export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export type LogoType = 'png' | 'svg';

export interface Logo {
  file: string;
  type: LogoType;
  dataUri: string;
  bytes: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG by its 8-byte signature; SVG by text starting `<svg` or `<?xml` (after a BOM, whitespace or comments) and containing `<svg`. */
export function sniffImage(bytes: Uint8Array): LogoType | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  const head = buf.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '');
  const start = head.replace(/^(?:\s|<!--[\s\S]*?-->)*/, '');
  if (!/^<(?:svg[\s>]|\?xml[\s?])/i.test(start)) return undefined;
  return /<svg[\s>]/i.test(buf.toString('utf8')) ? 'svg' : undefined;
}

/** True when `child` is `parent` or inside it (both already real paths). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Reads `logo` (relative to `baseDir`, the department file's folder) and
 * returns it as a data URI. `from` names the department file in messages.
 */
export async function loadLogo(logo: string, baseDir: string, from: string): Promise<Logo> {
  const wanted = resolve(baseDir, logo);
  let real: string;
  let realBase: string;
  try {
    realBase = await realpath(baseDir);
    real = await realpath(wanted);
  } catch {
    throw new TrialdeckError('THEME', MESSAGES.logoMissing(wanted, from));
  }
  // realpath first, then the prefix check: a symlink inside the folder pointing out of it is caught too.
  if (!isInside(realBase, real)) throw new TrialdeckError('PATH_ESCAPE', MESSAGES.logoEscapes(wanted, realBase));
  const info = await stat(real);
  if (!info.isFile()) throw new TrialdeckError('THEME', MESSAGES.logoMissing(wanted, from));
  if (info.size > MAX_LOGO_BYTES) throw new TrialdeckError('THEME', MESSAGES.logoTooLarge(wanted, info.size, MAX_LOGO_BYTES));
  const bytes = await readAtMost(real, MAX_LOGO_BYTES + 1);
  // Checked again on the bytes read: the file may have grown since stat().
  if (bytes.length > MAX_LOGO_BYTES) throw new TrialdeckError('THEME', MESSAGES.logoTooLarge(wanted, bytes.length, MAX_LOGO_BYTES));
  const type = sniffImage(bytes);
  if (!type) throw new TrialdeckError('THEME', MESSAGES.logoNotImage(wanted));
  const mime = type === 'png' ? 'image/png' : 'image/svg+xml';
  return { file: real, type, bytes: bytes.length, dataUri: `data:${mime};base64,${bytes.toString('base64')}` };
}

async function readAtMost(file: string, max: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(max);
    let total = 0;
    while (total < max) {
      const { bytesRead } = await handle.read(buf, total, max - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buf.subarray(0, total);
  } finally {
    await handle.close();
  }
}
