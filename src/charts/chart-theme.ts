// The chart palette and type, and the Vega-Lite config built from it. Arm
// colours go by arm index, so an arm has the same colour on every chart.

export interface ChartTheme {
  font: string;
  /** Base size of labels in px; tick labels and the source line are 2 px smaller, at least 18 px. */
  fontSize: number;
  textColor: string;
  mutedColor: string;
  background: string;
  /** One colour per arm, by arm index (cycled when there are more arms). */
  armColors: string[];
  /** Marks the primary outcome and the primary event. */
  accent: string;
  gridColor: string;
  /** Colours for event categories that are not arms (competing events). */
  categoryColors?: string[];
}

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const DEFAULT_CHART_THEME: ChartTheme = {
  font: 'Liberation Sans, Arial, Helvetica, sans-serif',
  fontSize: 20,
  textColor: '#1f2328',
  mutedColor: '#59636e',
  background: '#ffffff',
  armColors: ['#0072B2', '#E69F00', '#009E73', '#CC79A7'],
  accent: '#D55E00',
  gridColor: '#e4e7eb',
  categoryColors: ['#009E73', '#56B4E9', '#CC79A7', '#F0E442', '#8c8c8c'],
};

/** Charts are shown at 100% (placement.ts): 18 px in the SVG is 18 px on a projected slide. */
export const MIN_FONT_SIZE = 18;

/** The size of secondary text (tick labels, source line): never below 18 px. */
export function smallFontSize(theme: ChartTheme): number {
  return Math.max(MIN_FONT_SIZE, theme.fontSize - 2);
}

export function armColor(theme: ChartTheme, index: number): string {
  const colors = theme.armColors.length > 0 ? theme.armColors : DEFAULT_CHART_THEME.armColors;
  return colors[index % colors.length] ?? '#000000';
}

export function categoryColors(theme: ChartTheme): string[] {
  const c = theme.categoryColors ?? DEFAULT_CHART_THEME.categoryColors ?? [];
  return c.length > 0 ? c : [theme.accent];
}

/**
 * Vega-Lite `config` for every chart. Every limit is 0 (no limit): labels are
 * measured with real font metrics and columns sized to them, never truncated.
 */
export function vegaLiteConfig(theme: ChartTheme): Record<string, unknown> {
  const small = smallFontSize(theme);
  const size = Math.max(MIN_FONT_SIZE, theme.fontSize);
  const text = { font: theme.font, color: theme.textColor };
  return {
    background: theme.background,
    font: theme.font,
    // The SVG root carries role="img" with <title>/<desc>; per-mark ARIA labels would only bloat it.
    aria: false,
    view: { stroke: null },
    axis: {
      labelFont: theme.font, labelFontSize: small, labelColor: theme.textColor, labelLimit: 0,
      titleFont: theme.font, titleFontSize: size, titleColor: theme.textColor, titleFontWeight: 'normal', titleLimit: 0,
      gridColor: theme.gridColor, domainColor: theme.mutedColor, tickColor: theme.mutedColor,
    },
    legend: {
      labelFont: theme.font, labelFontSize: size, labelColor: theme.textColor, labelLimit: 0,
      titleFont: theme.font, titleFontSize: size, titleColor: theme.textColor, titleLimit: 0,
    },
    header: {
      labelFont: theme.font, labelFontSize: size, labelColor: theme.textColor, labelLimit: 0,
      titleFont: theme.font, titleFontSize: size, titleColor: theme.textColor, titleLimit: 0,
    },
    title: { font: theme.font, fontSize: small, color: theme.mutedColor, fontWeight: 'normal', limit: 0, subtitleFontSize: small },
    text: { ...text, fontSize: size, limit: 0 },
    range: { category: theme.armColors },
  };
}
