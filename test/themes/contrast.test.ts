// WCAG 2.x AA contrast of the themes' text/background pairs, read from the
// CSS custom properties (the accessible theme promises AA for every pair).
import { describe, expect, it } from 'vitest';
import { contrastRatio, isLargeText, mixHex, parseHex, readableOn, relativeLuminance, WCAG_AA } from '../../src/themes/contrast.js';
import { declaredVars, resolveVars, themeVars } from '../../src/themes/css-vars.js';
import { listThemes } from '../../src/themes/registry.js';

/**
 * Where the themes draw text, and on what. Sizes are clinical's smallest use
 * of the pair; `large` follows WCAG (≥ 24 px, or ≥ 18.67 px bold).
 */
const TEXT_PAIRS: { fg: string; bg: string; px: number; bold: boolean; where: string }[] = [
  { fg: '--td-fg', bg: '--td-bg', px: 18, bold: false, where: 'body text, references' },
  { fg: '--td-muted', bg: '--td-bg', px: 16, bold: false, where: 'footer, page number, captions' },
  { fg: '--td-accent', bg: '--td-bg', px: 21, bold: true, where: 'bold emphasis, sub-headings' },
  { fg: '--td-on-accent', bg: '--td-accent', px: 19, bold: true, where: 'table header cells' },
  { fg: '--td-fg', bg: '--td-row-alt', px: 18, bold: false, where: 'zebra table rows' },
  { fg: '--td-fg', bg: '--td-accent-soft', px: 21, bold: false, where: 'PICO rows, quotes' },
  { fg: '--td-muted', bg: '--td-accent-soft', px: 20, bold: false, where: 'primary-outcome boxes' },
];
/** Non-text contrast (WCAG 1.4.11): arm colours mark bars, lines and boxes. */
const GRAPHIC_PAIRS = [
  ['--td-arm-1', '--td-bg'],
  ['--td-arm-2', '--td-bg'],
  ['--td-rule', '--td-bg'],
  ['--td-highlight', '--td-bg'],
] as const;

describe('colour arithmetic', () => {
  it('matches WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 is the lightest grey with 4.5:1 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(relativeLuminance('#fff')).toBeCloseTo(1, 5);
    expect(parseHex('#0b6e99')).toEqual([11, 110, 153]);
    expect(parseHex('red')).toBeUndefined();
    expect(mixHex('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(readableOn('#0b6e99')).toBe('#ffffff');
    expect(readableOn('#ffe066')).toBe('#000000');
  });

  it('classifies large text as WCAG does (18 pt, or 14 pt bold)', () => {
    expect(isLargeText(24, false)).toBe(true);
    expect(isLargeText(23, false)).toBe(false);
    expect(isLargeText(18.67, true)).toBe(true);
    expect(isLargeText(18, true)).toBe(false);
  });

  it('resolves var() references and imports like a browser', () => {
    expect(resolveVars({ '--a': '#123456', '--b': 'var(--a)', '--c': 'var(--missing, #abcdef)' })).toEqual({ '--a': '#123456', '--b': '#123456', '--c': '#abcdef' });
    const base = { name: 'base', css: "section { --td-fg: #111111; --td-bg: #ffffff; }\nsection.title { --td-fg: #ff0000; }" };
    const child = { name: 'child', css: "@import 'base';\nsection {\n  --td-bg: #000000;\n}" };
    expect(declaredVars(base.css)).toEqual({ '--td-fg': '#111111', '--td-bg': '#ffffff' });
    expect(themeVars(child, [base, child])).toEqual({ '--td-fg': '#111111', '--td-bg': '#000000' });
  });
});

describe('theme contrast (WCAG 2.x AA)', () => {
  it('the accessible theme meets AA for every text pair and 3:1 for graphics', async () => {
    const all = await listThemes();
    const accessible = all.find((t) => t.name === 'accessible');
    expect(accessible, 'themes/accessible.css').toBeDefined();
    const vars = themeVars(accessible!, all);
    const failures: string[] = [];
    for (const p of TEXT_PAIRS) {
      const fg = vars[p.fg];
      const bg = vars[p.bg];
      expect(fg && parseHex(fg), `${p.fg} must be a hex colour`).toBeTruthy();
      expect(bg && parseHex(bg), `${p.bg} must be a hex colour`).toBeTruthy();
      const ratio = contrastRatio(fg!, bg!);
      // The accessible theme holds itself to the normal-text minimum even where large text would allow 3:1.
      const min = WCAG_AA.normal;
      if (ratio < min) failures.push(`${p.fg} on ${p.bg} (${p.where}): ${ratio.toFixed(2)} < ${min}`);
    }
    for (const [fg, bg] of GRAPHIC_PAIRS) {
      const ratio = contrastRatio(vars[fg]!, vars[bg]!);
      if (ratio < WCAG_AA.graphics) failures.push(`${fg} on ${bg}: ${ratio.toFixed(2)} < ${WCAG_AA.graphics}`);
    }
    expect(failures).toEqual([]);
  });

  it('every theme meets AA for its text pairs (large text at 3:1)', async () => {
    const all = await listThemes();
    const failures: string[] = [];
    for (const theme of all) {
      const vars = themeVars(theme, all);
      for (const p of TEXT_PAIRS) {
        const min = isLargeText(p.px, p.bold) ? WCAG_AA.large : WCAG_AA.normal;
        const ratio = contrastRatio(vars[p.fg]!, vars[p.bg]!);
        if (ratio < min) failures.push(`${theme.name}: ${p.fg} on ${p.bg} (${p.where}): ${ratio.toFixed(2)} < ${min}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
