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
import { buildContinuousChart } from './continuous.js';
import { buildEventRatesChart } from './event-rates.js';
import { buildFlowChart } from './flow.js';
import { buildForestChart } from './forest.js';
import { renderChart } from './render.js';
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
  return [...CHART_BUILDERS.map((build) => build(trial, theme)), buildBayesChart(trial, theme, evidence)].filter((c): c is ChartSpecInput => c !== null);
}

export async function chartTrial(trial: Trial, options: ChartOptions = {}): Promise<ChartSet> {
  const theme = options.theme ?? DEFAULT_CHART_THEME;
  const specDir = options.specDir ?? DEFAULT_SPEC_DIR;
  const charts: Chart[] = [];
  // One at a time: vega is single-threaded, and errors then name one chart.
  for (const input of buildChartInputs(trial, theme, options.evidence)) {
    const template = await loadChartSpec(input.id, specDir);
    const render = (d: ChartDrawing): Promise<ChartImage> =>
      renderChart(template, d.datasets, {
        cacheDir: options.cacheDir,
        theme,
        params: d.params,
        width: d.width,
        height: d.height,
        title: input.title,
        desc: input.alt,
        engine: options.engine,
      }).then(({ svg, width, height }) => ({ svg, width, height }), (err: unknown) => {
        throw layoutHint(err, input, trial);
      });
    const { svg, width, height } = await render(input);
    // The beside drawing is an extra: when it cannot be laid out (very long names in a narrow
    // column), the chart has none and a slide places the full drawing instead.
    const beside = input.beside ? await render(input.beside).catch(() => undefined) : undefined;
    charts.push({ id: input.id, title: input.title, alt: input.alt, svg, width, height, ...(beside ? { beside } : {}) });
  }
  return { charts };
}

/**
 * A chart that cannot be laid out is nearly always one whose data texts are
 * too long (labels are never truncated): name the chart and the longest text,
 * so the error points at a field the user can shorten.
 */
function layoutHint(err: unknown, input: ChartSpecInput, trial: Trial): unknown {
  if (!(err instanceof TrialdeckError) || err.code !== 'CHART' || !/outside its \d+×\d+ canvas|legend count exceeds/.test(err.message)) return err;
  const texts: { path: string; text: string }[] = [
    // The flow and competing-events charts show arms, not outcome names.
    ...(input.id === 'flow' || input.id === 'competing' ? [] : trial.results.map((o, i) => ({ path: `results[${i}].name`, text: o.name }))),
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
export { buildBayesChart, buildForestChart, buildCompetingChart, buildContinuousChart, buildEventRatesChart, buildFlowChart };
export { CHART_IDS, DEFAULT_SPEC_DIR, isChartId, type Chart, type ChartDrawing, type ChartId, type ChartImage, type ChartSet, type ChartSpecInput } from './spec-files.js';
export { chartBox, DEFAULT_BOXES, MIN_SLIDE_TEXT_PX, placementScale, PLACEMENTS, isPlacement, type ChartBox, type Placement } from './placement.js';
