// Shared loading for the ClinicalTrials.gov / PubMed importer tests.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCtgovStudy, studiesOf, type CtgovImport } from '../../src/import/ctgov/index.js';
import { trialSchema, type Trial } from '../../src/trial/schema.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test/fixtures');
/**
 * The untouched originals in the repository's ../shared. In a git worktree the
 * repository is the main checkout that `.git` (a file there) points into.
 */
function repositoryRoot(): string {
  const dotGit = join(ROOT, '.git');
  if (existsSync(dotGit) && statSync(dotGit).isFile()) {
    const gitdir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    // <repo>/.git/worktrees/<name> → <repo>
    if (gitdir) return resolve(gitdir, '../../..');
  }
  return ROOT;
}
export const SHARED = join(repositoryRoot(), '../shared/fixtures');

export const CTGOV_FILES = ['NCT00763412.json', 'NCT02210780.json', 'NCT02552212.json', 'trials_NCT04280705.json'] as const;
export const PUBMED_FILES = ['efetch_citation_22663011.xml', 'pubmed-29768149.xml'] as const;

export function importFile(path: string): CtgovImport & { parsed: Trial } {
  const [study] = studiesOf(JSON.parse(readFileSync(path, 'utf8')), path);
  const r = importCtgovStudy(study!, path);
  return { ...r, parsed: trialSchema.parse(r.trial) };
}

export const fixture = (name: string): string => join(FIXTURES, 'ctgov', name);
