// The import commands as a user runs them, then `build -f md,html`: every primary
// outcome's per-arm values and analysis reach deck.md, 90% CIs stay 90%, the merged
// deck cites the PubMed paper, and the online path works against 127.0.0.1.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatQuantity, num } from '../../src/deck/format.js';
import { trialSchema, type Trial } from '../../src/trial/schema.js';
import { assertCliBuilt, CLI, ROOT } from '../helpers/cli.js';
import { CTGOV_FILES, fixture, FIXTURES } from './ctgov-helpers.js';

assertCliBuilt();
const dir = mkdtempSync(join(tmpdir(), 'trialdeck-ctgov-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Async, so a server in this process can answer the child. */
function run(args: string[], timeout = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, timeout });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** deck.md without the Markdown escapes, so data text can be searched as written. */
async function buildDeck(yamlFile: string, name: string): Promise<string> {
  const out = join(dir, `deck-${name}`);
  const r = await run(['build', yamlFile, '-f', 'md,html', '-o', out]);
  expect(r.code, r.stderr).toBe(0);
  const [deckDir] = readdirSync(out).filter((d) => !d.startsWith('.'));
  return readFileSync(join(out, deckDir!, 'deck.md'), 'utf8').replace(/\\([\\[\]<>*_#|`-])/g, '$1');
}

const load = (file: string): Trial => trialSchema.parse(parse(readFileSync(file, 'utf8')));

describe.each(CTGOV_FILES)('import %s, then build', (file) => {
  it('shows each primary outcome with its per-arm values and analysis', async () => {
    const yamlFile = join(dir, `${file}.yaml`);
    const r = await run(['import', fixture(file), '-o', yamlFile]);
    expect(r.code, r.stderr).toBe(0);
    const trial = load(yamlFile);
    const md = await buildDeck(yamlFile, file);
    for (const o of trial.results.filter((x) => x.role === 'primary')) {
      expect(md).toContain(o.name);
      for (const q of Object.values(o.arms)) expect(md).toContain(formatQuantity(q));
      for (const e of [o.effect, ...o.otherEffects].filter((x) => x !== undefined)) {
        expect(md).toContain(`${e.text}; ${e.ciText}`);
        if (e.ci) expect(e.ciText).toContain(`${Math.round(e.ci.level * 1000) / 10}% CI`);
      }
    }
  }, 120_000);
});

it('dupilumab: every analysis reaches the deck with "90% CI", never a 95% CI', async () => {
  const yamlFile = join(dir, 'dupilumab.yaml');
  expect((await run(['import', fixture('NCT02210780.json'), '-o', yamlFile])).code).toBe(0);
  const md = await buildDeck(yamlFile, 'dupilumab-90');
  expect(md).toContain('Percentage Difference 34.0; 90% CI 24.29 to 43.75; P<0.0001');
  expect(md).toContain('LS Mean Difference −2.13; 90% CI −2.72 to −1.55; P<0.0001');
  // No posted interval is ever labelled 95% (the engine's own recomputed RDs are 95% and may appear elsewhere).
  const trial = load(yamlFile);
  const posted = trial.results.flatMap((o) => (o.effect?.ci ? [o.effect] : []));
  expect(posted).toHaveLength(7);
  const lower = md.toLowerCase();
  for (const e of posted) {
    expect(md).toContain(e.ciText);
    // Both the record's digits ("−3.0 to −1.7") and the formatted ones ("−3 to −1.7").
    const bounds = [/CI (.+?);/.exec(e.ciText!)![1]!, `${num(e.ci!.lower)} to ${num(e.ci!.upper)}`];
    for (const b of bounds) expect(lower).not.toContain(`95% ci ${b}`.toLowerCase());
  }
}, 120_000);

describe('merge', () => {
  it('registry + PubMed: the deck carries the PubMed citation; check --json shows each source', async () => {
    const yamlFile = join(dir, 'actt1-merged.yaml');
    const r = await run(['import', fixture('trials_NCT04280705.json'), '--pubmed', join(FIXTURES, 'pubmed/actt1-constructed.xml'), '-o', yamlFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('the main paper looks like');
    const md = await buildDeck(yamlFile, 'merged');
    expect(md).toContain('Beigel JH, Tomashek KM, Dodd LE, et al'.slice(0, 20));
    expect(md).toContain('Remdesivir for the Treatment of Covid-19');
    const check = await run(['check', yamlFile, '--json']);
    expect(check.code, check.stderr).toBe(0);
    const { trial } = JSON.parse(check.stdout) as { trial: Trial };
    expect(trial.publication.citation).toContain('PMID: 32445440');
    expect(trial.sources).toMatchObject({ 'publication.citation': 'pubmed:32445440', results: 'ctgov:NCT04280705', baseline: 'ctgov:NCT04280705' });
  }, 120_000);

  it('registry + PubMed + summary: appraisal prose from the summary, numbers from the registry', async () => {
    const yamlFile = join(dir, 'actt1-three.yaml');
    const notes = fixture('actt1-notes.txt');
    const r = await run(['import', fixture('trials_NCT04280705.json'), '--pubmed', join(FIXTURES, 'pubmed/actt1-constructed.xml'), '--summary', notes, '-o', yamlFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('benefit');
    const t = load(yamlFile);
    expect(t.strengths.map((b) => b.text)).toContain('Large, blinded, international');
    expect(t.results[0]?.name).toBe('Time to Recovery');
    expect(t.results.length).toBeGreaterThan(100);
    expect(t.publication.citation).toContain('PMID: 32445440');
    // The summary's bibliography cites PMID 32445440, so the registry's copy of it is not added twice.
    expect(t.bibliography.filter((b) => b.text.includes('32445440'))).toHaveLength(1);
    expect(t.sources).toMatchObject({ strengths: `summary:${notes}`, 'publication.acronym': `summary:${notes}`, 'publication.citation': 'pubmed:32445440', results: 'ctgov:NCT04280705' });
    expect(t.sources).not.toHaveProperty('externalValidity');
  });

  it('warns when the paper reports another trial', async () => {
    const r = await run(['import', fixture('NCT02210780.json'), '--pubmed', join(FIXTURES, 'pubmed/efetch_citation_22663011.xml'), '-o', join(dir, 'mismatch.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/To decide[\s\S]*PMID 22663011 names NCT01245062, not NCT02210780/);
  });
});

it('a {"studies": [...]} response with two studies writes one YAML per study into -o <folder>', async () => {
  const two = join(dir, 'two.json');
  const one = JSON.parse(readFileSync(fixture('NCT00763412.json'), 'utf8')) as unknown;
  const other = JSON.parse(readFileSync(fixture('NCT02210780.json'), 'utf8')) as unknown;
  (await import('node:fs')).writeFileSync(two, JSON.stringify({ studies: [one, other] }));
  const r = await run(['import', two, '-o', join(dir, 'many')]);
  expect(r.code, r.stderr).toBe(0);
  expect(readdirSync(join(dir, 'many')).sort()).toEqual(['nct00763412.yaml', 'nct02210780.yaml']);
});

it('pubmed.xml alone writes a valid skeleton', async () => {
  const r = await run(['import', join(FIXTURES, 'pubmed/pubmed-29768149.xml')]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma');
  expect(r.stderr).toContain('placeholders');
});

describe('online: trialdeck import NCT… --registry http://127.0.0.1', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const record = readFileSync(fixture('NCT02210780.json'));
    server = createServer((req, res) => {
      if (req.url === '/api/v2/studies/NCT02210780') res.writeHead(200, { 'content-type': 'application/json' }).end(record);
      else if (req.url?.startsWith('/slow/')) setTimeout(() => res.end('{}'), 5000).unref();
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches and imports', async () => {
    const r = await run(['import', 'NCT02210780', '--registry', `${base}/api/v2`, '-o', join(dir, 'online.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(load(join(dir, 'online.yaml')).publication.registration).toBe('ClinicalTrials.gov NCT02210780');
  });
  it('404: exit 1 and a plain message', async () => {
    const r = await run(['import', 'NCT99999999', '--registry', `${base}/api/v2`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('NCT99999999: the registry has no such study (404');
  });
  it('timeout: gives up after --timeout seconds', async () => {
    const t0 = Date.now();
    const r = await run(['import', 'NCT02210780', '--registry', `${base}/slow`, '--timeout', '0.5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no answer from http:\/\/127\.0\.0\.1:\d+ within 0\.5 s/);
    expect(Date.now() - t0).toBeLessThan(4000);
  });
  it('fetches nothing unless asked: --registry with a file is a usage error', async () => {
    const r = await run(['import', fixture('NCT02210780.json'), '--registry', `${base}/api/v2`]);
    expect(r.code).toBe(2);
  });
});
