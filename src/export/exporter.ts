// export stage: everything that needs a browser, behind one object that
// build.ts imports only when a browser format was asked for (puppeteer and
// pdf-lib cost a noticeable share of start-up). One Exporter serves a whole
// batch: one browser session for PDF, handout and PNG, and one marp-cli call
// for every deck's PPTX.
import type { ViewModel } from '../deck/view-model.js';
import type { Diagnostic } from '../errors.js';
import type { RenderedDeck } from '../marp/render.js';
import { DEFAULT_THEME_DIR, listThemes } from '../themes/registry.js';
import type { Trial } from '../trial/schema.js';
import type { BrowserLocation } from './browser-discovery.js';
import { BrowserSession, type SessionOptions } from './browser-session.js';
import { FILE_NAMES } from './file-names.js';
import { buildHandoutModel, DEFAULT_HANDOUT_LAYOUT, type HandoutLayout } from './handout-model.js';
import { loadHandoutTemplate, printHandout } from './handout.js';
import { convertPptx, type PptxJob, type PptxResults } from './pptx.js';
import { deckInfo, printDeckPdf, printSlidePngs } from './print-deck.js';

export { FILE_NAMES };
export const pngName = (index: number): string => `slides/${String(index + 1).padStart(3, '0')}.png`;

export type PrintFormat = 'pdf' | 'handout' | 'png';

export interface ExportInput {
  trial: Trial;
  rendered: RenderedDeck;
  /** The deck's view model: the handout's first page is built from it. */
  viewModel: ViewModel;
}

export interface ExporterOptions extends SessionOptions {
  handoutLayout?: HandoutLayout;
  templateDir?: string;
  themeDir?: string;
}

export type WriteFile = (name: string, content: Uint8Array) => Promise<void>;

export class Exporter {
  readonly session: BrowserSession;
  readonly options: ExporterOptions;

  constructor(options: ExporterOptions) {
    this.options = options;
    this.session = new BrowserSession(options);
  }

  locate(): Promise<BrowserLocation | undefined> {
    return this.session.locate();
  }

  /** Starts the browser in the background, so its launch overlaps loading and rendering. */
  warmUp(): void {
    this.session.warmUp();
  }

  /** Prints PDF, handout and PNG (those requested) and writes them; returns warnings. */
  async print(deck: ExportInput, formats: readonly string[], write: WriteFile, onStep: (f: PrintFormat) => void = () => {}): Promise<Diagnostic[]> {
    const warnings: Diagnostic[] = [];
    const info = deckInfo(deck.trial);
    if (formats.includes('pdf')) {
      onStep('pdf');
      const pdf = await printDeckPdf(this.session, deck.rendered, info);
      await write(FILE_NAMES.pdf, pdf.bytes);
    }
    if (formats.includes('handout')) {
      onStep('handout');
      const layout = this.options.handoutLayout ?? DEFAULT_HANDOUT_LAYOUT;
      const model = buildHandoutModel(deck.viewModel, deck.rendered, layout);
      const html = (await loadHandoutTemplate(this.options.templateDir)).render(model, deck.rendered);
      const handout = await printHandout(this.session, html, model, deck.rendered.slides.length, info);
      await write(FILE_NAMES.handout, handout.bytes);
    }
    if (formats.includes('png')) {
      onStep('png');
      const shots = await printSlidePngs(this.session, deck.rendered);
      for (const [i, png] of shots.entries()) await write(pngName(i), png);
    }
    return warnings;
  }

  /**
   * Converts every deck to PPTX in one marp-cli call; never rejects (errors are per deck).
   * `themes` is the CSS the decks were rendered with (a department's generated theme
   * included); every deck of a batch shares one look.
   */
  async pptx(jobs: readonly PptxJob[], themes?: readonly string[]): Promise<PptxResults> {
    const browser = await this.locate();
    if (!browser || jobs.length === 0) return new Map();
    return convertPptx(jobs, {
      browserPath: browser.path,
      themeDir: this.options.themeDir ?? DEFAULT_THEME_DIR,
      themes: themes ? [...themes] : (await listThemes(this.options.themeDir)).map((t) => t.css),
      workDir: await this.session.tempDir('marp'),
    });
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
