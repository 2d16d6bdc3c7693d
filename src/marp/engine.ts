// marp-core engine setup, shared by the in-process HTML render and by
// marp-cli (PPTX), so both accept the same Markdown.
import type { Marp, MarpOptions } from '@marp-team/marp-core';
import { marpCore } from './load-marp-core.js';
import { cacheStyles } from './style-cache.js';

/** Only our own chart images may be data URIs, and only SVG/PNG ones. */
const SAFE_DATA_URI = /^data:image\/(?:svg\+xml|png)(?:;base64)?,/i;
const SAFE_SCHEME = /^(?:https?:|mailto:|#)/i;

export const MARP_OPTIONS: MarpOptions = {
  // Data must never become HTML; templates express layout through classes instead.
  html: false,
  // Shortcodes such as :smile: would become CDN images; unicode emoji stay text.
  emoji: { shortcode: false, unicode: false },
  // `$x$` in a trial summary is text, not TeX (and KaTeX/MathJax would add fonts).
  math: false,
  // Our HTML shell does navigation and scaling; Marp's script would load nothing useful.
  script: false,
  minifyCSS: false,
};

export function isAllowedLink(url: string): boolean {
  const u = url.trim();
  return SAFE_DATA_URI.test(u) || SAFE_SCHEME.test(u);
}

export interface EngineOptions {
  /** CSS of every theme to register (each must carry `/* @theme name *\/`). */
  themes: readonly string[];
}

const engines = new Map<string, Marp>();

/**
 * A Marp engine for a set of themes, reused across renders (the preview
 * rebuilds on every edit; constructing markdown-it and parsing the themes
 * again each time is wasted work). Keyed by the themes' CSS.
 */
export function marpFor(options: EngineOptions): Marp {
  const key = options.themes.join('\u0000');
  let marp = engines.get(key);
  if (!marp) {
    marp = createMarp(options);
    // Themes change rarely; keep a handful of engines at most.
    if (engines.size >= 8) engines.clear();
    engines.set(key, marp);
  }
  return marp;
}

/** The part of a markdown-it token the alt-text rule touches. */
interface MdToken {
  type: string;
  children: MdToken[] | null;
}

export function createMarp(options: EngineOptions): Marp {
  const marp = new (marpCore().Marp)(MARP_OPTIONS);
  // Marp turns bare URLs into links (linkify), which would make data into
  // clickable links and, worse, swallow the escaper's backslash before `>` in
  // `\<https://…\>`. Data is text: no autolinks.
  marp.markdown.set({ linkify: false });
  // markdown-it rejects data: URIs by default; ours are charts we rendered.
  marp.markdown.validateLink = isAllowedLink;
  // markdown-it 14 leaves escaped characters (`text_special` tokens) out of
  // image alt text, so a chart about "Death \| MI" would be described as
  // "Death  MI": give them back as plain text.
  marp.markdown.core.ruler.push('trialdeck_alt_escapes', (state: { tokens: MdToken[] }) => {
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        if (token.type !== 'image') continue;
        for (const child of token.children ?? []) if (child.type === 'text_special') child.type = 'text';
      }
    }
  });
  for (const css of options.themes) marp.themeSet.add(css);
  cacheStyles(marp);
  return marp;
}
