// handout.pdf: an A4 page of evidence summary, then the slides 3 or 2 to a
// page with their speaker notes. The HTML comes from templates/handout.hbs
// (a department's templates folder may override it and handout.css), filled
// with the slides' own Marp HTML and CSS, and printed by the shared browser
// with a footer carrying the citation and page numbers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Page } from 'puppeteer-core';
import { DEFAULT_TEMPLATE_DIR } from '../deck/compose.js';
import { TrialdeckError } from '../errors.js';
import { escapeHtml } from '../marp/html-shell.js';
import type { RenderedDeck } from '../marp/render.js';
import type { BrowserSession } from './browser-session.js';
import { handoutPageCount, type HandoutModel } from './handout-model.js';
import { finishPdf, type FinishedPdf, type PdfInfo } from './pdf-document.js';
import { loadDocument } from './print-deck.js';
import { PromiseCache } from '../cache/promise-cache.js';

const COMPILE = { strict: true, knownHelpersOnly: true, knownHelpers: {}, preventIndent: true } as const;

/** A4 margins; the bottom one holds the footer. Keep in step with --sheet-height in handout.css. */
export const HANDOUT_MARGIN = { top: '12mm', right: '14mm', bottom: '18mm', left: '14mm' } as const;
/** A4's 210 mm minus the side margins, in CSS px (96 per inch). */
const CONTENT_WIDTH_PX = Math.floor(((210 - 14 - 14) / 25.4) * 96);

interface HandoutTemplate {
  render(model: HandoutModel, rendered: RenderedDeck): string;
}

const cache = new PromiseCache<HandoutTemplate>();

/** handout.hbs/handout.css from `dir` when it has them, else the built-in ones. */
export function loadHandoutTemplate(dir?: string): Promise<HandoutTemplate> {
  return cache.get(dir ?? DEFAULT_TEMPLATE_DIR, () => compile(dir));
}

async function readFirst(name: string, dirs: string[]): Promise<{ file: string; text: string }> {
  for (const dir of dirs) {
    const file = join(dir, name);
    try {
      return { file, text: await readFile(file, 'utf8') };
    } catch {
      // not in this folder: try the next one
    }
  }
  throw new TrialdeckError('TEMPLATE', `${name} not found in ${dirs.join(' or ')}`);
}

async function compile(dir: string | undefined): Promise<HandoutTemplate> {
  const dirs = dir ? [dir, DEFAULT_TEMPLATE_DIR] : [DEFAULT_TEMPLATE_DIR];
  const source = await readFirst('handout.hbs', dirs);
  const css = await readFirst('handout.css', dirs);
  const hb = Handlebars.create();
  let template: Handlebars.TemplateDelegate;
  try {
    template = hb.compile(source.text, COMPILE);
  } catch (err) {
    throw new TrialdeckError('TEMPLATE', `${source.file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Markup we produced ourselves is marked safe here; everything else the template escapes.
  const safe = (s: string): Handlebars.SafeString => new hb.SafeString(s);
  return {
    render(model, rendered) {
      const context = {
        lang: 'en',
        layout: model.layout,
        marpCss: safe(rendered.css),
        handoutCss: safe(css.text),
        summary: model.summary,
        pages: model.pages.map((page) => page.map((s) => ({ number: s.number, notes: s.notes, html: safe(s.html) }))),
      };
      try {
        return template(context);
      } catch (err) {
        throw new TrialdeckError('TEMPLATE', `${source.file}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}

/** Chromium renders this in the page margin; its text is data, so it is escaped. */
export function footerTemplate(citation: string): string {
  return `<div style="box-sizing:border-box;width:100%;padding:0 14mm 0 14mm;display:flex;gap:6mm;align-items:flex-end;font-family:'Liberation Sans',Arial,sans-serif;font-size:7px;line-height:1.3;color:#52606d">
<div style="flex:1;min-width:0;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical">${escapeHtml(citation)}</div>
<div style="flex:none;white-space:nowrap;font-size:8px">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>
</div>`;
}

export interface PrintedHandout extends FinishedPdf {
  /** Slide numbers whose notes went on to a continuation page. */
  continuedNotes: number[];
}

/** One printed sheet as laid out in the browser: a fixed page, or continued notes that may run over several. */
interface SheetLayout {
  kind: 'summary' | 'slides' | 'continued';
  pages: number;
  first: number;
  last: number;
}

export async function printHandout(session: BrowserSession, html: string, model: HandoutModel, slides: number, info: PdfInfo): Promise<PrintedHandout> {
  let layout: { sheets: SheetLayout[]; continued: number[] } = { sheets: [], continued: [] };
  const raw = await session.withPage(async (page) => {
    // Measure at the printed width, or fitText() would judge a wider layout than the paper's.
    await page.setViewport({ width: CONTENT_WIDTH_PX, height: 1123 });
    await page.emulateMediaType('print');
    await loadDocument(page, html);
    layout = await fitText(page);
    return page.pdf({
      format: 'a4',
      margin: HANDOUT_MARGIN,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(model.summary.citation),
      timeout: 120_000,
    });
  });
  const bookmarks: { title: string; page: number }[] = [];
  let pageIndex = 0;
  for (const sheet of layout.sheets) {
    const title = sheet.kind === 'summary' ? 'Evidence summary' : sheet.kind === 'slides' ? `Slides ${sheet.first}–${sheet.last}` : `Notes of slides ${sheet.first}–${sheet.last} (cont.)`;
    bookmarks.push({ title, page: pageIndex });
    pageIndex += sheet.pages;
  }
  const pdf = await finishPdf(raw, { info: { ...info, title: `${info.title} (handout)` }, bookmarks });
  const fixed = handoutPageCount(slides, model.layout);
  if (pdf.pages !== pageIndex || layout.sheets.filter((s) => s.kind !== 'continued').length !== fixed) {
    throw new TrialdeckError('EXPORT', `handout.pdf has ${pdf.pages} pages, expected ${pageIndex}: content overflowed a page`);
  }
  return { ...pdf, continuedNotes: layout.continued };
}

/**
 * Long speaker notes would not fit their box: shrink their type step by step
 * (down to 7 pt), and carry whatever still does not fit, uncut, to a
 * continuation sheet right after the page. On page one, optional blocks go
 * first, then the forest plot shrinks, and goes when it would be unreadable. Runs as a DevTools evaluation: the
 * page itself has JavaScript off.
 */
async function fitText(page: Page): Promise<{ sheets: SheetLayout[]; continued: number[] }> {
  return page.evaluate(() => {
    const continued: number[] = [];
    for (const sheet of [...document.querySelectorAll<HTMLElement>('.sheet.slides')]) {
      const carried: { slide: number; text: string }[] = [];
      for (const el of sheet.querySelectorAll<HTMLElement>('.notes-text')) {
        const row = el.closest<HTMLElement>('.row');
        // In 3-up the notes flow around the slide and the row clips them; in 2-up their own box does.
        const box = row && getComputedStyle(row).display === 'block' ? row : el;
        const overflows = (): boolean => box.scrollHeight > box.clientHeight + 1;
        let size = parseFloat(getComputedStyle(el).fontSize) * 0.75;
        while (overflows() && size > 7) {
          size -= 0.5;
          el.style.fontSize = `${size}pt`;
        }
        if (!overflows()) continue;
        // Keep the longest run of whole words that fits, and carry the rest.
        const full = el.textContent ?? '';
        const words = full.split(/(?<=\s)/);
        let lo = 0;
        let hi = words.length;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          el.textContent = `${words.slice(0, mid).join('')} (continued on the next page)`;
          if (overflows()) hi = mid - 1;
          else lo = mid;
        }
        el.textContent = `${words.slice(0, lo).join('')}${lo < words.length ? ' (continued on the next page)' : ''}`;
        if (lo < words.length) {
          const slide = Number(row?.dataset.slide);
          carried.push({ slide, text: words.slice(lo).join('') });
          continued.push(slide);
        }
      }
      if (carried.length === 0) continue;
      const cont = document.createElement('section');
      cont.className = 'sheet continued';
      for (const c of carried) {
        const block = document.createElement('div');
        block.className = 'continued-notes';
        block.dataset.slide = String(c.slide);
        const h = document.createElement('div');
        h.className = 'notes-label';
        h.textContent = `Slide ${c.slide}: speaker notes (continued)`;
        const t = document.createElement('div');
        t.className = 'notes-text';
        t.textContent = c.text;
        block.append(h, t);
        cont.append(block);
      }
      sheet.after(cont);
    }
    // Page one: drop optional blocks, then shrink the forest plot, until the summary fits its page.
    const summary = document.querySelector<HTMLElement>('.summary');
    const fits = (): boolean => !summary || summary.scrollHeight <= summary.clientHeight + 1;
    for (const optional of [...(summary?.querySelectorAll<HTMLElement>('.optional:not(.forest)') ?? [])].reverse()) {
      if (fits()) break;
      optional.remove();
    }
    // The forest plot fills what is left of the page, down to a readable size; below that the slides carry it.
    const forest = summary?.querySelector<HTMLElement>('.forest img');
    for (let mm = 88; forest && !fits() && mm >= 44; mm -= 4) forest.style.maxHeight = `${mm}mm`;
    if (!fits()) summary?.querySelector('.forest')?.remove();
    // What was printed, sheet by sheet: continuation sheets may run over several pages.
    const pageHeight = summary?.clientHeight ?? 1;
    const sheets = [...document.querySelectorAll<HTMLElement>('.sheet')].map((s) => {
      const numbers = [...s.querySelectorAll<HTMLElement>('[data-slide]')].map((r) => Number(r.dataset.slide));
      const kind = s.classList.contains('summary') ? 'summary' : s.classList.contains('continued') ? 'continued' : 'slides';
      const pages = kind === 'continued' ? Math.max(1, Math.ceil((s.scrollHeight - 1) / pageHeight)) : 1;
      // A whole number of pages tall, so the printed page count is known.
      if (kind === 'continued') s.style.height = `${pages * pageHeight}px`;
      return {
        kind: kind as 'summary' | 'slides' | 'continued',
        pages,
        first: numbers[0] ?? 0,
        last: numbers[numbers.length - 1] ?? 0,
      };
    });
    return { sheets, continued };
  });
}
