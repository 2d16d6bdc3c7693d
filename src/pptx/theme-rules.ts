// The few layout rules of a theme's CSS the PPTX masters copy: how headings
// are marked (a rule under them, a bar to their left, a short bar) and how
// the title slide is framed (a band on the left or along the top). Read from
// the theme and the themes it @imports, the importing theme's rules last, so
// a department or a theme changes its PPTX the way it changes its HTML.
import { importsOf } from '../themes/css-vars.js';
import type { Theme } from '../themes/registry.js';

/** A theme and every theme it @imports, transitively; the theme itself first. */
export function withImports(theme: Theme, all: readonly Theme[], seen: string[] = []): Theme[] {
  if (seen.includes(theme.name)) return [];
  const imported = importsOf(theme.css).map((n) => all.find((t) => t.name === n)).filter((t): t is Theme => t !== undefined);
  return [theme, ...imported.flatMap((t) => withImports(t, all, [...seen, theme.name]))];
}

/** The declarations of rules whose selector list contains exactly `selector`, later ones winning. */
export function declarations(chain: readonly Theme[], selector: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of [...chain].reverse()) {
    const css = t.css.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const selectors = (m[1] ?? '').split(',').map((s) => s.trim().replace(/\s+/g, ' '));
      if (!selectors.includes(selector)) continue;
      for (const d of (m[2] ?? '').matchAll(/([a-z-]+)\s*:\s*([^;]+?)\s*(?:;|$)/g)) out[d[1] ?? ''] = d[2] ?? '';
    }
  }
  return out;
}

const px = (v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  if (/^0(?:px)?\b/.test(v.trim())) return 0;
  const m = /(\d+(?:\.\d+)?)px/.exec(v);
  return m ? Number(m[1]) : undefined;
};

export type HeadingMark = { kind: 'rule'; width: number } | { kind: 'left-bar'; width: number } | { kind: 'short-bar'; width: number; height: number } | { kind: 'none' };
export type TitleFrame = { kind: 'left'; width: number } | { kind: 'top'; height: number } | { kind: 'none' };

export function headingMark(chain: readonly Theme[]): HeadingMark {
  const h2 = declarations(chain, 'section h2');
  const left = px(h2['border-left']) ?? px(h2['border-left-width']);
  if (left) return { kind: 'left-bar', width: left };
  const bottom = px(h2['border-bottom-width']) ?? px(h2['border-bottom']);
  if (bottom) return { kind: 'rule', width: bottom };
  const after = declarations(chain, 'section h2::after');
  const w = px(after.width);
  const h = px(after.height);
  if (w && h) return { kind: 'short-bar', width: w, height: h };
  return { kind: 'none' };
}

export function titleFrame(chain: readonly Theme[]): TitleFrame {
  const t = declarations(chain, 'section.title');
  const left = px(t['border-left']) ?? px(t['border-left-width']);
  if (left) return { kind: 'left', width: left };
  const shadow = /inset\s+0\s+(\d+)px\s+0/.exec(t['box-shadow'] ?? '');
  if (shadow) return { kind: 'top', height: Number(shadow[1]) };
  return { kind: 'none' };
}
