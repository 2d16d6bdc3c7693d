// What a reader's tools see in our outputs: poppler-utils for PDFs, unzip for
// PPTX, pdf-lib for the bookmark outline. No mocks of the browser.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

export function pdfInfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1]) info[m[1].trim()] = (m[2] ?? '').trim();
  }
  return info;
}

export function pdfPages(file: string): number {
  return Number(pdfInfo(file).Pages);
}

/** `layout` keeps columns side by side; `raw` keeps each element's text together, in drawing order. */
export function pdfText(file: string, page?: number, mode: 'layout' | 'raw' = 'layout'): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', [`-${mode}`, ...range, file, '-']);
}

/** One row per font: name and the 'emb' column. */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… encoding emb sub uni object ID: 'emb' is the 5th column from the end.
    return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** Raster images in the PDF (charts printed as vectors add none). */
export function pdfImageCount(file: string): number {
  return run('pdfimages', ['-list', file]).split('\n').slice(2).filter((l) => l.trim()).length;
}

/** The top-level bookmarks: title and 1-based page. */
export async function pdfOutline(file: string): Promise<{ title: string; page: number }[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const pages = doc.getPages().map((p) => p.ref);
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const out: { title: string; page: number }[] = [];
  let ref = outlines?.get(PDFName.of('First'));
  for (let guard = 0; ref instanceof PDFRef && guard < 1000; guard++) {
    const item = doc.context.lookup(ref, PDFDict);
    const title = item.lookup(PDFName.of('Title'));
    const dest = item.lookup(PDFName.of('Dest'));
    const target = dest instanceof PDFArray ? dest.get(0) : undefined;
    out.push({
      title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
      page: pages.findIndex((p) => target instanceof PDFRef && p.toString() === target.toString()) + 1,
    });
    ref = item.get(PDFName.of('Next'));
  }
  return out;
}

export function zipEntries(file: string): string[] {
  return run('unzip', ['-Z1', file]).split('\n').filter(Boolean);
}

export function zipText(file: string, entry: string): string {
  return run('unzip', ['-p', file, entry]);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  if (b.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
