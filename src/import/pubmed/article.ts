// One <PubmedArticle> → citation, abstract sections and registry numbers.
import { TrialdeckError } from '../../errors.js';
import { decodeEntities, innerText, parsePubmedXml } from './parse-xml.js';

export interface PubmedArticle {
  pmid: string;
  title: string;
  journal: string;
  journalFull?: string;
  year?: number;
  volume?: string;
  issue?: string;
  pages?: string;
  doi?: string;
  authors: string[];
  /** Abstract sections by label (BACKGROUND, METHODS, RESULTS, CONCLUSIONS), in order. */
  abstract: { label: string; category?: string; text: string }[];
  /** NCT numbers from DataBankList and, failing that, the abstract text. */
  registrations: string[];
  /** "Flaherty KT, Robert C, Hersey P, et al. Title. N Engl J Med. 2012;367(2):107-14. doi:…" */
  citation: string;
}

type Node = Record<string, unknown>;
const obj = (v: unknown): Node => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Node) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? decodeEntities(String(v)).trim() : typeof v === 'object' && v ? str((v as Node)['#text']) : '');

function author(a: unknown): string {
  const n = obj(a);
  const collective = innerText(n.CollectiveName);
  if (collective) return collective;
  return [str(n.LastName), str(n.Initials)].filter(Boolean).join(' ');
}

function readArticle(pa: unknown): PubmedArticle {
  const mc = obj(obj(pa).MedlineCitation);
  const art = obj(mc.Article);
  const journal = obj(art.Journal);
  const issue = obj(journal.JournalIssue);
  const date = obj(issue.PubDate);
  const pmid = str(mc.PMID);
  const yearText = str(date.Year) || (/\b(19|20)\d{2}\b/.exec(str(date.MedlineDate))?.[0] ?? '');
  const doi =
    arr(art.ELocationID).map(obj).find((e) => e['@EIdType'] === 'doi')?.['#text'] ??
    arr(obj(obj(obj(pa).PubmedData).ArticleIdList).ArticleId).map(obj).find((e) => e['@IdType'] === 'doi')?.['#text'];
  const authors = arr(obj(art.AuthorList).Author).map(author).filter(Boolean);
  const abstract = arr(obj(art.Abstract).AbstractText).map((t) => {
    const n = obj(t);
    const text = innerText(t);
    return { label: str(n['@Label']) || 'ABSTRACT', ...(n['@NlmCategory'] ? { category: str(n['@NlmCategory']) } : {}), text };
  });
  const banks = arr(obj(art.DataBankList).DataBank).map(obj);
  const fromBanks = banks.filter((b) => /clinicaltrials\.gov/i.test(str(b.DataBankName))).flatMap((b) => arr(obj(b.AccessionNumberList).AccessionNumber).map(str));
  const fromText = abstract.flatMap((a) => a.text.match(/\bNCT\d{8}\b/g) ?? []);
  const registrations = [...new Set([...fromBanks, ...fromText].map((s) => s.toUpperCase()))];
  const title = innerText(art.ArticleTitle).replace(/\.$/, '');
  const j = str(journal.ISOAbbreviation) || innerText(journal.Title);
  const pages = str(obj(art.Pagination).MedlinePgn);
  const volume = str(issue.Volume);
  const iss = str(issue.Issue);
  const year = yearText ? Number(yearText) : undefined;
  const names = authors.length > 6 ? `${authors.slice(0, 3).join(', ')}, et al` : authors.join(', ');
  const where = `${j}. ${year ?? ''}${volume ? `;${volume}` : ''}${iss ? `(${iss})` : ''}${pages ? `:${pages}` : ''}.`;
  const citation = [names && `${names}.`, `${title}.`, where, doi ? `doi:${str(doi)}.` : '', pmid ? `PMID: ${pmid}.` : ''].filter(Boolean).join(' ');
  if (!pmid || !title) throw new TrialdeckError('INPUT_UNSUPPORTED', 'a PubmedArticle has no PMID or no ArticleTitle');
  return {
    pmid,
    title,
    journal: j || 'Journal not stated',
    ...(innerText(journal.Title) ? { journalFull: innerText(journal.Title) } : {}),
    ...(year ? { year } : {}),
    ...(volume ? { volume } : {}),
    ...(iss ? { issue: iss } : {}),
    ...(pages ? { pages } : {}),
    ...(doi ? { doi: str(doi) } : {}),
    authors,
    abstract,
    registrations,
    citation,
  };
}

export function readPubmedArticles(xml: string, file?: string): PubmedArticle[] {
  const doc = parsePubmedXml(xml, file);
  const articles = arr(obj(doc.PubmedArticleSet).PubmedArticle).map(readArticle);
  if (articles.length === 0) throw new TrialdeckError('INPUT_UNSUPPORTED', `${file ? `${file}: ` : ''}the PubmedArticleSet holds no PubmedArticle`);
  return articles;
}
