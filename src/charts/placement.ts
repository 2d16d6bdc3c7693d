// Where a chart image sits on a 1280×720 slide, and at what scale. Charts are
// drawn at the size they are shown (scale 1), so a 18 px label in the SVG is
// 18 px on the slide. The boxes come from the theme CSS (`--td-chart-*` on
// `section`, read with the theme's other variables), and the chart builders
// draw their canvases to fit them: CANVAS_WIDTH × MAX_CANVAS_HEIGHT for a
// chart slide, BESIDE_WIDTH for a chart beside a table, UNDER_HEIGHT for the
// Bayesian chart under its table.
//
// An <img> of an SVG is never enlarged past its own width/height (max-width,
// max-height, no width: 100%); it is only shrunk to fit its box, keeping its
// aspect ratio. So the scale is min(1, box width / SVG width, box height / SVG height).
import type { ThemeVars } from '../themes/css-vars.js';
import { memberOf } from '../member-of.js';

export interface ChartBox {
  width: number;
  height: number;
}

export const PLACEMENTS = ['slide', 'beside', 'under'] as const;
export type Placement = (typeof PLACEMENTS)[number];
export const isPlacement: (v: unknown) => v is Placement = memberOf(PLACEMENTS);

/** Smallest chart text on the slide, in px: readable from the back of a seminar room. */
export const MIN_SLIDE_TEXT_PX = 18;

/** The boxes clinical.css declares; every theme imports it. */
export const DEFAULT_BOXES: Readonly<Record<Placement, ChartBox>> = {
  // 1280 − 2 × 60 px slide padding; 720 − padding − the slide title.
  slide: { width: 1160, height: 540 },
  // About 55% of the body, beside a table on the "key results" slide.
  beside: { width: 620, height: 540 },
  // Under other blocks on a content slide (the Bayesian table): src/deck/fit.ts counts 260 px.
  under: { width: 1160, height: 260 },
};

const VAR_NAMES: Readonly<Record<Placement, { width: string; height: string }>> = {
  slide: { width: '--td-chart-width', height: '--td-chart-height' },
  beside: { width: '--td-chart-beside-width', height: '--td-chart-beside-height' },
  under: { width: '--td-chart-width', height: '--td-chart-under-height' },
};

function px(vars: ThemeVars, name: string, fallback: number): number {
  const m = /^(\d+(?:\.\d+)?)px$/.exec(vars[name]?.trim() ?? '');
  return m ? Number(m[1]) : fallback;
}

/** The box a theme gives a chart image in each placement. */
export function chartBox(vars: ThemeVars, placement: Placement): ChartBox {
  const names = VAR_NAMES[placement];
  const base = DEFAULT_BOXES[placement];
  return { width: px(vars, names.width, base.width), height: px(vars, names.height, base.height) };
}

/** The factor an image of `width`×`height` is drawn at inside `box` (never above 1). */
export function placementScale(width: number, height: number, box: ChartBox): number {
  return Math.min(1, box.width / width, box.height / height);
}
