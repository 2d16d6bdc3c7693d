import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrialdeckError } from '../../src/errors.js';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { outcomeKey } from '../../src/trial/context-files.js';
import { loadTrial } from '../../src/trial/load.js';

// A data folder with the cut-down LEVOECMO and a second trial file that
// context entries point at; a secret file sits one folder up.
let root: string;
let data: string;
const base = await readFile(new URL('./fixtures/levoecmo-min.yaml', import.meta.url), 'utf8');

const withEntries = (entries: string): string => `${base}\ncontext:\n  trials:\n${entries}`;

async function error(file: string): Promise<TrialdeckError> {
  try {
    await loadTrial(file);
  } catch (err) {
    if (err instanceof TrialdeckError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trialdeck-context-'));
  data = join(root, 'data');
  await mkdir(data);
  await writeFile(join(root, 'outside.yaml'), base.replace('acronym: LEVOECMO', 'acronym: OUTSIDE'));
  // "Other" reports the mortality outcome as counts and the primary as an sHR.
  await writeFile(join(data, 'other.yaml'), base.replace('acronym: LEVOECMO', 'acronym: OTHER').replace('year: 2026', 'year: 2024'));
  await symlink(join(root, 'outside.yaml'), join(data, 'link.yaml'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('context.trials[].file', () => {
  it('fills name, year, n and numbers from a trial file in the same folder', async () => {
    const file = join(data, 'main.yaml');
    await writeFile(file, withEntries('    - file: other.yaml\n      outcome: Successful VA-ECMO weaning within 30 days\n      ref: 1\n'));
    const { trial } = await loadTrial(file);
    expect(trial.context.trials[0]).toMatchObject({ file: 'other.yaml', name: 'OTHER', year: 2024, n: 205, measure: 'sHR', estimate: 1.02, ci: { lower: 0.74, upper: 1.39 } });
    const a = deriveEvidence(trial).context!.analyses[0]!;
    expect(a.studies.map((s) => [s.name, s.kind])).toEqual([['OTHER', 'context'], ['LEVOECMO', 'this-trial']]);
  });

  it('takes counts when asked for an OR the other file does not report', async () => {
    const file = join(data, 'counts.yaml');
    await writeFile(file, withEntries('    - file: other.yaml\n      outcome: All-cause mortality at day 30\n      measure: OR\n'));
    const { trial } = await loadTrial(file);
    expect(trial.context.trials[0]).toMatchObject({ measure: 'OR', counts: { experimental: { events: 26, total: 101 }, control: { events: 23, total: 104 } } });
  });

  it.each([
    ['../outside.yaml', 'is outside the data folder'],
    ['/etc/passwd', 'must be a file name inside the data folder'],
    ['link.yaml', 'leads outside the data folder'],
  ])('refuses %s with PATH_ESCAPE naming the field', async (name, why) => {
    const file = join(data, `escape-${why.length}.yaml`);
    await writeFile(file, withEntries(`    - file: ${JSON.stringify(name)}\n      outcome: Successful VA-ECMO weaning within 30 days\n`));
    const err = await error(file);
    expect(err.code).toBe('PATH_ESCAPE');
    expect(err.problems[0]).toMatchObject({ file, path: 'context.trials[0].file' });
    expect(err.problems[0]!.message).toContain(why);
  });

  it('a missing file or outcome names the field', async () => {
    const missing = join(data, 'missing.yaml');
    await writeFile(missing, withEntries('    - file: nope.yaml\n      outcome: x\n'));
    expect(await error(missing)).toMatchObject({ code: 'INPUT_NOT_FOUND', problems: [expect.objectContaining({ path: 'context.trials[0].file' })] });

    const wrong = join(data, 'wrong-outcome.yaml');
    await writeFile(wrong, withEntries('    - file: other.yaml\n      outcome: Successful VA-ECMO weaning within 30 days\n      fileOutcome: Nothing like it\n'));
    const err = await error(wrong);
    expect(err.code).toBe('DATA_INVALID');
    expect(err.problems[0]).toMatchObject({ path: 'context.trials[0].fileOutcome' });
  });

  it('a file pointing at itself does not loop: its own file entries are not followed', async () => {
    const file = join(data, 'self.yaml');
    await writeFile(file, withEntries('    - file: self.yaml\n      outcome: Successful VA-ECMO weaning within 30 days\n'));
    const { trial } = await loadTrial(file);
    expect(trial.context.trials[0]?.name).toBe('LEVOECMO');
  });
});

describe('outcomeKey', () => {
  it('ignores a trailing role remark, case, dashes and spaces', () => {
    expect(outcomeKey('Successful VA-ECMO weaning within 30 days (primary; competing risk)')).toBe(outcomeKey('successful  VA\u2011ECMO weaning within 30 days'));
  });
});
