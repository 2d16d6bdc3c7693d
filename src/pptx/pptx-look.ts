// A theme's look in PowerPoint terms: the same `--td-*` custom properties the
// slides and charts read (src/themes/css-vars.ts), as hex colours without "#"
// and font names, plus the department's logo and the footer line. Nothing here
// is a second copy of a colour: change the CSS and the PPTX follows.
import { armColor, type ChartTheme } from '../charts/chart-theme.js';
import { firstFamily, themeVars, type ThemeVars } from '../themes/css-vars.js';
import type { Look } from '../themes/look.js';
import { findTheme, type Theme } from '../themes/registry.js';
import { fontScale } from './text-fit.js';
import { headingMark, titleFrame, withImports, type HeadingMark, type TitleFrame } from './theme-rules.js';

export interface PptxLook {
  /** Theme name: masters are named `<theme>:<layout>`. */
  name: string;
  bg: string;
  fg: string;
  muted: string;
  accent: string;
  onAccent: string;
  accentSoft: string;
  highlight: string;
  rule: string;
  grid: string;
  rowAlt: string;
  /** Arm colours by arm index, the charts' own (so an arm is one colour everywhere). */
  arms: string[];
  font: string;
  headingFont: string;
  /** Width of the fonts relative to the measured Liberation Sans (text-fit.ts fontScale). */
  fontScale: number;
  headingScale: number;
  /** Title slide background: cardiology paints it in the accent. */
  titleBg: string;
  titleFg: string;
  /** Slide headings (`section h2`): size in px and whether the theme sets them in capitals. */
  headingSize: number;
  headingCaps: boolean;
  /** How headings are marked and the title slide framed, as in the theme's CSS. */
  headingMark: HeadingMark;
  titleFrame: TitleFrame;
  logo?: { data: string; type: 'png' | 'svg' };
  chart: ChartTheme;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#0b6e99` → `0B6E99`; `#abc` → `AABBCC`; anything else → the fallback. */
export function hex(css: string | undefined, fallback: string): string {
  const m = HEX.exec(css?.trim() ?? '');
  if (!m?.[1]) return fallback;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return h.toUpperCase();
}

/** The first family of a CSS font list; fonts PowerPoint does not know fall back to Arial there. */
function family(list: string | undefined, fallback: string): string {
  return list ? firstFamily(list) || fallback : fallback;
}

/** The title slide is painted in the accent when the theme says so (`section.title { background-color: var(--td-accent) }`). */
function titleOnAccent(css: string): boolean {
  return /section\.title\s*\{[^}]*background(?:-color)?\s*:\s*var\(--td-accent\)/.test(css);
}

/** `section h2 { … }` declarations across the theme chain, the importing theme's last. */
function headingStyle(chain: readonly Theme[]): { size: number; caps: boolean } {
  let size = 38;
  let caps = false;
  for (const t of [...chain].reverse()) {
    for (const m of t.css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(?:^|[},\s])section h2\s*\{([^}]*)\}/g)) {
      const body = m[1] ?? '';
      const px = /font-size:\s*(\d+(?:\.\d+)?)px/.exec(body);
      if (px) size = Number(px[1]);
      const transform = /text-transform:\s*([a-z-]+)/.exec(body);
      if (transform) caps = transform[1] === 'uppercase';
    }
  }
  return { size, caps };
}

export function pptxLook(look: Look): PptxLook {
  const theme = findTheme(look.name, look.themes);
  const vars: ThemeVars = themeVars(theme, look.themes);
  const v = (name: string, fallback: string): string => hex(vars[name], fallback);
  const bg = v('--td-bg', 'FFFFFF');
  const fg = v('--td-fg', '1F2933');
  const accent = v('--td-accent', '0B6E99');
  const onAccent = v('--td-on-accent', 'FFFFFF');
  // A department's generated theme @imports its base: the base may decide the title slide's paint.
  const chain = withImports(theme, look.themes);
  const onAccentTitle = chain.some((t) => titleOnAccent(t.css));
  const heading = headingStyle(chain);
  const logo = look.department?.logo;
  return {
    name: theme.name,
    bg,
    fg,
    muted: v('--td-muted', '52606D'),
    accent,
    onAccent,
    accentSoft: v('--td-accent-soft', 'E3F1F8'),
    highlight: v('--td-highlight', 'D55E00'),
    rule: v('--td-rule', 'CBD2D9'),
    grid: v('--td-grid', 'E4E7EB'),
    rowAlt: v('--td-row-alt', 'F5F7FA'),
    arms: [0, 1, 2, 3].map((i) => hex(armColor(look.chart, i), '000000')),
    font: family(vars['--td-font'], 'Liberation Sans'),
    headingFont: family(vars['--td-heading-font'] ?? vars['--td-font'], 'Liberation Sans'),
    fontScale: fontScale(family(vars['--td-font'], 'Liberation Sans')),
    headingScale: fontScale(family(vars['--td-heading-font'] ?? vars['--td-font'], 'Liberation Sans')),
    titleBg: onAccentTitle ? accent : bg,
    titleFg: onAccentTitle ? onAccent : fg,
    headingSize: heading.size,
    headingCaps: heading.caps,
    headingMark: headingMark(chain),
    titleFrame: titleFrame(chain),
    logo: logo ? { data: logo.dataUri, type: logo.type } : undefined,
    chart: look.chart,
  };
}
