import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHART_THEME } from '../../src/charts/chart-theme.js';
import { buildForestChart, chartTrial, type Chart } from '../../src/charts/index.js';
import { logDomain, sideLabels } from '../../src/charts/forest.js';
import { trialSchema } from '../../src/trial/schema.js';
import { findText, svgLines, svgTexts } from './svg-text.js';
import { DAPA_HF_INPUT, dapaHf, KCCQ_RESPONDER, LEVOECMO_INPUT, levoecmo } from './trials.js';

const forestOf = async (trial: ReturnType<typeof levoecmo>): Promise<Chart> => {
  const chart = (await chartTrial(trial)).charts.find((c) => c.id === 'forest');
  if (!chart) throw new Error('no forest chart');
  return chart;
};

/** x of the axis tick label showing `value` (tick labels are centred on their tick). */
const tickX = (svg: string, value: string): number => {
  const t = svgTexts(svg).find((s) => s.text === value && s.attrs['text-anchor'] === 'middle');
  if (!t) throw new Error(`no tick label ${value}`);
  return t.x;
};

describe('forest plot: LEVOECMO (mixed benefit directions)', () => {
  let chart: Chart;
  beforeAll(async () => {
    chart = await forestOf(levoecmo());
  });

  const ratioOutcomes = LEVOECMO_INPUT.results.filter((o) => ['RR', 'OR', 'HR', 'sHR'].includes(o.effect?.measure ?? ''));

  it('shows every ratio outcome by its full, untruncated name', () => {
    expect(ratioOutcomes).toHaveLength(9);
    const texts = svgTexts(chart.svg).map((t) => t.text);
    for (const o of ratioOutcomes) expect(texts, o.name).toContain(o.name);
    expect(chart.svg).not.toContain('\u2026');
    // A non-ratio outcome (risk difference) is not in the forest plot.
    expect(texts).not.toContain('Cardiac transplant by day 30');
  });

  it('wraps the longest names onto two lines', () => {
    const vt = findText(chart.svg, 'Ventricular arrhythmia (VF/VT/torsades) during study drug exposure');
    expect(vt?.lines).toHaveLength(2);
  });

  it('says which side is lower and higher with arm 1, naming both arms', () => {
    const lower = findText(chart.svg, '\u2190 Lower with Levosimendan');
    const higher = findText(chart.svg, 'Higher with Levosimendan \u2192');
    expect(lower && higher).toBeTruthy();
    expect(svgTexts(chart.svg).map((t) => t.text)).toContain('sHR / RR, Levosimendan vs Placebo (log scale)');
    // Each label sits on its side of the reference line at 1, below the axis.
    const one = tickX(chart.svg, '1');
    expect(lower!.attrs['text-anchor']).toBe('end');
    expect(lower!.x).toBeLessThan(one);
    expect(higher!.attrs['text-anchor']).toBe('start');
    expect(higher!.x).toBeGreaterThan(one);
    expect(lower!.y).toBeGreaterThan(findText(chart.svg, '1')!.y);
    expect(svgTexts(chart.svg).some((t) => /Favours/.test(t.text))).toBe(false);
  });

  it('uses a log x axis with a dashed reference line at 1', () => {
    const ticks = ['0.1', '0.2', '0.5', '1', '2', '5', '10'];
    const xs = ticks.map((t) => tickX(chart.svg, t));
    // Equal ratios are equal distances on a log scale.
    expect(xs[6]! - xs[3]!).toBeCloseTo(xs[3]! - xs[0]!, 0);
    expect(xs[4]! - xs[3]!).toBeCloseTo(xs[3]! - xs[2]!, 0);
    expect(Math.abs((xs[4]! - xs[3]!) / (xs[6]! - xs[3]!) - Math.log10(2))).toBeLessThan(0.01);
    // The reference rule: one dashed vertical line through the "1" tick, spanning the rows.
    const dashed = svgLines(chart.svg).filter((l) => l.attrs['stroke-dasharray'] === '6,4');
    expect(dashed).toHaveLength(1);
    expect(Math.abs(dashed[0]!.x1 - xs[3]!)).toBeLessThanOrEqual(1);
    expect(dashed[0]!.x2).toBe(dashed[0]!.x1);
    expect(dashed[0]!.y2 - dashed[0]!.y1).toBeGreaterThan(300);
  });

  it('marks the primary outcome: bold label, accent diamond, and prints estimate + CI', () => {
    const primary = findText(chart.svg, 'Successful VA-ECMO weaning within 30 days (primary; competing risk)');
    expect(primary?.attrs['font-weight']).toBe('bold');
    expect(findText(chart.svg, 'All-cause mortality at day 30')?.attrs['font-weight']).toBeUndefined();
    expect(chart.svg).toMatch(new RegExp(`fill="${DEFAULT_CHART_THEME.accent}"`, 'i'));
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts).toContain('sHR 1.02 (0.74\u20131.39)');
    expect(texts).toContain('RR 3.09 (1.07\u20138.93)');
    expect(texts).toContain('Ratio (95% CI)');
  });

  it('carries alt text, a source line and a slide-sized canvas', () => {
    expect(chart.alt).toMatch(/^Forest plot of 9 ratio outcomes for Levosimendan vs Placebo/);
    expect(chart.alt).toContain('Successful VA-ECMO weaning within 30 days (primary; competing risk): sHR 1.02 (95% CI 0.74 to 1.39)');
    expect(chart.svg).toContain(`-desc">${chart.alt.replace(/&/g, '&amp;')}</desc>`);
    expect(findText(chart.svg, 'Source: LEVOECMO, JAMA 2026')).toBeTruthy();
    expect(chart.width).toBeLessThanOrEqual(1150);
    expect(chart.height).toBeLessThanOrEqual(560);
  });
});

describe('forest plot: DAPA-HF (all outcomes: lower is better)', () => {
  it('labels the sides "Favours <arm>" with both arms, arm 1 on the left', async () => {
    const chart = await forestOf(dapaHf());
    const left = findText(chart.svg, '\u2190 Favours Dapagliflozin');
    const right = findText(chart.svg, 'Favours Placebo \u2192');
    expect(left && right).toBeTruthy();
    expect(left!.x).toBeLessThan(tickX(chart.svg, '1'));
    expect(right!.x).toBeGreaterThan(tickX(chart.svg, '1'));
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts).toContain('HR (95% CI)');
    expect(texts).toContain('0.74 (0.65\u20130.85)');
    for (const o of DAPA_HF_INPUT.results) expect(texts).toContain(o.name);
  });

  it('falls back to lower/higher wording once an outcome where higher is better joins', async () => {
    const trial = trialSchema.parse({ ...DAPA_HF_INPUT, results: [...DAPA_HF_INPUT.results, KCCQ_RESPONDER] });
    const input = buildForestChart(trial, DEFAULT_CHART_THEME)!;
    const sides = input.datasets.sides!.map((s) => s.text);
    expect(sides).toEqual(['\u2190 Lower with Dapagliflozin', 'Higher with Dapagliflozin \u2192']);
    expect(input.params.axisTitle).toEqual(['HR / OR, Dapagliflozin vs Placebo (log scale)']);
  });
});

describe('forest helpers', () => {
  const arms = [{ label: 'A' }, { label: 'B' }];
  it.each([
    [['lower', 'lower'], ['\u2190 Favours A', 'Favours B \u2192']],
    [['higher', 'higher'], ['\u2190 Favours B', 'Favours A \u2192']],
    [['lower', 'higher'], ['\u2190 Lower with A', 'Higher with A \u2192']],
    [['lower', undefined], ['\u2190 Lower with A', 'Higher with A \u2192']],
    [[undefined], ['\u2190 Lower with A', 'Higher with A \u2192']],
  ] as const)('side labels for benefit %j', (benefits, expected) => {
    const s = sideLabels(benefits.map((benefit) => ({ benefit })), arms);
    expect([s.lower, s.higher]).toEqual(expected);
  });

  it('pads the log domain symmetrically around 1 so no interval is cut off', () => {
    for (const [lo, hi] of [[0.37, 8.93], [0.65, 0.85], [1.07, 1.2], [0.01, 3], [0.9, 1500]] as const) {
      const { domain, ticks } = logDomain([lo], [hi]);
      expect(domain[0]).toBeLessThan(lo);
      expect(domain[1]).toBeGreaterThan(hi);
      expect(domain[0] * domain[1]).toBeCloseTo(1, 10);
      expect(ticks).toContain(1);
      for (const t of ticks) expect(t >= domain[0] - 1e-9 && t <= domain[1] + 1e-9).toBe(true);
    }
    expect(logDomain([0.37], [8.93]).ticks).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
    expect(logDomain([0.65], [0.85]).ticks).toEqual([0.5, 0.75, 1, 1.5, 2]);
    expect(logDomain([0.9], [1500]).ticks).toEqual([0.0001, 0.001, 0.01, 0.1, 1, 10, 100, 1000, 10000]);
    expect(logDomain([0.06], [3]).ticks).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20]);
    expect(logDomain([0.05], [3]).ticks).toEqual([0.01, 0.1, 1, 10, 100]);
  });
});
