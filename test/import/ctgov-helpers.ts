// Shared loading for the ClinicalTrials.gov / PubMed importer tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCtgovStudy, studiesOf, type CtgovImport } from '../../src/import/ctgov/index.js';
import { trialSchema, type Trial } from '../../src/trial/schema.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test/fixtures');
/** The untouched originals: /work/shared is the repository's ../shared. */
export const SHARED = join(ROOT, '../shared/fixtures');

export const CTGOV_FILES = ['NCT00763412.json', 'NCT02210780.json', 'NCT02552212.json', 'trials_NCT04280705.json'] as const;
export const PUBMED_FILES = ['efetch_citation_22663011.xml', 'pubmed-29768149.xml'] as const;

export function importFile(path: string): CtgovImport & { parsed: Trial } {
  const [study] = studiesOf(JSON.parse(readFileSync(path, 'utf8')), path);
  const r = importCtgovStudy(study!, path);
  return { ...r, parsed: trialSchema.parse(r.trial) };
}

export const fixture = (name: string): string => join(FIXTURES, 'ctgov', name);
