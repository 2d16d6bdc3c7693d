// Post-processing of Chromium's PDFs with pdf-lib: document information
// (Chromium writes only the title) and a bookmark outline. pdf-lib copies the
// page content streams and embedded font programs unchanged, so vectors and
// fonts stay exactly as Chromium printed them.
//
// Bookmarks come from the slides' own HTML: the first <h1> or <h2> of each
// slide. A paginated section ("Results", "Results (cont.)") gets one
// bookmark, on its first page.
import { ParseSpeeds, PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';

const HEADING = /<h([12])\b[^>]*>([\s\S]*?)<\/h\1>/i;
// "(cont.)", "(cont. 2)" (src/deck/slides.ts continuedTitle), "(continued)".
const CONTINUED = /\s*\((?:cont\.?(?: \d+)?|continued)\)\s*$/i;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities markdown-it and Marp emit (named basics and numeric). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** The visible text of a slide's first h1/h2, or undefined for a slide without one. */
export function slideTitle(slideHtml: string): string | undefined {
  const m = HEADING.exec(slideHtml);
  if (!m?.[2]) return undefined;
  const text = decodeEntities(m[2].replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  return text || undefined;
}

export interface Bookmark {
  title: string;
  /** 0-based page (= slide) index. */
  page: number;
}

export function sectionBookmarks(slides: readonly string[]): Bookmark[] {
  const out: Bookmark[] = [];
  let previous: string | undefined;
  const seen = new Set<string>();
  slides.forEach((html, page) => {
    const title = slideTitle(html);
    if (!title) return;
    const section = title.replace(CONTINUED, '');
    // A continuation page belongs to its section's bookmark, also when it sits apart from it
    // (the story's "Words vs numbers" continues in the backup).
    if (section === previous || (section !== title && seen.has(section))) return;
    previous = section;
    seen.add(section);
    out.push({ title: section, page });
  });
  return out;
}

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  lang?: string;
}

export interface FinishOptions {
  info: PdfInfo;
  bookmarks?: readonly Bookmark[];
}

export interface FinishedPdf {
  bytes: Uint8Array;
  pages: number;
}

export async function finishPdf(raw: Uint8Array, options: FinishOptions): Promise<FinishedPdf> {
  // pdf-lib yields to the event loop every 100 objects by default, which more than doubles its time here.
  const doc = await PDFDocument.load(raw, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const { info } = options;
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setAuthor(info.author);
  if (info.subject) doc.setSubject(info.subject);
  if (info.keywords?.length) doc.setKeywords(info.keywords);
  if (info.lang) doc.setLanguage(info.lang);
  doc.setCreator('trialdeck');
  doc.setProducer('trialdeck (Chromium + pdf-lib)');
  const now = new Date();
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  if (options.bookmarks?.length) addOutline(doc, options.bookmarks);
  // Object streams halve Chromium's file size; content streams and fonts are copied as they are.
  const bytes = await doc.save({ useObjectStreams: true, objectsPerTick: Infinity });
  return { bytes, pages: doc.getPageCount() };
}

/** A flat outline (one level): pdf-lib has no outline API, so build the dictionaries. */
export function addOutline(doc: PDFDocument, bookmarks: readonly Bookmark[]): void {
  const pages = doc.getPages();
  const entries = bookmarks.filter((b) => b.page >= 0 && b.page < pages.length);
  if (entries.length === 0) return;
  const ctx = doc.context;
  const root = ctx.nextRef();
  const refs: PDFRef[] = entries.map(() => ctx.nextRef());
  entries.forEach((entry, i) => {
    const page = pages[entry.page];
    const ref = refs[i];
    if (!page || !ref) return;
    const item = ctx.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: root,
      Dest: [page.ref, PDFName.of('Fit')],
    });
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    ctx.assign(ref, item);
  });
  const first = refs[0];
  const last = refs[refs.length - 1];
  if (!first || !last) return;
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: first, Last: last, Count: refs.length }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  // Open the bookmarks panel, so the sections are the first thing a reader sees.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
