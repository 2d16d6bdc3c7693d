// A theme's palette for the charts: the Vega-Lite config is built from the
// same `--td-*` properties the slides use, so arm colours, text and
// background match between a chart and the slide around it.
import { DEFAULT_CHART_THEME, type ChartTheme } from '../charts/chart-theme.js';
import { firstFamily, unquoteFamilies, type ThemeVars } from './css-vars.js';

/**
 * vega lays chart text out with Liberation Sans advance widths
 * (src/charts/font-metrics.ts). A font with other metrics would be measured
 * wrongly and labels would collide, so charts keep Liberation Sans unless the
 * theme's font is metric-compatible with it.
 */
const METRIC_COMPATIBLE = new Set(['liberation sans', 'arial', 'helvetica', 'arimo', 'nimbus sans', 'nimbus sans l']);

/** A CSS colour vega understands and that cannot break out of an SVG attribute. */
const COLOUR = /^(?:#[0-9a-f]{3,8}|[a-z]+|rgba?\([\d\s.,%]+\))$/i;

function colour(vars: ThemeVars, name: string, fallback: string): string {
  const v = vars[name]?.trim();
  return v && COLOUR.test(v) ? v : fallback;
}

function px(vars: ThemeVars, name: string, fallback: number): number {
  const m = /^(\d+(?:\.\d+)?)px$/.exec(vars[name]?.trim() ?? '');
  return m ? Number(m[1]) : fallback;
}

export function chartFont(vars: ThemeVars, base: string = DEFAULT_CHART_THEME.font): string {
  const list = vars['--td-chart-font'] ?? vars['--td-font'];
  if (!list || !METRIC_COMPATIBLE.has(firstFamily(list).toLowerCase())) return base;
  return unquoteFamilies(list);
}

/** Up to four arm colours (`--td-arm-1` … `--td-arm-4`); the base palette fills the rest. */
function armColors(vars: ThemeVars, base: readonly string[]): string[] {
  const out = [...base];
  for (let i = 0; i < 4; i++) out[i] = colour(vars, `--td-arm-${i + 1}`, base[i] ?? '#000000');
  return out;
}

export function chartThemeFromVars(vars: ThemeVars, base: ChartTheme = DEFAULT_CHART_THEME): ChartTheme {
  return {
    ...base,
    font: chartFont(vars, base.font),
    fontSize: px(vars, '--td-chart-font-size', base.fontSize),
    textColor: colour(vars, '--td-fg', base.textColor),
    mutedColor: colour(vars, '--td-muted', base.mutedColor),
    background: colour(vars, '--td-bg', base.background),
    armColors: armColors(vars, base.armColors),
    accent: colour(vars, '--td-highlight', base.accent),
    gridColor: colour(vars, '--td-grid', colour(vars, '--td-rule', base.gridColor)),
  };
}
