// `trialdeck import NCT…` against a local registry on 127.0.0.1: success, 404, timeout, size limit, offline.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRegistryRecord, isNctId, recordUrl } from '../../src/import/fetch-registry.js';
import { fixture } from './ctgov-helpers.js';

const record = readFileSync(fixture('NCT02210780.json'));
let server: Server;
let base = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    if (req.url === '/api/v2/studies/NCT02210780') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(record);
    } else if (req.url === '/slow/studies/NCT02210780') {
      setTimeout(() => res.end('{}'), 3000).unref();
    } else if (req.url === '/big/studies/NCT02210780') {
      // No content-length: the limit must hold while streaming.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('['.padEnd(64 * 1024, ' '));
      res.end(' '.repeat(64 * 1024));
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('registry fetch', () => {
  it('recognises NCT numbers and builds the study URL', () => {
    expect(isNctId('nct04280705')).toBe(true);
    expect(isNctId('NCT0428070')).toBe(false);
    expect(recordUrl('nct04280705').href).toBe('https://clinicaltrials.gov/api/v2/studies/NCT04280705');
    expect(() => recordUrl('NCT04280705', 'file:///etc')).toThrow(/http/);
  });
  it('fetches the record', async () => {
    const json = (await fetchRegistryRecord('NCT02210780', { registry: `${base}/api/v2` })) as { protocolSection: { identificationModule: { nctId: string } } };
    expect(json.protocolSection.identificationModule.nctId).toBe('NCT02210780');
    expect(seen).toContain('/api/v2/studies/NCT02210780');
  });
  it('says 404 plainly', async () => {
    await expect(fetchRegistryRecord('NCT99999999', { registry: `${base}/api/v2` })).rejects.toThrow(/no such study \(404/);
  });
  it('gives up after the timeout', async () => {
    const t0 = Date.now();
    await expect(fetchRegistryRecord('NCT02210780', { registry: `${base}/slow`, timeoutMs: 300 })).rejects.toThrow(/no answer .* within 0.3 s/);
    expect(Date.now() - t0).toBeLessThan(2500);
  });
  it('stops reading past the size limit', async () => {
    await expect(fetchRegistryRecord('NCT02210780', { registry: `${base}/big`, maxBytes: 32 * 1024 })).rejects.toThrow(/refusing it/);
  });
  it('explains an unreachable registry as offline', async () => {
    // Port 9 on 127.0.0.1 (discard) is closed here: connection refused, as when offline.
    await expect(fetchRegistryRecord('NCT02210780', { registry: 'http://127.0.0.1:9/api' })).rejects.toThrow(/offline.*trialdeck import <record.json>/s);
  });
});
