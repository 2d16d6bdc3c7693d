// Renders one Vega-Lite chart to SVG inside the sandbox, with an SVG cache in
// front so that a warm build never even imports vega:
//
//   template + datasets ──► prepareSpec ──► cache key ──► hit? ──► SVG
//                                                  │ miss
//                                                  ▼
//        import vega ──► vega-lite compile ──► vega View (deny-all loader,
//        failing logger, renderer 'none') ──► toSVG ──► overflow check
//        ──► <title>/<desc> ──► cache (atomic write) ──► SVG
import { TrialdeckError } from '../errors.js';
import { DEFAULT_CHART_THEME, vegaLiteConfig, type ChartTheme } from './chart-theme.js';
import { compileVegaLite } from './compile-cache.js';
import { prepareSpec, type Datasets, type JsonObject } from './prepare-spec.js';
import {
  createFailingLogger, denyAllLoader, importVegaEngine, RENDERER_VERSION, type EngineLoader, type VegaEngine,
} from './sandbox.js';
import { cacheKey, insertAccessibility, normaliseIds, readCached, roundCoordinates, svgSize, writeCached } from './svg-cache.js';

export interface RenderOptions {
  /** Folder for cached SVGs; no caching when absent. */
  cacheDir?: string;
  theme?: ChartTheme;
  /** Values for `params` the spec declares. */
  params?: Record<string, unknown>;
  /** The whole canvas in px (single and layered views). */
  width?: number;
  height?: number;
  /** Accessible name and description, written as the SVG's <title> and <desc>. */
  title?: string;
  desc?: string;
  /** How vega is imported; defaults to a lazy dynamic import. Tests pass a spy. */
  engine?: EngineLoader;
}

export interface RenderResult {
  svg: string;
  width: number;
  height: number;
  fromCache: boolean;
}

function chartError(err: unknown): TrialdeckError {
  if (err instanceof TrialdeckError) return err;
  const msg = err instanceof Error ? err.message : String(err);
  return new TrialdeckError('CHART', `Chart rendering failed: ${msg}`);
}

/** The parts of vega's scenegraph the overflow check reads. */
interface SceneBounds { x1: number; y1: number; x2: number; y2: number }
interface SceneItem { bounds: SceneBounds; x?: number; y?: number; text?: unknown; items?: SceneMark[] }
interface SceneMark { marktype: string; role?: string; items?: SceneItem[] }

/** Leaf items drawn outside [0, width] × [0, height], described for the error message. */
function offCanvas(mark: SceneMark, dx: number, dy: number, width: number, height: number, out: string[]): void {
  for (const item of mark.items ?? []) {
    const b = item.bounds;
    if (!b || (b.x1 + dx >= -1 && b.y1 + dy >= -1 && b.x2 + dx <= width + 1 && b.y2 + dy <= height + 1)) continue;
    if (mark.marktype === 'group') {
      for (const child of item.items ?? []) offCanvas(child, dx + (item.x ?? 0), dy + (item.y ?? 0), width, height, out);
    } else if (out.length < 3) {
      const what = item.text !== undefined ? `text "${String(item.text)}"` : `${mark.marktype} mark`;
      out.push(`${what} (${mark.role ?? 'mark'}) spans x ${Math.round(b.x1 + dx)}…${Math.round(b.x2 + dx)}, y ${Math.round(b.y1 + dy)}…${Math.round(b.y2 + dy)}`);
    }
  }
}

/** Proves nothing is drawn off the canvas, where the browser would cut it off. */
function checkInsideCanvas(view: import('vega').View, width: number, height: number): void {
  const root = (view.scenegraph() as unknown as { root: SceneMark }).root;
  const origin = view.origin();
  const pad = view.padding() as { left: number; top: number };
  const out: string[] = [];
  offCanvas(root, origin[0] + pad.left, origin[1] + pad.top, width, height, out);
  if (out.length > 0) {
    throw new TrialdeckError('CHART', `Chart content is drawn outside its ${width}×${height} canvas and would be cut off: ${out.join('; ')}`);
  }
}

/** Compiles and renders a prepared Vega-Lite spec; any warning fails the render. */
export async function renderVegaLite(spec: JsonObject, engine: VegaEngine): Promise<string> {
  const logger = createFailingLogger('Vega-Lite');
  let view: import('vega').View | undefined;
  try {
    const compiled = compileVegaLite(engine, spec, logger);
    const vegaLogger = createFailingLogger('vega');
    // A fresh View per drawing: a View reused with new values lays a chart out from the last
    // layout's autosize state (a few px off what a fresh one draws), so nothing is saved there.
    view = new engine.vega.View(engine.vega.parse(compiled as never), {
      renderer: 'none',
      loader: denyAllLoader as never,
      logger: vegaLogger as never,
    });
    // Race: a failed load leaves vega's dataflow waiting forever, but the
    // logger has recorded the problem and `failed` rejects at once.
    const svg = await Promise.race([view.toSVG(), vegaLogger.failed]);
    const late = vegaLogger.problem() ?? logger.problem();
    if (late) throw late;
    const { width, height } = svgSize(svg);
    checkInsideCanvas(view, width, height);
    return svg;
  } catch (err) {
    throw chartError(logger.problem() ?? err);
  } finally {
    view?.finalize();
  }
}

/** A chart ready to draw: the spec vega-lite compiles, and the cache key that names its SVG. */
export interface PreparedChart {
  spec: JsonObject;
  key: string;
  title: string;
  desc: string;
}

/** Checks and fills a template (prepareSpec) and names the result; no vega yet. */
export function prepareChart(template: unknown, datasets: Datasets, options: RenderOptions = {}): PreparedChart {
  const theme = options.theme ?? DEFAULT_CHART_THEME;
  const spec = prepareSpec(template, datasets, {
    params: options.params,
    width: options.width,
    height: options.height,
    config: vegaLiteConfig(theme),
  });
  const title = options.title ?? '';
  const desc = options.desc ?? '';
  return { spec, key: cacheKey({ version: RENDERER_VERSION, spec, theme, title, desc }), title, desc };
}

/** vega ─► the accessible, id-normalised SVG. Runs in the chart worker (chart-worker.ts) or in-process. */
export async function drawPrepared(chart: PreparedChart, engine: VegaEngine): Promise<string> {
  const idPrefix = `td-${chart.key.slice(0, 10)}`;
  const raw = await renderVegaLite(chart.spec, engine);
  return insertAccessibility(roundCoordinates(normaliseIds(raw, idPrefix)), chart.title, chart.desc, idPrefix);
}

/** vega in this thread (the worker's fallback, tests' engine spies, renderChart). */
export async function drawHere(chart: PreparedChart, engine: EngineLoader = importVegaEngine): Promise<string> {
  return drawPrepared(chart, await engine());
}

/**
 * The chart's SVG from the cache, or drawn by `draw` and then stored there
 * (writes are atomic: src/cache/cache-file.ts). Without a cache folder it is always drawn.
 */
export async function cachedOrDrawn(chart: PreparedChart, cacheDir: string | undefined, draw: (chart: PreparedChart) => Promise<string>): Promise<{ svg: string; fromCache: boolean }> {
  const cached = cacheDir ? await readCached(cacheDir, chart.key) : undefined;
  if (cached) return { svg: cached, fromCache: true };
  const svg = await draw(chart);
  if (cacheDir) {
    try {
      await writeCached(cacheDir, chart.key, svg);
    } catch (err) {
      throw new TrialdeckError('CHART', `Cannot write the chart cache in ${cacheDir}: ${(err as Error).message}`);
    }
  }
  return { svg, fromCache: false };
}

/**
 * Renders a chart template with its named datasets to an accessible SVG, in
 * this thread. Throws TrialdeckError('CHART') on any spec, data, vega or
 * vega-lite problem.
 */
export async function renderChart(template: unknown, datasets: Datasets, options: RenderOptions = {}): Promise<RenderResult> {
  const { svg, fromCache } = await cachedOrDrawn(prepareChart(template, datasets, options), options.cacheDir, (chart) => drawHere(chart, options.engine));
  return { svg, ...svgSize(svg), fromCache };
}
