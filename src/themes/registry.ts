// Theme registry: every *.css in the themes folder that declares
// `/* @theme name */`. Names are checked against NAME_RULE and then looked up
// in this list, never joined onto a path, so a user-supplied name cannot reach
// outside the folder (no `../`, absolute paths, `%2e%2e` or NUL bytes).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrialdeckError } from '../errors.js';
import { importsOf } from './css-vars.js';
import { MESSAGES } from './messages.js';
import { PromiseCache } from '../cache/promise-cache.js';

export const DEFAULT_THEME_DIR = fileURLToPath(new URL('../../themes', import.meta.url));
export const DEFAULT_THEME = 'clinical';

/** What a theme (or department) may be called. */
export const NAME_RULE = /^[a-z0-9][a-z0-9-]*$/;
export const MAX_NAME_LENGTH = 64;

export function isThemeName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && NAME_RULE.test(name);
}

/** marp-core's own themes: a theme may @import them without shipping them. */
export const BUILT_IN_THEMES: readonly string[] = ['default', 'gaia', 'uncover'];

export interface Theme {
  name: string;
  /** One line for `trialdeck themes`: the `@description` of the header comment. */
  description: string;
  file: string;
  css: string;
}

const THEME_NAME = /\/\*[\s\S]*?@theme\s+([A-Za-z0-9_-]+)[\s\S]*?\*\//;
const DESCRIPTION = /^[\s*]*@description\s+(.+?)\s*$/m;

export function themeNameOf(css: string): string | undefined {
  return THEME_NAME.exec(css)?.[1];
}

/** `@description …` from the first comments, or their first line of prose. */
export function themeDescriptionOf(css: string): string {
  const head = [...css.slice(0, 4000).matchAll(/\/\*([\s\S]*?)\*\//g)].map((m) => m[1] ?? '');
  for (const c of head) {
    const d = DESCRIPTION.exec(c);
    if (d?.[1]) return d[1];
  }
  const prose = head
    .flatMap((c) => c.split('\n'))
    .map((l) => l.replace(/^[\s*]+/, '').trim())
    .find((l) => l && !l.startsWith('@'));
  return prose ?? '';
}

const cache = new PromiseCache<Theme[]>();

export function listThemes(dir: string = DEFAULT_THEME_DIR): Promise<Theme[]> {
  return cache.get(dir, () => readThemes(dir));
}

export function clearThemeCache(): void {
  cache.clear();
}

async function readThemes(dir: string): Promise<Theme[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.css')).sort();
  } catch {
    throw new TrialdeckError('THEME', `${dir}: themes folder not found`);
  }
  const themes: Theme[] = [];
  for (const f of files) {
    const file = join(dir, f);
    const css = await readFile(file, 'utf8');
    themes.push(parseTheme(css, file));
  }
  checkThemeSet(themes);
  return themes;
}

/** A theme from its CSS; throws THEME when it does not name itself properly. */
export function parseTheme(css: string, file: string): Theme {
  const name = themeNameOf(css);
  if (!name) throw new TrialdeckError('THEME', MESSAGES.noThemeComment(file));
  if (!isThemeName(name)) throw new TrialdeckError('THEME', MESSAGES.themeNameRule(file, name));
  return { name, description: themeDescriptionOf(css), file, css };
}

/**
 * Names are unique and every `@import` names a theme of the set. An unknown
 * import would stay in the CSS as a real `@import` the browser tries to fetch.
 */
export function checkThemeSet(themes: readonly Theme[]): void {
  const seen = new Map<string, string>();
  for (const t of themes) {
    const first = seen.get(t.name);
    if (first) throw new TrialdeckError('THEME', MESSAGES.duplicateTheme(t.name, first, t.file));
    seen.set(t.name, t.file);
  }
  for (const t of themes) {
    for (const name of importsOf(t.css)) {
      if (!seen.has(name) && !BUILT_IN_THEMES.includes(name)) throw new TrialdeckError('THEME', MESSAGES.unknownImport(t.file, name));
    }
  }
}

/** Looks a user-given name up in the list; the name is validated first and never becomes a path. */
export function findTheme(name: string, all: readonly Theme[]): Theme {
  if (!isThemeName(name)) throw new TrialdeckError('THEME', MESSAGES.badThemeName(name));
  const theme = all.find((t) => t.name === name);
  if (!theme) throw new TrialdeckError('THEME', MESSAGES.unknownTheme(name, all.map((t) => t.name)));
  return theme;
}

export async function resolveTheme(name: string, dir?: string): Promise<{ theme: Theme; all: Theme[] }> {
  const all = await listThemes(dir);
  return { theme: findTheme(name, all), all };
}
