// The chart stage: Trial ──► ChartSet.
//
//   trial ──► builders (forest, event-rates, continuous, competing, flow)
//              │  named datasets + params + alt text, or null (no such data)
//              ▼
//   templates/charts/<id>.vl.json ──► renderChart (cache, sandboxed vega) ──► SVG
import { TrialdeckError, type Problem } from '../errors.js';
import type { Evidence } from '../evidence/types.js';
import type { Trial } from '../trial/schema.js';
import { buildBayesChart } from './bayes.js';
import { DEFAULT_CHART_THEME, type ChartTheme } from './chart-theme.js';
import { buildCompetingChart } from './competing.js';
import { buildContextForestChart } from './context-forest.js';
import { buildContinuousChart } from './continuous.js';
import { buildEventRatesChart } from './event-rates.js';
import { buildFlowChart } from './flow.js';
import { buildForestChart } from './forest.js';
import { drawInWorker } from './chart-worker-pool.js';
import type { ChartId } from './spec-files.js';
import { cachedOrDrawn, drawHere, prepareChart, type PreparedChart } from './render.js';
import { svgSize } from './svg-cache.js';
import { DEFAULT_SPEC_DIR, loadChartSpec, type Chart, type ChartDrawing, type ChartImage, type ChartSet, type ChartSpecInput } from './spec-files.js';
import type { EngineLoader } from './sandbox.js';

export interface ChartOptions {
  theme?: ChartTheme;
  /** Folder for cached SVGs (content-hashed); no caching when absent. */
  cacheDir?: string;
  /** Folder with <id>.vl.json templates; default: this package's templates/charts. */
  specDir?: string;
  /** How vega is imported (tests pass a spy); default: lazy dynamic import. */
  engine?: EngineLoader;
  /** Derived statistics, for the Bayesian posterior chart. */
  evidence?: Evidence;
}

/** In deck order. Each returns null when the trial has no data for its chart. */
export const CHART_BUILDERS: readonly ((trial: Trial, theme: ChartTheme) => ChartSpecInput | null)[] = [
  buildForestChart,
  buildEventRatesChart,
  buildContinuousChart,
  buildCompetingChart,
  buildFlowChart,
];

/** Builds the chart inputs without rendering (cheap; no vega). */
export function buildChartInputs(trial: Trial, theme: ChartTheme = DEFAULT_CHART_THEME, evidence?: Evidence): ChartSpecInput[] {
  return chartInputSteps(trial, theme, evidence)
    .map((step) => step())
    .filter((c): c is ChartSpecInput => c !== null);
}

/** The builders in deck order, each to run when its chart is wanted (planCharts hands each on at once). */
function chartInputSteps(trial: Trial, theme: ChartTheme, evidence?: Evidence): (() => ChartSpecInput | null)[] {
  return [...CHART_BUILDERS.map((build) => () => build(trial, theme)), () => buildBayesChart(trial, theme, evidence), () => buildContextForestChart(trial, theme, evidence)];
}

/** A chart as known before it is drawn: enough for the slides to be composed around it. */
export interface PlannedChart {
  id: ChartId;
  title: string;
  alt: string;
  /** The drawing's content hash (the SVG cache key): names a placeholder that stands for it. */
  key: string;
  /** The beside drawing's key, when the chart has one (its drawing may still fail: see ChartSet). */
  besideKey?: string;
}

export interface ChartPlan {
  charts: PlannedChart[];
  /** The drawings, in the same order; rejects with the first failing chart's error, in deck order. */
  rendered: Promise<ChartSet>;
}

/**
 * Checks and fills each chart template (fast, no vega) and starts drawing it
 * at once: from the cache, or in the chart worker (chart-worker-pool.ts), so
 * that the caller can compose the slides meanwhile. Template and data
 * problems reject here; drawing problems reject `rendered`.
 */
export async function planCharts(trial: Trial, options: ChartOptions = {}): Promise<ChartPlan> {
  const theme = options.theme ?? DEFAULT_CHART_THEME;
  const specDir = options.specDir ?? DEFAULT_SPEC_DIR;
  const draw = async (chart: PreparedChart, d: ChartDrawing, input: ChartSpecInput): Promise<ChartImage> => {
    try {
      // A test's engine spy runs here, in this thread; everything else goes to the worker.
      const { engine } = options;
      const { svg } = await cachedOrDrawn(chart, options.cacheDir, engine ? (c) => drawHere(c, engine) : drawInWorker);
      return { svg, ...svgSize(svg), ...(d.alt && d.alt !== input.alt ? { alt: d.alt } : {}) };
    } catch (err) {
      throw layoutHint(err, input, trial);
    }
  };
  const planned: PlannedChart[] = [];
  const jobs: { input: ChartSpecInput; image: Promise<ChartImage>; besideImage: Promise<ChartImage | undefined> }[] = [];
  // Each chart is handed to the worker as soon as it is prepared, so the worker draws the first
  // while this thread lays out the next. Each drawing is observed at once too, so a later
  // chart's failure is never an unhandled rejection while an earlier one draws.
  for (const step of chartInputSteps(trial, theme, options.evidence)) {
    const input = step();
    if (!input) continue;
    const template = await loadChartSpec(input.id, specDir);
    const prepare = (d: ChartDrawing): PreparedChart =>
      prepareChart(template, d.datasets, { theme, params: d.params, width: d.width, height: d.height, title: input.title, desc: d.alt ?? input.alt });
    const main = prepare(input);
    const beside = input.beside ? prepare(input.beside) : undefined;
    planned.push({ id: input.id, title: input.title, alt: input.alt, key: main.key, ...(beside ? { besideKey: beside.key } : {}) });
    const image = draw(main, input, input);
    image.catch(() => {});
    // The beside drawing is an extra: when it cannot be laid out (very long names in a narrow
    // column), the chart has none and a slide places the full drawing instead.
    const besideImage = beside && input.beside ? draw(beside, input.beside, input).catch(() => undefined) : Promise.resolve(undefined);
    jobs.push({ input, image, besideImage });
  }
  const rendered = (async (): Promise<ChartSet> => {
    const charts: Chart[] = [];
    for (const { input, image, besideImage } of jobs) {
      const { svg, width, height } = await image;
      const beside = await besideImage;
      charts.push({ id: input.id, title: input.title, alt: input.alt, svg, width, height, ...(beside ? { beside } : {}) });
    }
    return { charts };
  })();
  rendered.catch(() => {});
  return { charts: planned, rendered };
}

/** Every chart of a trial, drawn. */
export async function chartTrial(trial: Trial, options: ChartOptions = {}): Promise<ChartSet> {
  return (await planCharts(trial, options)).rendered;
}

/**
 * A chart that cannot be laid out is nearly always one whose data texts are
 * too long (labels are never truncated): name the chart and the longest text,
 * so the error points at a field the user can shorten.
 */
function layoutHint(err: unknown, input: ChartSpecInput, trial: Trial): unknown {
  if (!(err instanceof TrialdeckError) || err.code !== 'CHART' || !/outside its \d+×\d+ canvas|legend count exceeds/.test(err.message)) return err;
  const texts: { path: string; text: string }[] = [
    // The flow and competing-events charts show arms, not outcome names; the context chart shows study names.
    ...(input.id === 'flow' || input.id === 'competing' || input.id === 'context-forest' ? [] : trial.results.map((o, i) => ({ path: `results[${i}].name`, text: o.name }))),
    ...(input.id === 'context-forest' ? trial.context.trials.map((t, i) => ({ path: `context.trials[${i}].name`, text: t.name ?? '' })) : []),
    ...trial.arms.map((a, i) => ({ path: `arms[${i}].label`, text: a.label })),
    { path: 'publication.acronym', text: trial.publication.acronym },
    { path: 'publication.journal', text: trial.publication.journal },
  ];
  const longest = texts.reduce((a, b) => (longestWord(b.text) * 4 + b.text.length > longestWord(a.text) * 4 + a.text.length ? b : a));
  const problem: Problem = trial.arms.length > 4 && longest.text.length < 60
    ? { path: 'arms', message: `${trial.arms.length} arms side by side do not fit the ${input.title} chart` }
    : { path: longest.path, message: `the longest text in the ${input.title} chart (${longest.text.length} characters); shorten it` };
  return new TrialdeckError('CHART', `The ${input.title} chart cannot be laid out: ${err.message}`, [problem]);
}

function longestWord(s: string): number {
  return s.split(/\s+/).reduce((m, w) => Math.max(m, w.length), 0);
}

export { renderChart, renderVegaLite, type RenderOptions, type RenderResult } from './render.js';
export { svgDataUri } from './svg-cache.js';
export { DEFAULT_CHART_THEME, vegaLiteConfig, type ChartTheme } from './chart-theme.js';
export { denyAllLoader, createFailingLogger } from './sandbox.js';
export { textWidth, vegaTextWidth, wrapText } from './text-metrics.js';
export { buildBayesChart, buildContextForestChart, buildForestChart, buildCompetingChart, buildContinuousChart, buildEventRatesChart, buildFlowChart };
export { CHART_IDS, DEFAULT_SPEC_DIR, isChartId, type Chart, type ChartDrawing, type ChartId, type ChartImage, type ChartSet, type ChartSpecInput } from './spec-files.js';
export type { ChartView, EventRatesView, ForestView, ForestViewGroup, ForestViewRow } from './chart-view.js';
export { chartBox, DEFAULT_BOXES, MIN_SLIDE_TEXT_PX, placementScale, PLACEMENTS, isPlacement, type ChartBox, type Placement } from './placement.js';
