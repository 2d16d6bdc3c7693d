// PubMed efetch XML: citation, structured abstract, registry numbers; hostile XML refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPubmed, readPubmedArticles } from '../../src/import/pubmed/index.js';
import { decodeEntities, MAX_XML_BYTES } from '../../src/import/pubmed/parse-xml.js';
import { trialSchema } from '../../src/trial/schema.js';
import { FIXTURES } from './ctgov-helpers.js';

const read = (name: string): string => readFileSync(join(FIXTURES, 'pubmed', name), 'utf8');

describe('METRIC (PMID 22663011, unmodified efetch layout)', () => {
  const [a] = readPubmedArticles(read('efetch_citation_22663011.xml'));
  it('reads the citation fields', () => {
    expect(a).toMatchObject({
      pmid: '22663011',
      title: 'Improved survival with MEK inhibition in BRAF-mutated melanoma',
      journal: 'N Engl J Med',
      year: 2012,
      volume: '367',
      issue: '2',
      pages: '107-14',
      doi: '10.1056/NEJMoa1203421',
      registrations: ['NCT01245062'],
    });
    expect(a!.authors).toHaveLength(26);
    expect(a!.authors.at(-1)).toBe('METRIC Study Group');
    expect(a!.citation).toBe('Flaherty KT, Robert C, Hersey P, et al. Improved survival with MEK inhibition in BRAF-mutated melanoma. N Engl J Med. 2012;367(2):107-14. doi:10.1056/NEJMoa1203421. PMID: 22663011.');
  });
  it('keeps the labelled sections and decodes &lt;', () => {
    expect(a!.abstract.map((s) => s.label)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    expect(a!.abstract[2]!.text).toContain('P<0.001');
  });
  it('alone gives a valid skeleton with background and conclusion bullets and a placeholder warning', () => {
    const [r] = importPubmed(read('efetch_citation_22663011.xml'));
    const t = trialSchema.parse(r!.trial);
    expect(t.publication.acronym).toBe('METRIC');
    expect(t.publication.registration).toBe('ClinicalTrials.gov NCT01245062');
    expect(t.context.background.length).toBeGreaterThanOrEqual(2);
    expect(t.summary[0]?.text).toMatch(/^Compared with chemotherapy, trametinib/);
    expect(t.sources?.publication).toBe('pubmed:22663011');
    expect(r!.warnings[0]?.code).toBe('PUBMED_DECIDE_SKELETON');
  });
});

describe('SYGMA 1 (PMID 29768149, re-serialised, Label without NlmCategory)', () => {
  const [a] = readPubmedArticles(read('pubmed-29768149.xml'));
  it('reads sections by Label, character references and inline <sub>', () => {
    expect(a!.abstract.map((s) => s.label)).toEqual(['BACKGROUND', 'METHODS', 'RESULTS', 'CONCLUSIONS']);
    expect(a!.abstract[0]!.text).toContain('β2-agonist');
    expect(a!.abstract[1]!.text).toContain('200 μg');
    expect(a!.registrations).toEqual(['NCT02149199']);
    expect(a).toMatchObject({ year: 2018, volume: '378', issue: '20', pages: '1865-1876', doi: '10.1056/NEJMoa1715274' });
  });
});

describe('hostile XML', () => {
  it('refuses entity declarations (billion laughs, external entities)', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&lol2;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>';
    expect(() => readPubmedArticles(bomb)).toThrow(/declares entities/);
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><PubmedArticleSet/>';
    expect(() => readPubmedArticles(xxe)).toThrow(/declares entities/);
  });
  it('leaves undeclared named entities as written and refuses oversize input', () => {
    expect(decodeEntities('a &amp; b &foo; &#x3B2;')).toBe('a & b &foo; β');
    expect(() => readPubmedArticles(`<PubmedArticleSet>${' '.repeat(MAX_XML_BYTES)}</PubmedArticleSet>`)).toThrow(/limit/);
  });
  it('says what it expected for other XML', () => {
    expect(() => readPubmedArticles('<html><body/></html>')).toThrow(/PubmedArticleSet/);
  });
});
