// buildDecks(): the pipeline, for one trial or a batch.
//
//   load ──► validate ──► derive ──► chart ──► compose ──► render ──► export
//    │          │           │          │          │           │          │
//   YAML/JSON  zod schema  evidence   Vega-Lite  Handlebars  marp-core  staging folder:
//   or summary + checks    engine     -> SVG     -> Marp MD  -> HTML    md, html, charts;
//                                                                       native pptx (view model
//                                                                       ─► src/pptx, no browser);
//                                                                       one shared browser:
//                                                                       pdf, handout, png;
//                                                                       one marp-cli call for
//                                                                       the batch: pptx-images;
//                                                                       then swapped in atomically
//
// Each stage is a plain function; this file strings them together. Every deck
// is staged, so a failed build never touches the previous deck, and a failed
// deck never stops the others.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { planCharts, svgDataUri } from './charts/index.js';
import { warmChartWorker } from './charts/chart-worker-pool.js';
import { fillPlaceholders, placeholderUri } from './deck/chart-placeholders.js';
import { deriveEvidence } from './evidence/index.js';
import type { Evidence } from './evidence/types.js';
import { composeDeck } from './deck/compose.js';
import type { BackupMode, DeckChart, ViewModel } from './deck/view-model.js';
import { TrialdeckError, type Diagnostic } from './errors.js';
import { recoverAll, stageOutput, type Staging } from './export/atomic-output.js';
import { discoverBrowser, type BrowserLocation, type SearchMode } from './export/browser-discovery.js';
import type { HandoutLayout } from './export/handout-model.js';
import { MESSAGES } from './export/messages.js';
import { FILE_NAMES } from './export/file-names.js';
import { renderCached } from './marp/render-cache.js';
import type { RenderedDeck } from './marp/render.js';
import { resolveLook, type Look } from './themes/look.js';
import type { Theme } from './themes/registry.js';
import { loadTrial } from './trial/load.js';
import type { Trial } from './trial/schema.js';
import { trialId } from './trial/trial-id.js';
import { nativePptx } from './export/native-pptx.js';
import { StageTimer } from './stage-timer.js';
import { memberOf } from './member-of.js';

export const FORMATS = ['md', 'html', 'pdf', 'handout', 'pptx', 'png', 'pptx-images'] as const;
export type Format = (typeof FORMATS)[number];
export const isFormat: (v: unknown) => v is Format = memberOf(FORMATS);
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'pdf', 'handout', 'pptx'];
/** Formats that need a browser (Chrome, Chromium or Edge). Native `pptx` needs none; `pptx-images` is marp-cli's screenshots. */
export const BROWSER_FORMATS: readonly Format[] = ['pdf', 'handout', 'png', 'pptx-images'];
export function isBrowserFormat(f: Format): boolean {
  return BROWSER_FORMATS.includes(f);
}

export interface BuildOptions {
  outDir: string;
  formats: readonly Format[];
  theme?: string;
  templateDir?: string;
  themeDir?: string;
  /** Department name (themes/departments/<name>.yaml) or path to a department .yaml file. */
  department?: string;
  /** Shown in the footer (and byline); no date by default, so builds stay byte-identical. */
  date?: string;
  /**
   * Chart SVG cache; defaults to `<outDir>/.cache/charts`. `false` disables it,
   * and the render cache (`<outDir>/.cache/render`) with it.
   */
  cacheDir?: string | false;
  /** Always add the "Are the numbers consistent?" slide. */
  auditSlide?: boolean;
  /** `none` leaves the backup slides out (default `full`). */
  backup?: BackupMode;
  /** Handout slides per page: 3 beside their notes (default) or 2 above them. */
  handoutLayout?: HandoutLayout;
  /** Browser executable; a wrong path is an error (BROWSER_NOT_FOUND). */
  browserPath?: string;
  /** Which discovery steps run after browserPath/CHROME_PATH; default: TRIALDECK_BROWSER_SEARCH or 'all'. */
  browserSearch?: SearchMode;
  /** Parent of the run's temp folder (browser profile, marp-cli files); default: os.tmpdir(). */
  tmpDir?: string;
}

export interface DeckBuild {
  trial: Trial;
  evidence: Evidence;
  markdown: string;
  viewModel: ViewModel;
  rendered: RenderedDeck;
  charts: (DeckChart & { svg: string })[];
  warnings: Diagnostic[];
  /** Every theme the deck was rendered with, the generated department theme included (PPTX needs them too). */
  themes: Theme[];
  /** Theme, palette and department: the native PPTX takes its masters from it. */
  look: Look;
}

export interface BuildResult {
  input: string;
  id: string;
  dir: string;
  files: string[];
  slides: number;
  warnings: Diagnostic[];
  /** Requested formats that were not written because no browser was found. */
  skipped: Format[];
}

export interface BatchResult {
  results: BuildResult[];
  failures: { input: string; error: unknown }[];
  /** Batch-wide warnings, e.g. no browser found (said once, not per deck). */
  warnings: Diagnostic[];
  skipped: Format[];
  /** The browser that was found (whether or not it was needed in the end). */
  browser?: BrowserLocation;
}

export type BuildEvent =
  | { kind: 'step'; index: number; total: number; input: string; step: 'render' | Format }
  | { kind: 'pptx'; decks: number; phase: 'start' | 'wait' }
  | { kind: 'done'; index: number; total: number; result: BuildResult }
  | { kind: 'failed'; index: number; total: number; input: string; error: unknown };

/** load → … → render, in memory: what both `build` and the preview server need. */
export async function makeDeck(
  trial: Trial,
  warnings: Diagnostic[],
  options: Omit<BuildOptions, 'formats' | 'outDir'> & { cacheDir?: string | false; renderCacheDir?: string },
): Promise<DeckBuild> {
  const stages = new StageTimer();
  const look = await resolveLook({ theme: options.theme, themeDir: options.themeDir, department: options.department });
  stages.mark('look');
  const evidence = deriveEvidence(trial, { mcid: trial.evidence?.mcid });
  stages.mark('derive');
  // The charts are drawn (in the chart worker) while the slides are composed and rendered around
  // placeholders that name each drawing by its content hash; the real data URIs go in at the end.
  const plan = await planCharts(trial, { cacheDir: options.cacheDir || undefined, evidence, theme: look.chart });
  stages.mark('plan charts');
  const drafts: DeckChart[] = plan.charts.map((c) => ({ id: c.id, title: c.title, alt: c.alt, uri: placeholderUri(c.key), ...(c.besideKey ? { besideUri: placeholderUri(c.besideKey) } : {}) }));
  const p = trial.publication;
  const renderOptions = { themes: look.themes, title: `${p.acronym}: ${p.title}`, author: p.citation.split(/[.;]/)[0] ?? p.acronym, description: p.citation };
  const cache = options.renderCacheDir ? { dir: options.renderCacheDir, name: trialId(trial) } : undefined;
  const composeAndRender = async (charts: DeckChart[]): Promise<{ markdown: string; viewModel: ViewModel; rendered: RenderedDeck }> => {
    const { markdown, viewModel } = await composeDeck(trial, evidence, charts, {
      theme: look.name,
      templateDir: options.templateDir,
      auditSlide: options.auditSlide,
      backup: options.backup,
      occasion: { ...look.occasion, date: options.date },
    });
    stages.mark('compose');
    const rendered = await renderCached(markdown, renderOptions, cache);
    stages.mark('render');
    return { markdown, viewModel, rendered };
  };
  const draft = composeAndRender(drafts);
  // A chart error is the deck's error even when composing failed too (charts used to come first).
  const [drawn, composed] = await Promise.allSettled([plan.rendered, draft]);
  if (drawn.status === 'rejected') throw drawn.reason;
  if (composed.status === 'rejected') throw composed.reason;
  stages.mark('charts (waited for)');
  const charts = drawn.value.charts.map((c) => ({ id: c.id, title: c.title, alt: c.alt, uri: svgDataUri(c.svg), svg: c.svg, ...(c.beside ? { besideUri: svgDataUri(c.beside.svg), besideSvg: c.beside.svg } : {}) }));
  // A beside drawing that could not be laid out changes the slides: compose them again (rare).
  const sameCharts = plan.charts.every((c, i) => Boolean(c.besideKey) === Boolean(charts[i]?.besideUri));
  const { markdown, viewModel, rendered } = sameCharts ? fillPlaceholders(composed.value, drafts, charts) : await composeAndRender(charts);
  stages.report(trialId(trial));
  return { trial, evidence, markdown, viewModel, rendered, charts, warnings: [...warnings, ...look.warnings, ...evidence.warnings], themes: look.themes, look };
}

/** One trial; throws what made it fail. */
export async function buildDeck(input: string, options: BuildOptions): Promise<BuildResult> {
  const batch = await buildDecks([input], options);
  const failure = batch.failures[0];
  if (failure) throw failure.error;
  const result = batch.results[0];
  if (!result) throw new TrialdeckError('INTERNAL', `no result for ${input}`);
  return { ...result, warnings: [...batch.warnings, ...result.warnings] };
}

interface Pending {
  index: number;
  input: string;
  id: string;
  deck: DeckBuild;
  staging: Staging;
  files: string[];
  warnings: Diagnostic[];
  /** The browser formats, printed as soon as the deck is rendered and written once every deck is. */
  printed?: Promise<{ files: [string, Uint8Array][]; warnings: Diagnostic[] }>;
}

/** Many trials, one browser: started once, shared by every deck and format, always closed. */
export async function buildDecks(inputs: readonly string[], options: BuildOptions, onEvent: (e: BuildEvent) => void = () => {}): Promise<BatchResult> {
  const total = inputs.length;
  const batch: BatchResult = { results: [], failures: [], warnings: [], skipped: [] };
  const fail = (index: number, input: string, error: unknown): void => {
    batch.failures.push({ input, error });
    onEvent({ kind: 'failed', index, total, input, error });
  };
  const wanted = options.formats.filter(isBrowserFormat);
  const discovery = { browserPath: options.browserPath, search: options.browserSearch, tmpDir: options.tmpDir };
  // A wrong --browser-path fails the run before any work, even when no browser format is wanted.
  if (wanted.length === 0 && options.browserPath) await discoverBrowser(discovery);
  const exporter = wanted.length > 0 ? new (await import('./export/exporter.js')).Exporter({ ...discovery, ...options }) : undefined;
  const pending: Pending[] = [];
  const cacheDir = options.cacheDir === false ? false : (options.cacheDir ?? join(options.outDir, '.cache', 'charts'));
  const renderCacheDir = cacheDir === false ? undefined : join(options.outDir, '.cache', 'render');
  // A first build into this folder draws every chart: start the chart worker (and vega in it)
  // now, while the trial loads. A rebuild finds its charts in the cache and needs no worker.
  if (cacheDir === false || !existsSync(cacheDir)) warmChartWorker();
  // A build killed mid-swap left its previous deck as `.retired-*`: put every such deck back first
  // (best effort: each deck's own staging retries, and reports, for the decks built now).
  await recoverAll(options.outDir).catch(() => {});
  try {
    batch.browser = await exporter?.locate();
    if (exporter && !batch.browser) {
      batch.skipped = wanted;
      batch.warnings.push({ level: 'warning', code: 'BROWSER_NOT_FOUND', message: MESSAGES.noBrowser(wanted) });
    }
    const formats = options.formats.filter((f) => !batch.skipped.includes(f));
    // Start the browser once the first trial has loaded, so its launch overlaps rendering
    // (but a mistyped file name does not wait for a browser it will never use).
    let warmUp = formats.some((f) => f === 'pdf' || f === 'handout' || f === 'png') ? exporter?.warmUp.bind(exporter) : undefined;

    // load → render for every trial, writing what needs no browser
    const ids = new Map<string, string>();
    for (const [index, input] of inputs.entries()) {
      let staging: Staging | undefined;
      try {
        onEvent({ kind: 'step', index, total, input, step: 'render' });
        const loaded = await loadTrial(input);
        warmUp?.();
        warmUp = undefined;
        const id = trialId(loaded.trial);
        const first = ids.get(id);
        if (first !== undefined) throw new TrialdeckError('OUTPUT', MESSAGES.duplicateId(id, first));
        ids.set(id, input);
        const deck = await makeDeck(loaded.trial, loaded.warnings, { ...options, cacheDir, renderCacheDir });
        staging = await stageOutput(options.outDir, id);
        const item: Pending = { index, input, id, deck, staging, files: [], warnings: [...deck.warnings] };
        if (exporter) {
          // The browser prints (in its own processes) while this process writes the files
          // below and renders the next deck. Only written after them, in the usual order.
          const files: [string, Uint8Array][] = [];
          item.printed = exporter.print(deck, formats, async (name, bytes) => void files.push([name, bytes])).then((warnings) => ({ files, warnings }));
          item.printed.catch(() => undefined);
        }
        if (formats.includes('md')) await write(item, 'deck.md', deck.markdown);
        if (formats.includes('html')) await write(item, 'deck.html', deck.rendered.html);
        for (const chart of deck.charts) await write(item, `charts/${chart.id}.svg`, chart.svg);
        if (formats.includes('pptx')) {
          onEvent({ kind: 'step', index, total, input, step: 'pptx' });
          const native = await nativePptx(deck);
          await write(item, FILE_NAMES.pptx, native.bytes);
          item.warnings.push(...native.warnings);
        }
        pending.push(item);
      } catch (err) {
        await staging?.discard();
        fail(index, input, err);
      }
    }

    // pptx-images: one marp-cli call for the batch, running while the shared browser prints the rest.
    const pptxJobs = exporter && formats.includes('pptx-images') ? pending.map((p) => ({ id: p.id, markdown: p.deck.markdown })) : [];
    if (pptxJobs.length > 0) onEvent({ kind: 'pptx', decks: pptxJobs.length, phase: 'start' });
    const pptx = exporter && pptxJobs.length > 0
      ? exporter.pptx(pptxJobs, pending[0]?.deck.themes.map((t) => t.css)).catch((err: unknown) => new Map(pptxJobs.map((j) => [j.id, err])))
      : Promise.resolve(new Map<string, unknown>());

    for (const item of [...pending]) {
      if (!exporter) break;
      try {
        const printing = formats.filter((f) => f === 'pdf' || f === 'handout' || f === 'png');
        if (printing[0]) onEvent({ kind: 'step', index: item.index, total, input: item.input, step: printing[0] });
        const printed = await item.printed;
        for (const [name, bytes] of printed?.files ?? []) await write(item, name, bytes);
        item.warnings.push(...(printed?.warnings ?? []));
      } catch (err) {
        pending.splice(pending.indexOf(item), 1);
        await item.staging.discard();
        fail(item.index, item.input, err);
      }
    }

    if (pptxJobs.length > 0) onEvent({ kind: 'pptx', decks: pptxJobs.length, phase: 'wait' });
    const pptxFiles = await pptx;
    // Commit in input order: each deck appears complete, or not at all.
    for (const item of [...pending]) {
      pending.splice(pending.indexOf(item), 1);
      try {
        const file = pptxFiles.get(item.id);
        if (file instanceof Uint8Array) await write(item, FILE_NAMES['pptx-images'], file);
        else if (file !== undefined) throw file;
        await item.staging.commit();
        const result: BuildResult = {
          input: item.input,
          id: item.id,
          dir: join(options.outDir, item.id),
          files: item.files,
          slides: item.deck.rendered.slides.length,
          warnings: item.warnings,
          skipped: batch.skipped,
        };
        batch.results.push(result);
        onEvent({ kind: 'done', index: item.index, total, result });
      } catch (err) {
        await item.staging.discard();
        fail(item.index, item.input, err);
      }
    }
    return batch;
  } finally {
    for (const item of pending) await item.staging.discard();
    await exporter?.close();
  }
}

async function write(item: Pending, name: string, content: string | Uint8Array): Promise<void> {
  await item.staging.write(name, content);
  item.files.push(name);
}
