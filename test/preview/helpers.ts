// Shared by the preview tests: a private copy of the LEVOECMO trial to edit,
// edits that change what a slide shows, and a plain HTTP client that can lie
// about its Host header (a browser cannot).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import type { PreviewEvent } from '../../src/preview/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** data/levoecmo.yaml. */
export function levoecmoYaml(): string {
  return readFileSync(join(root, 'data/levoecmo.yaml'), 'utf8');
}

/** A temp folder holding levoecmo.yaml. */
export function trialCopy(prefix: string): { dir: string; file: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'levoecmo.yaml');
  const text = levoecmoYaml();
  writeFileSync(file, text);
  return { dir, file, text };
}

/** The same trial with its first background bullet (the Background slide) replaced. */
export function withBackgroundMarker(text: string, marker: string): string {
  const doc = parseDocument(text);
  doc.setIn(['context', 'background', 0], `${marker} is the first background bullet.`);
  return doc.toString();
}

/** Invalid YAML: an unclosed flow sequence on the `publication:` line. */
export function broken(text: string): { text: string; line: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l === 'publication:');
  if (line < 0) throw new Error('the trial file has no top-level `publication:` line');
  lines[line] = 'publication: [unclosed';
  return { text: lines.join('\n'), line: line + 1 };
}

/** Collects events and waits for the next one of a type. */
export class EventLog {
  readonly events: PreviewEvent[] = [];
  private waiters: { type: PreviewEvent['type']; resolve: (e: PreviewEvent) => void }[] = [];

  readonly listener = (event: PreviewEvent): void => {
    this.events.push(event);
    this.waiters = this.waiters.filter((w) => {
      if (event.type !== w.type) return true;
      w.resolve(event);
      return false;
    });
  };

  next<T extends PreviewEvent['type']>(type: T, timeoutMs = 30_000): Promise<Extract<PreviewEvent, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" event within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        type,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e as Extract<PreviewEvent, { type: T }>);
        },
      });
    });
  }
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** GET with any Host header; reads a bounded amount so event streams end too. */
export function rawGet(port: number, path: string, host: string, maxMs = 2_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      const done = (): void => resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      res.on('end', done);
      setTimeout(() => {
        req.destroy();
        done();
      }, maxMs).unref();
    });
    req.on('error', reject);
    req.end();
  });
}
