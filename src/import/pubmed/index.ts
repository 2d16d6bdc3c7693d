// The PubMed importer: efetch XML → citation, abstract bullets, registry
// numbers. A paper's abstract has no per-arm numbers in structured form, so
// on its own it yields a skeleton trial whose arms and primary outcome are
// marked "fill in"; merged with a registry record (see ../merge.ts) it
// supplies the citation and the background/conclusion bullets.
import type { Diagnostic } from '../../errors.js';
import type { TrialInput } from '../../trial/schema.js';
import { slugify } from '../../trial/trial-id.js';
import { readPubmedArticles, type PubmedArticle } from './article.js';

export { readPubmedArticles, type PubmedArticle } from './article.js';

export const PUBMED_WARNINGS = {
  SKELETON: 'PUBMED_DECIDE_SKELETON',
  SEVERAL: 'PUBMED_SEVERAL_ARTICLES',
} as const;

/** Sentences of an abstract section, each a bullet. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const section = (a: PubmedArticle, re: RegExp): string[] => a.abstract.filter((s) => re.test(s.category ?? s.label)).flatMap((s) => sentences(s.text));

/** Citation fields; `acronym` falls back to the registration, then to the PMID. */
export function pubmedPublication(a: PubmedArticle): TrialInput['publication'] {
  const group = a.authors.find((n) => /\b(study|trial|investigators|group)\b/i.test(n));
  const acronym = group ? /^([A-Z][A-Z0-9-]{2,})\b/.exec(group)?.[1] : undefined;
  return {
    title: a.title,
    acronym: acronym ?? a.registrations[0] ?? `PMID ${a.pmid}`,
    year: a.year ?? new Date().getUTCFullYear(),
    journal: a.journal,
    citation: a.citation,
    ...(a.doi ? { doi: a.doi } : {}),
    url: `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(a.pmid)}/`,
    ...(a.registrations.length ? { registration: a.registrations.map((r) => `ClinicalTrials.gov ${r}`).join('; ') } : {}),
  };
}

export const background = (a: PubmedArticle): string[] => section(a, /^(BACKGROUND|INTRODUCTION|OBJECTIVE)/i);
export const conclusions = (a: PubmedArticle): string[] => section(a, /^CONCLUSION/i);

export interface PubmedImport {
  article: PubmedArticle;
  trial: TrialInput;
  warnings: Diagnostic[];
}

export function importPubmed(xml: string, file?: string): PubmedImport[] {
  const articles = readPubmedArticles(xml, file);
  return articles.map((a) => {
    const publication = pubmedPublication(a);
    const src = `pubmed:${a.pmid}`;
    const fill = { kind: 'text', text: 'fill in from the paper' } as const;
    const results = a.abstract.find((s) => /^RESULTS/i.test(s.category ?? s.label))?.text;
    const methods = a.abstract.find((s) => /^METHODS/i.test(s.category ?? s.label))?.text;
    const trial: TrialInput = {
      id: slugify(publication.acronym),
      publication,
      context: { background: background(a), whyItMatters: [] },
      design: {
        ...(methods ? { question: methods } : {}),
        intervention: { name: 'Intervention (fill in)', details: [] },
        comparator: { name: 'Comparator (fill in)', details: [] },
      },
      arms: [
        { id: 'intervention', label: 'Intervention' },
        { id: 'control', label: 'Control' },
      ],
      ...(results ? { resultsIntro: results } : {}),
      results: [{ name: 'Primary outcome (fill in from the paper)', role: 'primary', arms: { intervention: fill, control: fill } }],
      summary: conclusions(a),
      sources: { publication: src, 'context.background': src, resultsIntro: src, summary: src, 'design.question': src },
    };
    const where = file ? { file } : {};
    const warnings: Diagnostic[] = [
      {
        level: 'warning',
        code: PUBMED_WARNINGS.SKELETON,
        message: `PMID ${a.pmid}: an abstract has no structured per-arm numbers; arms and the primary outcome are placeholders. Merge a registry record (trialdeck import ${a.registrations[0] ?? 'NCT…'}.json --pubmed ${file ?? 'paper.xml'}) or fill them in`,
        ...where,
      },
    ];
    return { article: a, trial, warnings };
  });
}
