// Reads what an SVG visibly says: the content of its <text> elements (lines
// of a wrapped label joined with spaces), with position and styling. Alt text
// and ARIA attributes are deliberately not included.

export interface SvgText {
  text: string;
  lines: string[];
  x: number;
  y: number;
  attrs: Record<string, string>;
}

function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Calls `visit` for each match of `element` (whose own capture groups start
 * at 2) with the sum of the enclosing <g transform="translate(…)"> shifts:
 * vega nests marks in such groups. `attrs` are the element's attributes
 * (group 2), undecoded.
 */
function walkTranslated(svg: string, element: string, visit: (m: RegExpExecArray, attrs: Record<string, string>, dx: number, dy: number) => void): void {
  const stack: [number, number][] = [];
  let dx = 0;
  let dy = 0;
  const token = new RegExp(`<g\\b([^>]*)>|<\\/g>|${element}`, 'g');
  for (let m = token.exec(svg); m; m = token.exec(svg)) {
    if (m[0].startsWith('</g')) {
      const prev = stack.pop() ?? [0, 0];
      dx -= prev[0];
      dy -= prev[1];
    } else if (m[0].startsWith('<g')) {
      const t = /transform="translate\(([-\d.e]+),([-\d.e]+)\)"/.exec(m[1] ?? '');
      const shift: [number, number] = t ? [Number(t[1]), Number(t[2])] : [0, 0];
      stack.push(shift);
      dx += shift[0];
      dy += shift[1];
    } else {
      const attrs: Record<string, string> = {};
      for (const a of (m[2] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
      visit(m, attrs, dx, dy);
    }
  }
}

const translation = (attrs: Record<string, string>): [number, number] => {
  const t = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(attrs.transform ?? '');
  return [Number(t?.[1] ?? 0), Number(t?.[2] ?? 0)];
};

/** Every <text> element with its absolute position. */
export function svgTexts(svg: string): SvgText[] {
  const out: SvgText[] = [];
  walkTranslated(svg, '<text\\b([^>]*)>([\\s\\S]*?)<\\/text>', (m, raw, dx, dy) => {
    const attrs = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, decode(v)]));
    const [tx, ty] = translation(attrs);
    const body = m[3] ?? '';
    const lines = body.includes('<tspan') ? [...body.matchAll(/<tspan[^>]*>([\s\S]*?)<\/tspan>/g)].map((l) => decode(l[1] ?? '')) : [decode(body)];
    out.push({ text: lines.join(' '), lines, x: dx + tx, y: dy + ty, attrs });
  });
  return out;
}

export interface SvgLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  attrs: Record<string, string>;
}

/** Every <line> (vega draws rule marks as lines) in absolute coordinates. */
export function svgLines(svg: string): SvgLine[] {
  const out: SvgLine[] = [];
  walkTranslated(svg, '<line\\b([^>]*)\\/>', (_m, attrs, dx, dy) => {
    const [tx, ty] = translation(attrs);
    const x = dx + tx + Number(attrs.x1 ?? 0);
    const y = dy + ty + Number(attrs.y1 ?? 0);
    out.push({ x1: x, y1: y, x2: x + Number(attrs.x2 ?? 0), y2: y + Number(attrs.y2 ?? 0), attrs });
  });
  return out;
}

export function findText(svg: string, text: string): SvgText | undefined {
  return svgTexts(svg).find((t) => t.text === text);
}
