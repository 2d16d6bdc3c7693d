// What a user sees and what a browser would load, read off a deck's HTML.
import { cleanText } from '../../src/deck/escape-markdown.js';

/** The deck's slides only (not the <head>, notes JSON or script). */
export function slidesHtml(html: string): string {
  const start = html.indexOf('<div id="deck">');
  const end = html.indexOf('<div id="counter"');
  return start >= 0 && end > start ? html.slice(start, end) : html;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&', apos: "'", nbsp: '\u00A0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Text of the slides as a reader sees it: tags removed, entities decoded, whitespace runs folded. */
export function visibleText(html: string): string {
  const text = slidesHtml(html)
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ');
  return decodeEntities(text).replace(/[ \t\n\r\u00A0]+/g, ' ');
}

/** What a payload must look like on the slide: one line, controls dropped, spaces folded. */
export function shown(payload: string): string {
  return cleanText(payload).replace(/[ \u00A0]+/g, ' ');
}

export interface Tag {
  name: string;
  attrs: { name: string; value: string }[];
}

/** Every start tag with its attributes (values unquoted and decoded). */
export function tags(html: string): Tag[] {
  const out: Tag[] = [];
  const attr = /\s+([^\s=>/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;
  for (const m of html.matchAll(/<([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const attrs = [...(m[2] ?? '').matchAll(attr)].map((a) => ({ name: (a[1] ?? '').toLowerCase(), value: decodeEntities((a[2] ?? '').replace(/^["']|["']$/g, '')) }));
    out.push({ name: (m[1] ?? '').toLowerCase(), attrs });
  }
  return out;
}

/** Every URL the page could load or link to: src/href/xlink:href/srcset/action/poster/data attributes, and url(…) in CSS. */
export function urls(html: string): string[] {
  const found: string[] = [];
  for (const t of tags(html)) {
    for (const a of t.attrs) if (/^(src|href|xlink:href|srcset|action|formaction|poster|data|background|content)$/.test(a.name) && (a.name !== 'content' || t.name === 'meta' && /url=/i.test(a.value))) found.push(a.value);
  }
  // CSS: <style> blocks and style="" attributes (url( in slide text is just text).
  const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '');
  for (const t of tags(html)) for (const a of t.attrs) if (a.name === 'style') css.push(a.value);
  for (const block of css) {
    for (const m of block.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) found.push(m[2] ?? '');
    for (const m of block.matchAll(/@import\s+(?:url\()?\s*['"]?([^'");\s]+)/gi)) found.push(m[1] ?? '');
  }
  return found;
}

/** A URL a browser would fetch from the network or the disk (data: and #fragments are inline). */
export function isExternal(url: string): boolean {
  const u = url.trim().toLowerCase();
  return !(u.startsWith('data:') || u.startsWith('#') || u === '');
}

/** The presenter notes the HTML shell carries as JSON. */
export function notesOf(html: string): string[] {
  const m = /<script type="application\/json" id="td-notes">([\s\S]*?)<\/script>/.exec(html);
  return m ? (JSON.parse(m[1] ?? '[]') as string[]) : [];
}

export function slideCount(html: string): number {
  return (slidesHtml(html).match(/<svg data-marpit-svg/g) ?? []).length;
}
