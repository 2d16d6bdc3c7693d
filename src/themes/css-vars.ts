// The `--td-*` custom properties a theme sets on `section`, with `@import`ed
// themes underneath and `var(--x)` references resolved. Charts and the
// contrast test read a theme's palette from here, so the CSS stays the one
// place a colour is written.
import type { Theme } from './registry.js';

export type ThemeVars = Readonly<Record<string, string>>;

const COMMENT = /\/\*[\s\S]*?\*\//g;
const IMPORT = /@import\s+(?:url\(\s*)?(['"])([^'"]+)\1/g;
/** A top-level rule whose selector is exactly `section`. */
const SECTION_RULE = /(?:^|[}\s;])section\s*\{([^{}]*)\}/g;
const DECLARATION = /(--td-[a-z0-9-]+)\s*:\s*([^;]+?)\s*(?:;|$)/g;

/** Theme names a stylesheet `@import`s, in order. */
export function importsOf(css: string): string[] {
  return [...css.replace(COMMENT, '').matchAll(IMPORT)].map((m) => m[2] ?? '');
}

/** The `--td-*` declarations of the stylesheet's own `section { … }` rules (later ones win). */
export function declaredVars(css: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rule of css.replace(COMMENT, '').matchAll(SECTION_RULE)) {
    for (const d of (rule[1] ?? '').matchAll(DECLARATION)) vars[d[1] ?? ''] = d[2] ?? '';
  }
  return vars;
}

/** Effective variables of a theme: imported themes first, its own on top, `var()` resolved. */
export function themeVars(theme: Pick<Theme, 'name' | 'css'>, all: readonly Pick<Theme, 'name' | 'css'>[]): ThemeVars {
  return resolveVars(collect(theme, all, []));
}

function collect(theme: Pick<Theme, 'name' | 'css'>, all: readonly Pick<Theme, 'name' | 'css'>[], seen: string[]): Record<string, string> {
  if (seen.includes(theme.name)) return {};
  const merged: Record<string, string> = {};
  for (const name of importsOf(theme.css)) {
    // Marp's built-in themes (default, gaia, uncover) set no --td-* variables.
    const imported = all.find((t) => t.name === name);
    if (imported) Object.assign(merged, collect(imported, all, [...seen, theme.name]));
  }
  return Object.assign(merged, declaredVars(theme.css));
}

const VAR_REF = /var\(\s*(--[a-z0-9-]+)\s*(?:,\s*([^()]*))?\)/gi;

/** Substitutes `var(--x, fallback)` references, as a browser would; cycles resolve to the fallback or ''. */
export function resolveVars(vars: Readonly<Record<string, string>>): ThemeVars {
  const out: Record<string, string> = {};
  const resolve = (name: string, stack: string[]): string | undefined => {
    const raw = vars[name];
    if (raw === undefined || stack.includes(name)) return undefined;
    return raw.replace(VAR_REF, (_, ref: string, fallback?: string) => resolve(ref, [...stack, name]) ?? fallback?.trim() ?? '');
  };
  for (const name of Object.keys(vars)) out[name] = resolve(name, []) ?? '';
  return out;
}

/** The first family of a `font-family` list, unquoted. */
export function firstFamily(list: string): string {
  return (list.split(',')[0] ?? '').trim().replace(/^['"]|['"]$/g, '');
}

/** `'Liberation Sans', Arial` -> `Liberation Sans, Arial` (the form vega and the SVG use). */
export function unquoteFamilies(list: string): string {
  return list.split(',').map((f) => f.trim().replace(/^['"]|['"]$/g, '')).filter(Boolean).join(', ');
}
