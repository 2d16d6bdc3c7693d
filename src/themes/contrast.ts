// Colour arithmetic for themes: WCAG 2.x relative luminance and contrast
// ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio), and mixing, used
// to derive a department's tints, to warn about unreadable palettes and by
// the accessible theme's contrast test.

export type Rgb = readonly [number, number, number];

const HEX = /^#(?:([0-9a-f]{3})|([0-9a-f]{6}))$/i;

/** `#rgb` or `#rrggbb` -> 0…255 channels; anything else -> undefined. */
export function parseHex(colour: string): Rgb | undefined {
  const m = HEX.exec(colour.trim());
  if (!m) return undefined;
  const hex = m[1] ? [...m[1]].map((c) => c + c).join('') : (m[2] ?? '');
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function isHexColour(colour: string): boolean {
  return parseHex(colour) !== undefined;
}

function hexOf(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

function requireHex(colour: string): Rgb {
  const rgb = parseHex(colour);
  if (!rgb) throw new Error(`not a hex colour: ${colour}`);
  return rgb;
}

export function relativeLuminance(colour: string): number {
  const [r, g, b] = requireHex(colour).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** 1 … 21; the order of the two colours does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG 2.x AA minimums. "Large" is ≥ 18 pt (24 px), or ≥ 14 pt (18.67 px) bold. */
export const WCAG_AA = { normal: 4.5, large: 3, graphics: 3 } as const;

export function isLargeText(px: number, bold: boolean): boolean {
  return px >= 24 || (bold && px >= (14 * 96) / 72);
}

/** `t` = 0 gives `a`, 1 gives `b`. */
export function mixHex(a: string, b: string, t: number): string {
  const x = requireHex(a);
  const y = requireHex(b);
  return hexOf([0, 1, 2].map((i) => (x[i] ?? 0) * (1 - t) + (y[i] ?? 0) * t) as unknown as Rgb);
}

/** Black or white, whichever reads better on `background`. */
export function readableOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}
