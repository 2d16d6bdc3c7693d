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

  /**
   * Prints PDF, handout and PNG (those requested) and writes them; returns warnings.
   * The page jobs queue on the shared page in this order (PDF, handout, PNG), but
   * each job's Node-side work (building the handout, pdf-lib post-processing)
   * runs while the browser prints the previous one. Files are written in the same
   * order as the jobs, whichever finishes first.
   */
  async print(deck: ExportInput, formats: readonly string[], write: WriteFile, onStep: (f: PrintFormat) => void = () => {}): Promise<Diagnostic[]> {
    const warnings: Diagnostic[] = [];
    const info = deckInfo(deck.trial);
    const jobs: { format: PrintFormat; files: Promise<[string, Uint8Array][]> }[] = [];
    const start = (format: PrintFormat, files: Promise<[string, Uint8Array][]>): void => {
      // Awaited in order below; a later job failing first must not be an unhandled rejection.
      files.catch(() => undefined);
      jobs.push({ format, files });
    };
    if (formats.includes('pdf')) {
      start('pdf', printDeckPdf(this.session, deck.rendered, info).then((pdf) => [[FILE_NAMES.pdf, pdf.bytes]]));
    }
    if (formats.includes('handout')) {
      const layout = this.options.handoutLayout ?? DEFAULT_HANDOUT_LAYOUT;
      const model = buildHandoutModel(deck.viewModel, deck.rendered, layout);
      const template = loadHandoutTemplate(this.options.templateDir);
      // Queued on the page before PNG, as when the jobs ran one after another.
      const queued = template.then((t) => printHandout(this.session, t.render(model, deck.rendered), model, deck.rendered.slides.length, info));
      if (formats.includes('png')) await template.catch(() => undefined);
      start('handout', queued.then((handout) => [[FILE_NAMES.handout, handout.bytes]]));
    }
    if (formats.includes('png')) {
      start('png', printSlidePngs(this.session, deck.rendered).then((shots) => shots.map((png, i): [string, Uint8Array] => [pngName(i), png])));
    }
    for (const job of jobs) {
      onStep(job.format);
      for (const [name, bytes] of await job.files) await write(name, bytes);
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
