// render stage: Marp Markdown -> a self-contained interactive HTML document.
import type { Theme } from '../themes/registry.js';
import { marpFor } from './engine.js';
import { htmlShell } from './html-shell.js';

export interface RenderedDeck {
  /** The complete standalone HTML document. */
  html: string;
  /** Marp's CSS (themes included), for other HTML built from the same slides. */
  css: string;
  /** One HTML fragment per slide (an `<svg data-marpit-svg>` element). */
  slides: string[];
  /** Speaker notes per slide, joined. */
  notes: string[];
  width: number;
  height: number;
}

export interface RenderOptions {
  themes: readonly Theme[];
  title: string;
  author: string;
  description: string;
  lang?: string;
}

export function renderDeck(markdown: string, options: RenderOptions): RenderedDeck {
  const marp = marpFor({ themes: options.themes.map((t) => t.css) });
  const { html, css, comments } = marp.render(markdown, { htmlAsArray: true });
  const notes = comments.map((c) => c.join('\n\n'));
  const size = /viewBox="0 0 (\d+) (\d+)"/.exec(html[0] ?? '');
  const width = Number(size?.[1] ?? 1280);
  const height = Number(size?.[2] ?? 720);
  const document = htmlShell({
    title: options.title,
    author: options.author,
    description: options.description,
    lang: options.lang ?? 'en',
    css,
    slides: html,
    notes,
    width,
    height,
  });
  return { html: document, css, slides: html, notes, width, height };
}
