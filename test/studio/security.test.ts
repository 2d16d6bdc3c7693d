// Another local page, a DNS-rebinding site or a script without the page's
// token must not be able to drive the studio; bodies are limited like files;
// the page's CSP allows no inline script and no other origin.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStudio, TOKEN_HEADER, type StudioServer } from '../../src/studio/index.js';
import { MAX_INPUT_BYTES } from '../../src/trial/load.js';
import { raw, root } from './helpers.js';

describe('studio: who may drive it', () => {
  let studio: StudioServer;
  let dir: string;
  let file: string;
  let original: string;
  let good: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'td-studio-sec-'));
    file = join(dir, 'trial.yaml');
    original = readFileSync(join(root, 'data/levoecmo.yaml'), 'utf8');
    writeFileSync(file, original);
    studio = await startStudio({ port: 0, file });
    const host = `127.0.0.1:${studio.port}`;
    good = { host, origin: `http://${host}`, [TOKEN_HEADER]: studio.token, 'content-type': 'text/plain' };
  });
  afterAll(async () => {
    await studio?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and prints that URL', () => {
    expect(studio.url).toBe(`http://127.0.0.1:${studio.port}/`);
  });

  it('serves the page with the token and a strict CSP', async () => {
    const res = await raw(studio.port, 'GET', '/', { host: good.host as string });
    expect(res.status).toBe(200);
    expect(res.body).toContain(`content="${studio.token}"`);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    // No inline script: only the JSON data block and the bundled file.
    const scripts = [...res.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts.every((a) => /type="application\/json"|src="\/assets\//.test(a))).toBe(true);
    expect(res.body).not.toContain(dir);
  });

  it('a good request saves; the right token is needed, with a matching Origin and Host (403 otherwise)', async () => {
    const attempts: [string, Record<string, string>][] = [
      ['wrong token', { ...good, [TOKEN_HEADER]: 'x'.repeat(studio.token.length) }],
      ['no token', Object.fromEntries(Object.entries(good).filter(([k]) => k !== TOKEN_HEADER))],
      ['foreign Origin', { ...good, origin: 'http://evil.example' }],
      ['no Origin', Object.fromEntries(Object.entries(good).filter(([k]) => k !== 'origin'))],
      ['localhost page on another port', { ...good, origin: 'http://127.0.0.1:1' }],
      ['foreign Host (DNS rebinding)', { ...good, host: `evil.example:${studio.port}`, origin: `http://evil.example:${studio.port}` }],
    ];
    for (const [what, headers] of attempts) {
      const res = await raw(studio.port, 'POST', '/api/save', headers, 'id: hijacked\n');
      expect(res.status, what).toBe(403);
    }
    expect(readFileSync(file, 'utf8')).toBe(original);
    const gets = await raw(studio.port, 'GET', '/', { host: `evil.example:${studio.port}` });
    expect(gets.status).toBe(403);

    const ok = await raw(studio.port, 'POST', '/api/save', good, original.replace('id: levoecmo', 'id: levoecmo-2'));
    expect(ok.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toContain('id: levoecmo-2');
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(original);
  });

  it('refuses bodies over the file limit (413)', async () => {
    const res = await raw(studio.port, 'POST', '/api/build', good, 'a'.repeat(MAX_INPUT_BYTES + 1));
    expect(res.status).toBe(413);
  });

  it('never takes a path from the browser: ?name= is only a type hint', async () => {
    const res = await raw(studio.port, 'POST', `/api/open?name=${encodeURIComponent('/etc/passwd.yaml')}`, good, 'publication: {}\n');
    expect(res.status).toBe(200);
    expect(res.body).not.toContain('root:');
  });

  it('untrusted input becomes problems, never a crash', async () => {
    const res = await raw(studio.port, 'POST', '/api/build', good, 'publication: [unclosed\n');
    const reply = JSON.parse(res.body) as { ok: boolean; notes: { level: string; line?: number }[] };
    expect(reply.ok).toBe(false);
    expect(reply.notes[0]?.level).toBe('error');
    expect(reply.notes[0]?.line).toBeTypeOf("number");
  });
});
