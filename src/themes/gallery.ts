// `trialdeck themes --gallery`: one self-contained HTML page showing every
// theme on the same trial (LEVOECMO by default): its title slide, results
// table, primary outcome and forest plot, rendered by the normal pipeline.
//
// Each theme's slides sit in their own sandboxed <iframe srcdoc>: Marp scopes
// every theme's CSS to the same `div.marpit` selectors, so two themes on one
// page would restyle each other. The page loads nothing (CSP: data: images
// only) and runs no script.
import { fileURLToPath } from 'node:url';
import { makeDeck, type DeckBuild } from '../build.js';
import { escapeHtml } from '../marp/html-shell.js';
import { loadTrial } from '../trial/load.js';
import { DEFAULT_THEME, listThemes } from './registry.js';

export const DEFAULT_GALLERY_TRIAL = fileURLToPath(new URL('../../data/levoecmo.yaml', import.meta.url));

export interface GalleryOptions {
  /** Trial file; default: the bundled LEVOECMO data. */
  input?: string;
  themeDir?: string;
  /** Also show this department's generated theme. */
  department?: string;
  /** Chart SVG cache folder; none by default. */
  cacheDir?: string;
}

export interface GalleryEntry {
  theme: string;
  description: string;
  /** Slide HTML fragments, in gallery order. */
  slides: string[];
  css: string;
}

/** Width of one slide in the gallery (px); slides are 1280×720, scaled. */
const THUMB = 300;
const GAP = 10;

/** The slides a gallery shows: title, first results table, primary outcome, forest plot (those that exist). */
export function gallerySlides(deck: DeckBuild): string[] {
  const slides = deck.rendered.slides;
  const byClass = (cls: string): string | undefined => slides.find((s) => new RegExp(`<section [^>]*data-class="${cls}"`).test(s));
  const forest = deck.charts.find((c) => c.id === 'forest');
  const forestSlide = forest ? slides.find((s) => s.includes(forest.uri)) : undefined;
  return [byClass('title'), byClass('table'), byClass('primary'), forestSlide].filter((s): s is string => s !== undefined);
}

export async function galleryEntries(options: GalleryOptions = {}): Promise<GalleryEntry[]> {
  const { trial, warnings } = await loadTrial(options.input ?? DEFAULT_GALLERY_TRIAL);
  // The default first, then the rest by name, then the department's look.
  const themes = [...(await listThemes(options.themeDir))].sort((a, b) => Number(b.name === DEFAULT_THEME) - Number(a.name === DEFAULT_THEME));
  const looks: { theme?: string; department?: string }[] = themes.map((t) => ({ theme: t.name }));
  if (options.department) looks.push({ department: options.department });
  const entries: GalleryEntry[] = [];
  for (const look of looks) {
    const deck = await makeDeck(trial, warnings, { theme: look.theme, themeDir: options.themeDir, department: look.department, cacheDir: options.cacheDir ?? false });
    const name = /data-theme="([^"]+)"/.exec(deck.rendered.slides[0] ?? '')?.[1] ?? look.theme ?? '';
    const description = deck.themes.find((t) => t.name === name)?.description ?? '';
    entries.push({ theme: name, description, slides: gallerySlides(deck), css: deck.rendered.css });
  }
  return entries;
}

function frameDocument(entry: GalleryEntry): string {
  const height = Math.round((THUMB * 720) / 1280);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${entry.css}</style><style>
html,body{margin:0;padding:0;background:transparent}
.row{display:flex;gap:${GAP}px}
.row>.marpit>svg{display:block;width:${THUMB}px;height:${height}px;box-shadow:0 1px 4px rgba(0,0,0,.35)}
</style></head><body><div class="row">${entry.slides.map((s) => `<div class="marpit">${s}</div>`).join('')}</div></body></html>`;
}

export function galleryHtml(entries: readonly GalleryEntry[], title = 'trialdeck themes'): string {
  const frameHeight = Math.round((THUMB * 720) / 1280) + 6;
  const width = (n: number): number => n * THUMB + (n - 1) * GAP + 6;
  const rows = entries
    .map(
      (e) => `<section>
<h2><code>${escapeHtml(e.theme)}</code> <span>${escapeHtml(e.description)}</span></h2>
<iframe sandbox title="${escapeHtml(`${e.theme}: sample slides`)}" width="${width(e.slides.length)}" height="${frameHeight}" srcdoc="${escapeHtml(frameDocument(e))}"></iframe>
</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">
<title>${escapeHtml(title)}</title>
<style>
body{margin:0;padding:20px 24px;background:#eef1f4;color:#1f2933;font:15px/1.4 'Liberation Sans',Arial,Helvetica,sans-serif}
h1{font-size:22px;margin:0 0 14px 0}
section{margin:0 0 16px 0}
h2{font-size:15px;font-weight:normal;margin:0 0 6px 0}
h2 code{font:bold 16px 'Liberation Mono',monospace;margin-right:8px}
h2 span{color:#52606d}
iframe{border:0;display:block;background:transparent}
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${rows}
</body>
</html>
`;
}
