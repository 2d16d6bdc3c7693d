// The untouched originals in ../shared/fixtures (outside the repository, so only
// where that folder exists): each registry record imports and validates with the
// numbers the committed copies test, and each PubMed record parses.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPubmedArticles } from '../../src/import/pubmed/index.js';
import { CTGOV_FILES, fixture, importFile, PUBMED_FILES, SHARED } from './ctgov-helpers.js';

describe.skipIf(!existsSync(SHARED))('original records in ../shared/fixtures', () => {
  it.each(CTGOV_FILES)('%s imports like its committed copy (prose aside)', (file) => {
    const original = importFile(join(SHARED, 'ctgov', file)).parsed;
    const copy = importFile(fixture(file)).parsed;
    expect(original.results).toEqual(copy.results);
    expect(original.arms).toEqual(copy.arms);
    expect(original.baseline).toEqual(copy.baseline);
    expect(original.design.population.inclusion.length).toBeGreaterThan(0);
    expect(original.design.population.exclusions.length).toBeGreaterThan(0);
  });

  it('keeps the dupilumab 90% CIs at 90%', () => {
    const t = importFile(join(SHARED, 'ctgov/NCT02210780.json')).parsed;
    const levels = t.results.flatMap((o) => (o.effect?.ci ? [o.effect.ci.level] : []));
    expect(levels).toEqual([0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]);
  });

  it.each(PUBMED_FILES)('%s parses: citation, four labelled sections, registration', (file) => {
    const [a] = readPubmedArticles(readFileSync(join(SHARED, 'pubmed', file), 'utf8'), file);
    expect(a!.abstract.map((s) => s.label)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    expect(a!.registrations).toHaveLength(1);
    expect(a!.citation).toMatch(/N Engl J Med\. 20(12|18);/);
  });
});
