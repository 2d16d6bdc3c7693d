// The chart stage: Trial ──► ChartSet.
//
//   trial ──► builders (forest, event-rates, continuous, competing, flow)
//              │  named datasets + params + alt text, or null (no such data)
//              ▼
//   templates/charts/<id>.vl.json ──► renderChart (cache, sandboxed vega) ──► SVG
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
import { DEFAULT_SPEC_DIR, loadChartSpec, type Chart, type ChartSet, type ChartSpecInput } from './spec-files.js';
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
    const { svg, width, height } = await renderChart(template, input.datasets, {
      cacheDir: options.cacheDir,
      theme,
      params: input.params,
      width: input.width,
      height: input.height,
      title: input.title,
      desc: input.alt,
      engine: options.engine,
    });
    charts.push({ id: input.id, title: input.title, alt: input.alt, svg, width, height });
  }
  return { charts };
}

export { renderChart, renderVegaLite, type RenderOptions, type RenderResult } from './render.js';
export { svgDataUri } from './svg-cache.js';
export { DEFAULT_CHART_THEME, vegaLiteConfig, type ChartTheme } from './chart-theme.js';
export { denyAllLoader, createFailingLogger } from './sandbox.js';
export { textWidth, vegaTextWidth, wrapText } from './text-metrics.js';
export { buildBayesChart, buildForestChart, buildCompetingChart, buildContinuousChart, buildEventRatesChart, buildFlowChart };
export { CHART_IDS, DEFAULT_SPEC_DIR, isChartId, type Chart, type ChartId, type ChartSet, type ChartSpecInput } from './spec-files.js';
