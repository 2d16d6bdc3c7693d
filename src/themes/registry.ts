// Theme registry: every *.css in the themes folder that declares
// `/* @theme name */`. Names are looked up in this list, never joined onto a
// path, so a user-supplied name cannot reach outside the folder.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrialdeckError } from '../errors.js';

export const DEFAULT_THEME_DIR = fileURLToPath(new URL('../../themes', import.meta.url));
export const DEFAULT_THEME = 'clinical';

export interface Theme {
  name: string;
  file: string;
  css: string;
}

const THEME_NAME = /\/\*[\s\S]*?@theme\s+([A-Za-z0-9_-]+)[\s\S]*?\*\//;

export function themeNameOf(css: string): string | undefined {
  return THEME_NAME.exec(css)?.[1];
}

const cache = new Map<string, Promise<Theme[]>>();

export function listThemes(dir: string = DEFAULT_THEME_DIR): Promise<Theme[]> {
  let themes = cache.get(dir);
  if (!themes) {
    themes = readThemes(dir);
    cache.set(dir, themes);
    themes.catch(() => cache.delete(dir));
  }
  return themes;
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
    const name = themeNameOf(css);
    if (!name) throw new TrialdeckError('THEME', `${file}: no /* @theme <name> */ comment; every theme CSS must name itself`);
    themes.push({ name, file, css });
  }
  return themes;
}

export async function resolveTheme(name: string, dir?: string): Promise<{ theme: Theme; all: Theme[] }> {
  const all = await listThemes(dir);
  const theme = all.find((t) => t.name === name);
  if (!theme) {
    throw new TrialdeckError('THEME', `unknown theme "${name}"; available themes: ${all.map((t) => t.name).join(', ')}`);
  }
  return { theme, all };
}
