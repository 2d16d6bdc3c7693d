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
  /** Slide numbers whose notes were cut to fit their box. */
  clippedNotes: number[];
}

export async function printHandout(session: BrowserSession, html: string, model: HandoutModel, slides: number, info: PdfInfo): Promise<PrintedHandout> {
  let clippedNotes: number[] = [];
  const raw = await session.withPage(async (page) => {
    // Measure at the printed width, or fitText() would judge a wider layout than the paper's.
    await page.setViewport({ width: CONTENT_WIDTH_PX, height: 1123 });
    await page.emulateMediaType('print');
    await loadDocument(page, html);
    clippedNotes = await fitText(page);
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
  const expected = handoutPageCount(slides, model.layout);
  const pdf = await finishPdf(raw, {
    info: { ...info, title: `${info.title} (handout)` },
    bookmarks: [
      { title: 'Evidence summary', page: 0 },
      ...model.pages.map((p, i) => ({ title: `Slides ${p[0]?.number ?? 0}–${p[p.length - 1]?.number ?? 0}`, page: i + 1 })),
    ],
  });
  if (pdf.pages !== expected) {
    throw new TrialdeckError('EXPORT', `handout.pdf has ${pdf.pages} pages, expected ${expected}: content overflowed a page`);
  }
  return { ...pdf, clippedNotes };
}

/**
 * Long speaker notes would be cut off by their fixed box: shrink their type
 * step by step (down to 6.5 pt), and fade out whatever still does not fit.
 * On page one, optional blocks go first, then the forest plot shrinks.
 * Runs as a DevTools evaluation: the page itself has JavaScript off.
 */
async function fitText(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const clipped: number[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.notes-text')) {
      const row = el.closest<HTMLElement>('.row');
      // In 3-up the notes flow around the slide and the row clips them; in 2-up their own box does.
      const box = row && getComputedStyle(row).display === 'block' ? row : el;
      const overflows = (): boolean => box.scrollHeight > box.clientHeight + 1;
      let size = parseFloat(getComputedStyle(el).fontSize) * 0.75;
      while (overflows() && size > 6.5) {
        size -= 0.5;
        el.style.fontSize = `${size}pt`;
      }
      if (overflows()) {
        box.classList.add('clipped');
        clipped.push(Number(row?.dataset.slide));
      }
    }
    // Page one: drop optional blocks, then shrink the forest plot, until the summary fits its page.
    const summary = document.querySelector<HTMLElement>('.summary');
    const fits = (): boolean => !summary || summary.scrollHeight <= summary.clientHeight + 1;
    for (const optional of [...(summary?.querySelectorAll<HTMLElement>('.optional') ?? [])].reverse()) {
      if (fits()) break;
      optional.remove();
    }
    const forest = summary?.querySelector<HTMLElement>('.forest img');
    for (let mm = 88; forest && !fits() && mm >= 40; mm -= 4) forest.style.maxHeight = `${mm}mm`;
    return clipped;
  });
}
