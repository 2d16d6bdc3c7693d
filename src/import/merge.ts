// Several sources → one trial. Precedence (README, "Import"):
//   citation, title, journal, year, DOI, URL ........ PubMed > summary > registry
//   acronym .......................................... summary > registry > PubMed
//   registration, funding ............................ registry > PubMed
//   arms, design facts, enrolment, flow, results,
//   baseline, safety (every number) .................. registry > summary
//   background bullets ............................... summary > PubMed > registry
//   conclusion bullets (summary) ..................... summary > PubMed
//   appraisal prose (validity, strengths, limitations,
//   interpretation, controversies, take-away, RoB 2) . summary only
//   bibliography ..................................... summary's list, then registry references it lacks
// Every field taken records its source in `sources` (e.g. 'publication.citation': 'pubmed:22663011').
import type { Diagnostic } from '../errors.js';
import type { TrialInput } from '../trial/schema.js';
import { slugify } from '../trial/trial-id.js';
import type { CtgovImport } from './ctgov/index.js';
import { background, conclusions, pubmedPublication, type PubmedArticle } from './pubmed/index.js';

export interface MergeSources {
  registry: CtgovImport;
  pubmed?: PubmedArticle;
  summary?: { trial: TrialInput; file: string };
}

export const MERGE_WARNINGS = { MISMATCH: 'MERGE_DECIDE_MISMATCH' } as const;

const has = <T>(v: T[] | undefined): v is T[] => Array.isArray(v) && v.length > 0;

export function mergeSources({ registry, pubmed, summary }: MergeSources): { trial: TrialInput; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  const reg = registry.trial;
  const regSrc = `ctgov:${registry.nctId}`;
  const pmSrc = pubmed ? `pubmed:${pubmed.pmid}` : '';
  const sumSrc = summary ? `summary:${summary.file}` : '';
  const s = summary?.trial;
  const sources: Record<string, string> = { ...(reg.sources ?? {}) };
  const trial: TrialInput = { ...reg };

  if (pubmed && !pubmed.registrations.includes(registry.nctId.toUpperCase())) {
    warnings.push({
      level: 'warning',
      code: MERGE_WARNINGS.MISMATCH,
      message: `PMID ${pubmed.pmid} names ${pubmed.registrations.join(', ') || 'no registration'}, not ${registry.nctId}; check that the paper reports this trial`,
    });
  }
  if (pubmed && registry.mainPaperPmid && registry.mainPaperPmid !== pubmed.pmid) {
    warnings.push({
      level: 'warning',
      code: MERGE_WARNINGS.MISMATCH,
      message: `the registry's likely main paper is PMID ${registry.mainPaperPmid}, but PMID ${pubmed.pmid} was merged; check that this is the paper you present`,
    });
  }

  // Publication: PubMed's citation fields, the summary's acronym, the registry's registration and funding.
  const pub = { ...reg.publication };
  const take = (field: keyof typeof pub, value: string | number | undefined, src: string): void => {
    if (value === undefined || value === '') return;
    (pub as Record<string, unknown>)[field] = value;
    sources[`publication.${field}`] = src;
  };
  for (const f of ['title', 'year', 'journal', 'citation', 'doi', 'url'] as const) take(f, reg.publication[f], regSrc);
  if (s) for (const f of ['title', 'year', 'journal', 'citation', 'doi', 'url'] as const) take(f, s.publication[f], sumSrc);
  if (pubmed) {
    const p = pubmedPublication(pubmed);
    for (const f of ['title', 'year', 'journal', 'citation', 'doi', 'url'] as const) take(f, p[f], pmSrc);
    if (!reg.publication.acronym || /^NCT\d{8}$/.test(reg.publication.acronym)) take('acronym', p.acronym, pmSrc);
  }
  if (s?.publication.acronym) take('acronym', s.publication.acronym, sumSrc);
  take('registration', reg.publication.registration, regSrc);
  take('funding', reg.publication.funding, regSrc);
  trial.publication = pub;
  trial.id = slugify(pub.acronym);
  delete sources.publication;

  // Background and conclusions: the presenter's summary, else the abstract, else the registry.
  const ctx = { ...(reg.context ?? { background: [], whyItMatters: [] }) };
  if (s && has(s.context?.background)) {
    ctx.background = s.context.background;
    sources['context.background'] = sumSrc;
  } else if (pubmed && background(pubmed).length > 0) {
    ctx.background = background(pubmed);
    sources['context.background'] = pmSrc;
  }
  if (s?.context) {
    for (const f of ['question', 'hypothesis', 'whyItMatters'] as const) {
      const v = s.context[f];
      if (v !== undefined && (!Array.isArray(v) || v.length > 0)) {
        (ctx as Record<string, unknown>)[f] = v;
        sources[`context.${f}`] = sumSrc;
      }
    }
  }
  trial.context = ctx;
  if (s && has(s.summary)) {
    trial.summary = s.summary;
    sources.summary = sumSrc;
  } else if (pubmed && conclusions(pubmed).length > 0) {
    trial.summary = conclusions(pubmed);
    sources.summary = pmSrc;
  }

  // Appraisal prose: only a human's summary has it.
  if (s) {
    const prose = ['internalValidity', 'externalValidity', 'strengths', 'limitations', 'interpretation', 'controversies', 'takeaway', 'overallSummary', 'rob2', 'grade', 'resultsSummary'] as const;
    for (const f of prose) {
      const v = s[f];
      if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
      // An empty section ({} or { items: [] }) says nothing; the registry's default stays.
      if (typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => x === undefined || (Array.isArray(x) && x.length === 0))) continue;
      (trial as Record<string, unknown>)[f] = v;
      sources[f] = sumSrc;
    }
    if (has(s.bibliography)) {
      const known = s.bibliography.map((b) => b.text).join('\n');
      const extra = (reg.bibliography ?? []).filter((b) => {
        const pmid = /PMID:?\s*(\d+)/.exec(b.text)?.[1];
        const doi = /doi:?\s*(10\.\S+?)\.?(\s|$)/i.exec(b.text)?.[1];
        return !(pmid && known.includes(pmid)) && !(doi && known.toLowerCase().includes(doi.toLowerCase()));
      });
      trial.bibliography = [...s.bibliography, ...extra.map((b, i) => ({ n: s.bibliography!.length + i + 1, text: b.text }))];
      sources.bibliography = extra.length ? `${sumSrc} + ${regSrc}` : sumSrc;
    }
  }
  trial.sources = sources;
  return { trial, warnings };
}
