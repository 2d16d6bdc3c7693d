// Who may drive the studio. Reading pages needs a loopback Host (no DNS
// rebinding); changing state (every POST) also needs the session token that
// only the studio's own page carries and an Origin naming this very server,
// so another local page or site cannot make it build, export or save.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackHost } from '../preview/server.js';
import { MAX_INPUT_BYTES } from '../trial/load.js';

export const TOKEN_HEADER = 'x-trialdeck-token';

export type Refusal = { status: 403 | 413 | 415; message: string };

export function checkHost(req: IncomingMessage, port: number): Refusal | undefined {
  return isLoopbackHost(req.headers.host, port) ? undefined : { status: 403, message: 'Forbidden: the studio only answers to localhost and 127.0.0.1.\n' };
}

export function checkWrite(req: IncomingMessage, port: number, token: string): Refusal | undefined {
  const host = checkHost(req, port);
  if (host) return host;
  const origin = req.headers.origin;
  // Browsers send Origin on every POST; its host must be the one this request came in by.
  if (origin !== `http://${req.headers.host ?? ''}`) return { status: 403, message: 'Forbidden: wrong Origin.\n' };
  const sent = req.headers[TOKEN_HEADER];
  const a = Buffer.from(typeof sent === 'string' ? sent : '');
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { status: 403, message: 'Forbidden: missing or wrong session token.\n' };
  return undefined;
}

/** The request body as UTF-8 text, at most MAX_INPUT_BYTES (the limit for trial files). */
export function readBody(req: IncomingMessage, limit = MAX_INPUT_BYTES): Promise<string | Refusal> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      resolve({ status: 413, message: `Request body over the ${limit / 1024} KB limit.\n` });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? { status: 413, message: `Request body over the ${limit / 1024} KB limit.\n` } : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
