// buildDeck(): the pipeline.
//
//   load ──► validate ──► derive ──► chart ──► compose ──► render ──► export
//    │          │           │          │          │           │          │
//   YAML/JSON  zod schema  evidence   Vega-Lite  Handlebars  marp-core  files, swapped
//   or summary + checks    engine     -> SVG     -> Marp MD  -> HTML    in atomically
//
// Each stage is a plain function; this one only strings them together and
// stages the output so a failed build never touches the previous deck.
import { join } from 'node:path';
import { chartTrial, svgDataUri } from './charts/index.js';
import { composeDeck } from './deck/compose.js';
import type { Diagnostic } from './errors.js';
import { stageOutput } from './export/atomic-output.js';
import { renderDeck, type RenderedDeck } from './marp/render.js';
import { DEFAULT_THEME, resolveTheme } from './themes/registry.js';
import { loadTrial } from './trial/load.js';
import type { Trial } from './trial/schema.js';
import { trialId } from './trial/trial-id.js';

export const FORMATS = ['md', 'html', 'pdf', 'handout', 'pptx', 'png'] as const;
export type Format = (typeof FORMATS)[number];
export function isFormat(v: string): v is Format {
  return (FORMATS as readonly string[]).includes(v);
}
export const DEFAULT_FORMATS: readonly Format[] = ['md', 'html', 'pdf', 'handout', 'pptx'];

export interface BuildOptions {
  outDir: string;
  formats: readonly Format[];
  theme?: string;
  templateDir?: string;
  themeDir?: string;
  /** Chart SVG cache; defaults to `<outDir>/.cache/charts`. `false` disables it. */
  cacheDir?: string | false;
}

export interface DeckBuild {
  trial: Trial;
  markdown: string;
  rendered: RenderedDeck;
  charts: { id: string; svg: string }[];
  warnings: Diagnostic[];
}

export interface BuildResult {
  input: string;
  id: string;
  dir: string;
  files: string[];
  slides: number;
  warnings: Diagnostic[];
}

/** load → … → render, in memory: what both `build` and the preview server need. */
export async function makeDeck(trial: Trial, warnings: Diagnostic[], options: Omit<BuildOptions, 'formats' | 'outDir'> & { cacheDir?: string | false }): Promise<DeckBuild> {
  const { theme, all } = await resolveTheme(options.theme ?? DEFAULT_THEME, options.themeDir);
  const chartSet = await chartTrial(trial, { cacheDir: options.cacheDir || undefined });
  const charts = chartSet.charts.map((c) => ({ id: c.id, title: c.title, alt: c.alt, uri: svgDataUri(c.svg), svg: c.svg }));
  const { markdown } = await composeDeck(trial, charts, { theme: theme.name, templateDir: options.templateDir });
  const p = trial.publication;
  const rendered = renderDeck(markdown, {
    themes: all,
    title: `${p.acronym}: ${p.title}`,
    author: p.citation.split(/[.;]/)[0] ?? p.acronym,
    description: p.citation,
  });
  return { trial, markdown, rendered, charts, warnings };
}

export async function buildDeck(input: string, options: BuildOptions): Promise<BuildResult> {
  const loaded = await loadTrial(input);
  const id = trialId(loaded.trial);
  const cacheDir = options.cacheDir === false ? false : (options.cacheDir ?? join(options.outDir, '.cache', 'charts'));
  const deck = await makeDeck(loaded.trial, loaded.warnings, { ...options, cacheDir });
  const staging = await stageOutput(options.outDir, id);
  const files: string[] = [];
  try {
    const write = async (name: string, content: string | Uint8Array): Promise<void> => {
      await staging.write(name, content);
      files.push(name);
    };
    if (options.formats.includes('md')) await write('deck.md', deck.markdown);
    if (options.formats.includes('html')) await write('deck.html', deck.rendered.html);
    for (const chart of deck.charts) await write(`charts/${chart.id}.svg`, chart.svg);
    await staging.commit();
  } catch (err) {
    await staging.discard();
    throw err;
  }
  return { input, id, dir: join(options.outDir, id), files, slides: deck.rendered.slides.length, warnings: deck.warnings };
}
