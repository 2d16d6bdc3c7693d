// The chart stage's types, and where its templates come from. Templates live
// in a folder (the package's templates/charts, or a department's own); only
// the known chart names are read from it, so a name can never walk out of it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrialdeckError } from '../errors.js';
import type { Datasets } from './prepare-spec.js';

export const CHART_IDS = ['forest', 'event-rates', 'continuous', 'competing', 'flow', 'bayes', 'context-forest'] as const;
export type ChartId = (typeof CHART_IDS)[number];
export function isChartId(v: unknown): v is ChartId {
  return typeof v === 'string' && (CHART_IDS as readonly string[]).includes(v);
}

/** What a chart builder hands the renderer: the template's named datasets and metadata. */
export interface ChartSpecInput {
  id: ChartId;
  /** Short name, used as the slide heading and the SVG <title>. */
  title: string;
  /** Data-derived description: the image alt text and the SVG <desc>. */
  alt: string;
  /** Values for the named data sources of templates/charts/<id>.vl.json. */
  datasets: Datasets;
  /** Values for the `params` the template declares (layout, labels, domains). */
  params: Record<string, unknown>;
  /** The whole canvas in px. */
  width: number;
  height: number;
}

export interface Chart {
  id: ChartId;
  title: string;
  alt: string;
  svg: string;
  width: number;
  height: number;
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
