// What a chart says, free of any drawing: the native PPTX writer (and any
// other renderer) draws from this, so it shows the same groups, labels and
// numbers as the SVG without reading the Vega-Lite datasets, whose shape
// follows the templates and changes with them.

export interface ForestViewRow {
  /** The outcome's name, with its analysis population when the name does not say it. */
  label: string;
  primary: boolean;
  /** RR, OR, HR or sHR: every row names its measure. */
  measure: string;
  estimate: number;
  lower: number;
  upper: number;
  /** CI level, e.g. 0.9 for a 90% CI. */
  level: number;
  /** "sHR 1.02 (0.74–1.39)", with ", 90% CI" when the rows' levels differ. */
  estimateText: string;
  /** A non-inferiority or equivalence margin: the ratios its lines are drawn at, and their note. */
  margin?: { value: number; lines: number[]; note: string };
}

export interface ForestViewGroup {
  /** "Lower is better", or "Ticagrelor 60 mg vs Placebo: lower is better" when the trial has several comparisons. */
  heading: string;
  /** Which side of 1 favours which arm, for this group: "← Favours Levosimendan" / "Favours Placebo →". */
  lower: string;
  higher: string;
  rows: ForestViewRow[];
}

export interface ForestView {
  kind: 'forest';
  estimateHeader: string;
  axisTitle: string;
  /** Log axis: symmetric around 1. */
  domain: [number, number];
  ticks: number[];
  groups: ForestViewGroup[];
}

export interface EventRatesView {
  kind: 'event-rates';
  axisTitle: string;
  /** Percent axis [0, max]. */
  domain: [number, number];
  ticks: number[];
  /** Every arm, in trial order, with its colour and symbol (same on every chart). */
  arms: { label: string; color: string; shape: string }[];
  /** One per binary outcome; `values` follow `arms`. */
  rows: { label: string; primary: boolean; values: { percent: number; text: string }[] }[];
}

export type ChartView = ForestView | EventRatesView;
