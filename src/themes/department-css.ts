// A department -> a generated Marp theme:
//
//   /* @theme dept-<file> */
//   @import '<extends>';
//   section { --td-accent: …; …; background-image: url(data:<logo>) }
//
// It only overrides custom properties (plus the logo), so every layout rule
// of the extended theme still applies. Every value written here was
// constrained by the schema (hex colours, plain family names) or computed
// from those, and the logo is a base64 data URI: nothing needs escaping.
import { basename } from 'node:path';
import { contrastRatio, isHexColour, mixHex, readableOn, WCAG_AA } from './contrast.js';
import type { ThemeVars } from './css-vars.js';
import type { LoadedDepartment } from './department.js';
import { MESSAGES } from './messages.js';
import type { Diagnostic } from '../errors.js';

/** The department's palette and fonts as `--td-*` values, filled in from the extended theme. */
export function departmentVars(loaded: LoadedDepartment, base: ThemeVars): Record<string, string> {
  const { colors = {}, fonts = {} } = loaded.department;
  const hex = (name: string, fallback: string): string => {
    const v = base[name];
    return v && isHexColour(v) ? v : fallback;
  };
  const bg = colors.background ?? hex('--td-bg', '#ffffff');
  const fg = colors.text ?? hex('--td-fg', '#000000');
  const vars: Record<string, string> = {};
  if (colors.background) vars['--td-bg'] = bg;
  if (colors.text) vars['--td-fg'] = fg;
  if (colors.muted) vars['--td-muted'] = colors.muted;
  else if (colors.text || colors.background) vars['--td-muted'] = mixHex(fg, bg, 0.3);
  if (colors.background || colors.text) {
    // Tints computed from the new pair, so a dark background gets dark zebra rows.
    vars['--td-row-alt'] = mixHex(bg, fg, 0.06);
    vars['--td-grid'] = mixHex(bg, fg, 0.14);
    vars['--td-rule'] = mixHex(bg, fg, 0.25);
  }
  if (colors.primary) {
    vars['--td-accent'] = colors.primary;
    vars['--td-on-accent'] = readableOn(colors.primary);
  }
  if (colors.soft) vars['--td-accent-soft'] = colors.soft;
  else if (colors.primary || colors.background) vars['--td-accent-soft'] = mixHex(colors.primary ?? hex('--td-accent', '#0b6e99'), bg, 0.88);
  if (colors.accent) vars['--td-highlight'] = colors.accent;
  colors.arms?.forEach((c, i) => {
    vars[`--td-arm-${i + 1}`] = c;
  });
  if (fonts.body) vars['--td-font'] = fontStack(fonts.body, base['--td-font']);
  if (fonts.headings) vars['--td-heading-font'] = fontStack(fonts.headings, base['--td-heading-font'] ?? base['--td-font']);
  return vars;
}

export function departmentCss(loaded: LoadedDepartment, extendsTheme: string, base: ThemeVars): string {
  const vars = departmentVars(loaded, base);
  const decls = Object.entries(vars).map(([k, v]) => `  ${k}: ${v};`);
  const out = [
    `/* @theme ${loaded.themeName} */`,
    `/* @description ${safeComment(`${loaded.department.name} (${basename(loaded.file)}), built on ${extendsTheme}`)} */`,
    '',
    `@import '${extendsTheme}';`,
    '',
    'section {',
    ...decls,
  ];
  if (loaded.logo) {
    // A CSS background image: an SVG logo's scripts never run (see logo.ts).
    out.push(
      `  background-image: url("${loaded.logo.dataUri}");`,
      '  background-repeat: no-repeat;',
      '  background-position: right 22px top 12px;',
      '  background-size: auto 34px;',
      '}',
      '',
      '/* The title slide shows the logo large, top right. */',
      'section.title {',
      '  background-position: right 60px top 44px;',
      '  background-size: auto 104px;',
    );
  }
  out.push('}', '');
  return out.join('\n');
}

/** `'DejaVu Sans', <the theme's stack without it>`: the theme's fonts stay as fallbacks. */
function fontStack(family: string, base = 'sans-serif'): string {
  const rest = base.split(',').map((f) => f.trim()).filter((f) => f && f.replace(/^['"]|['"]$/g, '').toLowerCase() !== family.toLowerCase());
  return [`'${family}'`, ...rest].join(', ');
}

/** File paths go into a CSS comment: keep them from closing it. */
function safeComment(s: string): string {
  return s.replace(/\*\//g, '* /').replace(/[\u0000-\u001f]/g, ' ');
}

/** Warnings for palettes whose text would be hard to read (WCAG AA). */
export function contrastWarnings(vars: ThemeVars, file: string): Diagnostic[] {
  const checks: [string, string, string, number][] = [
    ['text on background', '--td-fg', '--td-bg', WCAG_AA.normal],
    ['muted text on background', '--td-muted', '--td-bg', WCAG_AA.normal],
    ['headings (primary) on background', '--td-accent', '--td-bg', WCAG_AA.large],
    ['text on tinted panels (soft)', '--td-fg', '--td-accent-soft', WCAG_AA.normal],
  ];
  const out: Diagnostic[] = [];
  for (const [what, a, b, min] of checks) {
    const x = vars[a];
    const y = vars[b];
    if (!x || !y || !isHexColour(x) || !isHexColour(y)) continue;
    const ratio = contrastRatio(x, y);
    if (ratio < min) out.push({ level: 'warning', code: 'THEME_CONTRAST', file, message: MESSAGES.lowContrast(what, ratio, min) });
  }
  return out;
}
