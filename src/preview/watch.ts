// Watches the folders a deck is made from and reports, debounced, which
// kinds of source changed. Folders, not files: editors save by writing a
// temp file and renaming it over the original, which ends a watch on the
// file itself. One non-recursive watch per folder works the same everywhere
// (recursive fs.watch on Linux only arrived in Node 20 and is emulated).
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DEFAULT_SPEC_DIR } from '../charts/spec-files.js';
import { DEFAULT_TEMPLATE_DIR } from '../deck/compose.js';
import { DEFAULT_THEME_DIR } from '../themes/registry.js';
import { memberOf } from '../member-of.js';

export const CHANGE_KINDS = ['data', 'template', 'chart', 'theme'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const isChangeKind: (v: unknown) => v is ChangeKind = memberOf(CHANGE_KINDS);

export interface WatchTarget {
  dir: string;
  kind: ChangeKind;
  /** Which file names in `dir` matter (editor swap and backup files do not). */
  accept: (name: string) => boolean;
}

export interface SourceFolders {
  input: string;
  templateDir?: string;
  themeDir?: string;
  /** A department file: it and its logo (which must sit beside it) count as theme changes. */
  departmentFile?: string;
}

/** Everything makeDeck reads: the trial file, templates + partials, chart specs, themes. */
export function watchTargets(folders: SourceFolders): WatchTarget[] {
  const input = resolve(folders.input);
  const templates = resolve(folders.templateDir ?? DEFAULT_TEMPLATE_DIR);
  const hbs = (name: string): boolean => name.endsWith('.hbs');
  return [
    { dir: dirname(input), kind: 'data', accept: (name) => name === basename(input) },
    { dir: templates, kind: 'template', accept: hbs },
    { dir: join(templates, 'partials'), kind: 'template', accept: hbs },
    // makeDeck always reads chart specs from the package's templates/charts.
    { dir: resolve(DEFAULT_SPEC_DIR), kind: 'chart', accept: (name) => name.endsWith('.vl.json') },
    { dir: resolve(folders.themeDir ?? DEFAULT_THEME_DIR), kind: 'theme', accept: (name) => name.endsWith('.css') },
    ...(folders.departmentFile
      ? [{ dir: dirname(resolve(folders.departmentFile)), kind: 'theme' as const, accept: (name: string) => /\.(?:ya?ml|png|svg)$/i.test(name) }]
      : []),
  ];
}

export interface SourceWatcher {
  /** Folders actually watched (missing optional ones, such as partials/, are skipped). */
  readonly dirs: readonly string[];
  close(): void;
}

export function watchSources(targets: readonly WatchTarget[], onChange: (kinds: Set<ChangeKind>) => void, debounceMs = 50): SourceWatcher {
  const byDir = new Map<string, WatchTarget[]>();
  for (const t of targets) byDir.set(t.dir, [...(byDir.get(t.dir) ?? []), t]);

  let pending = new Set<ChangeKind>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const flush = (): void => {
    timer = undefined;
    const kinds = pending;
    pending = new Set();
    if (!closed && kinds.size > 0) onChange(kinds);
  };
  // One save fires several events (truncate, write, rename): wait until they stop.
  const touched = (kind: ChangeKind): void => {
    if (closed) return;
    pending.add(kind);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  const watchers: FSWatcher[] = [];
  const dirs: string[] = [];
  for (const [dir, group] of byDir) {
    let w: FSWatcher;
    try {
      w = watch(dir, { persistent: true }, (_event, name) => {
        for (const t of group) {
          // Linux always names the file; without a name, assume it mattered.
          if (name === null || t.accept(String(name))) touched(t.kind);
        }
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    // A watched folder that disappears ends its watcher; the others carry on.
    w.on('error', () => w.close());
    watchers.push(w);
    dirs.push(dir);
  }

  return {
    dirs,
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
