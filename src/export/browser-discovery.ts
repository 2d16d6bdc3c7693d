// Finds a Chromium-family browser for PDF, handout, PNG and PPTX, in this order:
//
//   1. browserPath option (CLI --browser-path)   wrong path -> error, never ignored
//   2. CHROME_PATH                               wrong path -> error
//   3. an installed Chrome / Chromium / Edge     well-known paths, then PATH names
//   4. the optional @sparticuz/chromium package  decompressed into the temp folder once
//
// TRIALDECK_BROWSER_SEARCH limits steps 3–4 (tests use it to simulate a machine
// without a browser): `all` (default), `system` (3 only), `bundled` (4 only), `none`.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { TrialdeckError } from '../errors.js';
import { importExternal } from './import-external.js';
import { MESSAGES } from './messages.js';
import { memberOf } from '../member-of.js';

export const BROWSER_SOURCES = ['option', 'CHROME_PATH', 'system', 'bundled'] as const;
export type BrowserSource = (typeof BROWSER_SOURCES)[number];

export const SEARCH_MODES = ['all', 'system', 'bundled', 'none'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];
export const isSearchMode: (v: unknown) => v is SearchMode = memberOf(SEARCH_MODES);

export interface BrowserLocation {
  path: string;
  source: BrowserSource;
}

export interface DiscoveryOptions {
  /** An explicit executable; it must exist and be executable. */
  browserPath?: string;
  /** Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Overrides TRIALDECK_BROWSER_SEARCH. */
  search?: SearchMode;
  platform?: NodeJS.Platform;
}

/** Executable names looked up on PATH, like `which` would. */
export const PATH_NAMES = ['google-chrome-stable', 'google-chrome', 'chromium', 'chromium-browser', 'microsoft-edge', 'microsoft-edge-stable'] as const;

export function wellKnownPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const roots = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => `${root}/${app}`));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter((r): r is string => !!r);
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return roots.flatMap((root) => exes.map((exe) => `${root}\\${exe}`));
  }
  // Other Unixes install browsers on PATH (e.g. /usr/local/bin): the PATH lookup finds them.
  if (platform !== 'linux') return [];
  return [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/opt/google/chrome/chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/opt/microsoft/msedge/msedge',
  ];
}

async function isExecutable(file: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    if (!(await stat(file)).isFile()) return false;
    // Windows has no execute bit: existence is all we can check.
    if (platform !== 'win32') await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function explicit(file: string, source: BrowserSource, platform: NodeJS.Platform): Promise<BrowserLocation> {
  if (await isExecutable(file, platform)) return { path: file, source };
  const what = source === 'option' ? '--browser-path' : 'CHROME_PATH';
  throw new TrialdeckError('BROWSER_NOT_FOUND', MESSAGES.badBrowserPath(what, file));
}

async function findSystem(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const file of wellKnownPaths(platform, env)) if (await isExecutable(file, platform)) return file;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffixes = platform === 'win32' ? ['.exe'] : [''];
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const file = join(dir, name + suffix);
        if (await isExecutable(file, platform)) return file;
      }
    }
  }
  return undefined;
}

/** The optional bundled Chromium: a Linux x64 headless shell, absent unless installed. */
async function findBundled(platform: NodeJS.Platform): Promise<string | undefined> {
  if (platform !== 'linux' || process.arch !== 'x64') return undefined;
  let mod: { default: { executablePath(input?: string): Promise<string> } };
  // A variable specifier keeps the optional package out of type-checking and bundling.
  const specifier = '@sparticuz/chromium';
  try {
    mod = await importExternal<typeof mod>(specifier);
  } catch {
    return undefined;
  }
  // The first call decompresses ~65 MB into the temp folder (a few seconds); later runs reuse it.
  const file = await mod.default.executablePath();
  return (await isExecutable(file, platform)) ? file : undefined;
}

/** Resolves a browser, or `undefined` when none can be found (callers skip browser formats). */
export async function discoverBrowser(options: DiscoveryOptions = {}): Promise<BrowserLocation | undefined> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  if (options.browserPath) return explicit(options.browserPath, 'option', platform);
  if (env.CHROME_PATH) return explicit(env.CHROME_PATH, 'CHROME_PATH', platform);
  const search = options.search ?? searchModeFromEnv(env);
  if (search === 'all' || search === 'system') {
    const file = await findSystem(platform, env);
    if (file) return { path: file, source: 'system' };
  }
  if (search === 'all' || search === 'bundled') {
    const file = await findBundled(platform);
    if (file) return { path: file, source: 'bundled' };
  }
  return undefined;
}

export function searchModeFromEnv(env: NodeJS.ProcessEnv): SearchMode {
  const value = env.TRIALDECK_BROWSER_SEARCH;
  if (value === undefined || value === '') return 'all';
  if (!isSearchMode(value)) {
    throw new TrialdeckError('USAGE', `TRIALDECK_BROWSER_SEARCH must be one of ${SEARCH_MODES.join(', ')}; got "${value}"`);
  }
  return value;
}
