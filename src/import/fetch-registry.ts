// The only network access in trialdeck: `trialdeck import NCT01234567` asks
// the registry for one study record. Nothing else fetches, and nothing here
// runs unless the user typed an NCT number. Node's fetch, with a timeout and
// a size limit counted while the body streams in.
import { TrialdeckError } from '../errors.js';

export const DEFAULT_REGISTRY = 'https://clinicaltrials.gov/api/v2';
/** The largest real records (ACTT-1 with 43 outcome measures) are under 0.5 MB. */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 20_000;

export const isNctId = (s: string): boolean => /^NCT\d{8}$/i.test(s.trim());

export interface FetchOptions {
  /** Base URL of the API; `/studies/<NCT>` is appended. */
  registry?: string;
  timeoutMs?: number;
  maxBytes?: number;
}

export function recordUrl(nct: string, registry = DEFAULT_REGISTRY): URL {
  let base: URL;
  try {
    base = new URL(registry.endsWith('/') ? registry : `${registry}/`);
  } catch {
    throw new TrialdeckError('USAGE', `--registry "${registry}" is not a URL`);
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new TrialdeckError('USAGE', `--registry must be an http(s) URL, got ${base.protocol}`);
  return new URL(`studies/${encodeURIComponent(nct.trim().toUpperCase())}`, base);
}

/** The record as parsed JSON. Errors say what happened in words a user can act on. */
export async function fetchRegistryRecord(nct: string, options: FetchOptions = {}): Promise<unknown> {
  const url = recordUrl(nct, options.registry);
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_RECORD_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' }, redirect: 'follow' });
  } catch (err) {
    throw networkError(err, url, timeoutMs);
  }
  if (res.status === 404) throw new TrialdeckError('INPUT_NOT_FOUND', `${nct}: the registry has no such study (404 from ${url.origin})`);
  if (!res.ok) throw new TrialdeckError('INPUT_NOT_FOUND', `${nct}: the registry answered ${res.status} ${res.statusText} (${url.href})`);
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(nct, maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    if (res.body) {
      for await (const chunk of res.body) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          await res.body.cancel().catch(() => undefined);
          throw tooLarge(nct, maxBytes);
        }
        chunks.push(chunk);
      }
    }
  } catch (err) {
    if (err instanceof TrialdeckError) throw err;
    throw networkError(err, url, timeoutMs);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TrialdeckError('INPUT_UNSUPPORTED', `${nct}: the registry's answer is not JSON (${url.href})`);
  }
}

function tooLarge(nct: string, max: number): TrialdeckError {
  return new TrialdeckError('INPUT_TOO_LARGE', `${nct}: the registry's answer is over ${Math.round(max / 1024 / 1024)} MB; refusing it`);
}

function networkError(err: unknown, url: URL, timeoutMs: number): TrialdeckError {
  const e = err as { name?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new TrialdeckError('INPUT_NOT_FOUND', `no answer from ${url.origin} within ${timeoutMs / 1000} s; try again, or download the record and run trialdeck import <record.json>`);
  }
  const code = e.cause?.code ?? '';
  return new TrialdeckError(
    'INPUT_NOT_FOUND',
    `cannot reach ${url.origin}${code ? ` (${code})` : ''}: this machine looks offline. Download the record elsewhere (${url.href}) and run trialdeck import <record.json>`,
  );
}
