// Number formatting for the evidence engine's ready-made strings. Slides
// quote these, so they use the typographic minus and "to" in intervals,
// as journals print them.

const MINUS = '\u2212';

/** Fixed decimals with a typographic minus; never prints "−0.0". */
export function fixed(x: number, decimals: number): string {
  // decimalsOf(1e-300) is 300, beyond toFixed's 0..100 (a RangeError); no paper prints 20 decimals.
  const s = x.toFixed(Math.min(Math.max(Math.trunc(decimals) || 0, 0), 20));
  if (/^-0(\.0+)?$/.test(s)) return s.slice(1);
  return s.replace('-', MINUS);
}

/** Ratios: 2 decimals, 2 significant digits below 0.1 (0.0052 → "0.0052"). */
export function formatRatio(x: number, decimals = 2): string {
  if (x > 0 && x < 0.1 && decimals <= 2) return x.toPrecision(2);
  return fixed(x, decimals);
}

/** A proportion as a percentage: 0.0917 → "9.2%". */
export function formatPercent(proportion: number, decimals = 1): string {
  return `${fixed(proportion * 100, decimals)}%`;
}

/** "P = 0.023", "P < 0.001", "P = 0.92". */
export function formatP(p: number): string {
  if (p < 0.001) return 'P < 0.001';
  if (p < 0.1) return `P = ${p.toFixed(3)}`;
  return `P = ${p.toFixed(2)}`;
}

/** "95% CI" for level 0.95. */
export function ciLabel(level: number): string {
  return `${Number((level * 100).toFixed(1))}% CI`;
}

/** Decimals in the shortest decimal form of a number (1.9 → 1, 12 → 0). */
export function decimalsOf(x: number): number {
  const s = String(Math.abs(x));
  if (s.includes('e')) {
    const [mant = '', exp = '0'] = s.split('e');
    const frac = mant.split('.')[1]?.length ?? 0;
    return Math.max(0, frac - Number(exp));
  }
  return s.split('.')[1]?.length ?? 0;
}

/**
 * Decimals the paper printed for `value`, read from the cell text when the
 * number appears there ("1.90" has 2 decimals even though 1.9 has one).
 */
export function printedDecimals(value: number, texts: readonly (string | undefined)[], minimum = 0): number {
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.replace(/\u2212/g, '-').matchAll(/\d+(?:\.(\d+))?/g)) {
      if (Math.abs(Number(m[0]) - Math.abs(value)) < 1e-9) return m[1]?.length ?? 0;
    }
  }
  return Math.max(minimum, decimalsOf(value));
}
