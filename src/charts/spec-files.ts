// The chart stage's types, and where its templates come from. Templates live
// in a folder (the package's templates/charts, or a department's own); only
// the known chart names are read from it, so a name can never walk out of it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrialdeckError } from '../errors.js';
import type { ChartView } from './chart-view.js';
import type { Datasets } from './prepare-spec.js';
import { memberOf } from '../member-of.js';

export const CHART_IDS = ['forest', 'event-rates', 'continuous', 'competing', 'flow', 'bayes', 'context-forest'] as const;
export type ChartId = (typeof CHART_IDS)[number];
export const isChartId: (v: unknown) => v is ChartId = memberOf(CHART_IDS);

/** One drawing of a chart: the template's named datasets and params for a canvas size. */
export interface ChartDrawing {
  /** Values for the named data sources of templates/charts/<id>.vl.json. */
  datasets: Datasets;
  /** Values for the `params` the template declares (layout, labels, domains). */
  params: Record<string, unknown>;
  /** The whole canvas in px. */
  width: number;
  height: number;
  /** Alt text of this drawing when it shows less than the chart's (e.g. rows left out beside a table). */
  alt?: string;
}

/** What a chart builder hands the renderer: the template's named datasets and metadata. */
export interface ChartSpecInput extends ChartDrawing {
  id: ChartId;
  /** Short name, used as the slide heading and the SVG <title>. */
  title: string;
  /** Data-derived description: the image alt text and the SVG <desc>. */
  alt: string;
  /** The same chart drawn for the column beside a table (placement 'beside', src/charts/placement.ts). */
  beside?: ChartDrawing;
  /** What the chart says, for renderers that do not draw the SVG (native PPTX): see chart-view.ts. */
  view?: ChartView;
}

/** A rendered drawing. */
export interface ChartImage {
  svg: string;
  width: number;
  height: number;
  /** Set when it differs from the chart's alt text. */
  alt?: string;
}

export interface Chart {
  id: ChartId;
  title: string;
  alt: string;
  svg: string;
  width: number;
  height: number;
  /**
   * The chart drawn for the ~55% column beside a table (the forest plot on a
   * "key results" slide): place it on a slide with class `chart-beside`, so the
   * theme's --td-chart-beside-* box applies and its text stays ≥ 18 px.
   */
  beside?: ChartImage;
}

export interface ChartSet {
  charts: Chart[];
}

// ── Templates ──────────────────────────────────────────────────────────────

/** templates/charts of this package: ../../templates/charts from src/charts/ and dist/charts/. */
export const DEFAULT_SPEC_DIR = fileURLToPath(new URL('../../templates/charts/', import.meta.url));

export function specFileName(id: ChartId): string {
  return `${id}.vl.json`;
}

export async function loadChartSpec(id: ChartId, specDir = DEFAULT_SPEC_DIR): Promise<unknown> {
  const file = join(specDir, specFileName(id));
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new TrialdeckError('CHART', `Cannot read chart template ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, [{ file, message: 'cannot read' }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new TrialdeckError('CHART', `Chart template ${file} is not valid JSON: ${(err as Error).message}`, [{ file, message: 'invalid JSON' }]);
  }
}
