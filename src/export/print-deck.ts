// The deck's own HTML printed by the shared browser: the shell's print CSS
// already lays out one slide per 1280×720 page, so no script is needed (pages
// run with JavaScript off). Charts are SVG data-URI images, which Chromium
// prints as vectors; text stays text with subset fonts embedded.
import type { Page } from 'puppeteer-core';
import { TrialdeckError } from '../errors.js';
import type { RenderedDeck } from '../marp/render.js';
import type { Trial } from '../trial/schema.js';
import type { BrowserSession } from './browser-session.js';
import { finishPdf, sectionBookmarks, type FinishedPdf, type PdfInfo } from './pdf-document.js';


/** Title and author for PDF metadata: `ACRONYM: Title`, first author of the citation. */
export function deckInfo(trial: Trial): PdfInfo {
  const p = trial.publication;
  const firstAuthor = p.citation.split(/[,.;]/)[0]?.trim();
  return {
    title: `${p.acronym}: ${p.title}`,
    author: firstAuthor || p.acronym,
    subject: p.citation,
    keywords: [p.acronym, p.journal, String(p.year), 'journal club'],
    lang: 'en',
  };
}

/** Loads a complete HTML document without any request (setContent is not a navigation). */
export async function loadDocument(page: Page, html: string): Promise<void> {
  await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
  // Data-URI images decode asynchronously; printing before that leaves them blank.
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
}

export async function printDeckPdf(session: BrowserSession, rendered: RenderedDeck, info: PdfInfo): Promise<FinishedPdf> {
  const raw = await session.withPage(async (page) => {
    await loadDocument(page, rendered.html);
    return page.pdf({
      width: `${rendered.width}px`,
      height: `${rendered.height}px`,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      printBackground: true,
      preferCSSPageSize: true,
      timeout: 120_000,
    });
  });
  const pdf = await finishPdf(raw, { info, bookmarks: sectionBookmarks(rendered.slides) });
  // A slide taller than its page would silently spill onto an extra page.
  if (pdf.pages !== rendered.slides.length) {
    throw new TrialdeckError('EXPORT', `deck.pdf has ${pdf.pages} pages for ${rendered.slides.length} slides: a slide overflowed its page`);
  }
  return pdf;
}

/** One PNG per slide, at the slide's own size (times `scale`). */
export async function printSlidePngs(session: BrowserSession, rendered: RenderedDeck, scale = 1): Promise<Uint8Array[]> {
  return session.withPage(async (page) => {
    const { width, height } = rendered;
    await page.setViewport({ width, height, deviceScaleFactor: scale });
    // The print stylesheet stacks every slide at full size; the screen one shows one at a time via script.
    await page.emulateMediaType('print');
    await loadDocument(page, rendered.html);
    const shots: Uint8Array[] = [];
    for (let i = 0; i < rendered.slides.length; i++) {
      shots.push(
        await page.screenshot({
          type: 'png',
          clip: { x: 0, y: i * height, width, height },
          captureBeyondViewport: true,
          optimizeForSpeed: true,
        }),
      );
    }
    return shots;
  });
}
