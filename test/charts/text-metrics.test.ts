import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advanceEm, DEFAULT_ADVANCE_EM, UNITS_PER_EM } from '../../src/charts/font-metrics.js';
import { linesWidth, textWidth, vegaTextWidth, wrapText } from '../../src/charts/text-metrics.js';
import { readAdvanceWidths } from './ttf-advance-widths.js';

describe('text widths from the Arial / Liberation Sans metric table', () => {
  it('measures known strings like the font does', () => {
    // H 1479 + e 1139 + l 455 + l 455 + o 1139 = 4667 units of 2048.
    expect(textWidth('Hello', 100)).toBeCloseTo(227.88, 2);
    expect(textWidth('Hello', 100, true)).toBeCloseTo(244.48, 2);
    expect(textWidth('W', 2048)).toBe(1933);
    expect(textWidth(' ', 10)).toBeCloseTo(2.78, 2);
    // vega's own guess without a canvas (0.8 em per character) would say 400 px.
    expect(textWidth('Hello', 100)).toBeLessThan(300);
  });

  it('covers the Unicode that trial text uses', () => {
    for (const ch of ['\u2013', '\u2212', '\u2265', '\u2264', '\u03bc', '\u00b5', '\u00e9', '\u2190', '\u2192', '\u00b1', '\u00d7']) {
      expect(advanceEm(ch.codePointAt(0)!, false), ch).not.toBe(DEFAULT_ADVANCE_EM);
    }
    expect(advanceEm('\u2013'.codePointAt(0)!, false)).toBeCloseTo(1139 / 2048, 6);
    expect(advanceEm('\u2265'.codePointAt(0)!, false)).toBeCloseTo(1124 / 2048, 6);
  });

  it('falls back sensibly for characters it does not tabulate', () => {
    expect(advanceEm('中'.codePointAt(0)!, false)).toBe(1);
    expect(advanceEm('한'.codePointAt(0)!, true)).toBe(1);
    expect(advanceEm('\u0301'.codePointAt(0)!, false)).toBe(0); // combining acute
    expect(advanceEm('\u05d0'.codePointAt(0)!, false)).toBe(DEFAULT_ADVANCE_EM); // Hebrew alef
    expect(textWidth('e\u0301', 10)).toBeCloseTo(textWidth('e', 10), 6);
  });

  it.runIf(existsSync('/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf'))(
    'is exactly the advance widths of the installed Liberation Sans fonts',
    () => {
      const dir = '/usr/share/fonts/truetype/liberation2/';
      for (const [file, bold] of [['LiberationSans-Regular.ttf', false], ['LiberationSans-Bold.ttf', true]] as const) {
        const font = readAdvanceWidths(dir + file);
        expect(font.unitsPerEm).toBe(UNITS_PER_EM);
        const points = [
          ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
          ...Array.from({ length: 0x180 - 0xa0 }, (_, i) => 0xa0 + i),
          0x2013, 0x2014, 0x2212, 0x2264, 0x2265, 0x03bc, 0x2190, 0x2192, 0x2026, 0x2019,
        ];
        for (const cp of points) {
          expect(advanceEm(cp, bold) * UNITS_PER_EM, `${file} U+${cp.toString(16)}`).toBe(font.advance(cp));
        }
      }
    },
  );
});

describe('vegaTextWidth (installed as vega.textMetrics.width)', () => {
  it('uses the item font size and weight', () => {
    expect(vegaTextWidth({ fontSize: 100 }, 'Hello')).toBeCloseTo(227.88, 2);
    expect(vegaTextWidth({ fontSize: 100, fontWeight: 'bold' }, 'Hello')).toBeCloseTo(244.48, 2);
    expect(vegaTextWidth({ fontSize: 100, fontWeight: 700 }, 'Hello')).toBeCloseTo(244.48, 2);
    expect(vegaTextWidth({}, 'Hello')).toBeCloseTo(227.88 * 0.11, 2); // vega's default 11 px
    expect(vegaTextWidth({ fontSize: 12 }, undefined)).toBe(0);
    expect(vegaTextWidth({ fontSize: 10 }, 42)).toBeCloseTo(textWidth('42', 10), 6);
  });
});

describe('wrapText', () => {
  const name = 'Ventricular arrhythmia (VF/VT/torsades) during study drug exposure';

  it('keeps short labels on one line', () => {
    expect(wrapText('Cardiovascular death', { maxWidth: 400, fontSize: 16 })).toEqual(['Cardiovascular death']);
  });

  it('wraps at spaces onto two lines within the width, losing no words', () => {
    const lines = wrapText(name, { maxWidth: 320, fontSize: 16 });
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(name);
    expect(linesWidth(lines, 16)).toBeLessThanOrEqual(320);
  });

  it('widens rather than truncating or adding a third line', () => {
    const lines = wrapText(name, { maxWidth: 120, fontSize: 16 });
    expect(lines).toHaveLength(2);
    expect(lines.join(' ')).toBe(name);
    expect(linesWidth(lines, 16)).toBeGreaterThan(120);
    // A single unbreakable word stays whole.
    expect(wrapText('Supercalifragilistic', { maxWidth: 20, fontSize: 16 })).toEqual(['Supercalifragilistic']);
  });
});

describe('vega measures text with the table', () => {
  it('installs vegaTextWidth as vega.textMetrics.width when vega is loaded', async () => {
    const { importVegaEngine } = await import('../../src/charts/sandbox.js');
    const { vega } = await importVegaEngine();
    expect((vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width).toBe(vegaTextWidth);
  });

  it('lays out an axis label by its real width (vega alone would guess 0.8 em per character)', async () => {
    const { renderChart } = await import('../../src/charts/render.js');
    const spec = {
      data: { name: 'rows' }, padding: 0, width: 100, height: 100, autosize: { type: 'pad' },
      mark: 'bar',
      encoding: {
        x: { field: 'n', type: 'quantitative', axis: null },
        y: { field: 'label', type: 'nominal', title: null, axis: { labelFontSize: 100, labelPadding: 0, ticks: false, domain: false } },
      },
    };
    const { width } = await renderChart(spec, { rows: [{ label: 'Hello', n: 1 }] });
    // 100 px plot + "Hello" at 100 px (227.9 px), rounded up by vega's layout.
    expect(width).toBeGreaterThanOrEqual(327);
    expect(width).toBeLessThanOrEqual(330);
  });
});
