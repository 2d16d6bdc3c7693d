// A chart with no native form (continuous outcomes, the Bayesian posterior)
// becomes a PNG of its own SVG, rendered by resvg (no browser), with the
// chart's alt text. Fonts come from the system's Liberation folder when it is
// there, so the picture matches the HTML deck's chart.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { importExternal } from '../export/import-external.js';

const FONT_DIRS = ['/usr/share/fonts/truetype/liberation2', '/usr/share/fonts/truetype/liberation'];
const FONT_FILES = ['LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf', 'LiberationSans-Italic.ttf', 'LiberationSans-BoldItalic.ttf'];

/** The Liberation Sans files the charts name: four files load in a few ms, a whole system font scan takes far longer. */
function fontFiles(): string[] {
  for (const dir of FONT_DIRS) {
    const files = FONT_FILES.map((f) => join(dir, f)).filter((f) => existsSync(f));
    if (files.length > 0) return files;
  }
  return [];
}

type ResvgModule = typeof import('@resvg/resvg-js');

/** PNG bytes of an SVG drawn `width` px wide (its height follows the SVG's aspect ratio). */
export async function svgToPng(svg: string, width: number): Promise<{ png: Buffer; width: number; height: number }> {
  const { renderAsync } = await importExternal<ResvgModule>('@resvg/resvg-js');
  const files = fontFiles();
  // renderAsync draws on libuv's thread pool: the same resvg code and bytes as `new Resvg().render()`,
  // but this thread stays free meanwhile (in a default build it relays the browser's PDF print).
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: files.length > 0 ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: 'Liberation Sans' } : { loadSystemFonts: true },
  });
  return { png: image.asPng(), width: image.width, height: image.height };
}

export function pngDataUri(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
