import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHART_THEME } from '../../src/charts/chart-theme.js';
import { chartTrial, type Chart } from '../../src/charts/index.js';
import { logDomain, sideLabels } from '../../src/charts/forest.js';
import { trialSchema } from '../../src/trial/schema.js';
import { findText, svgLines, svgTexts } from './svg-text.js';
import { DAPA_HF_INPUT, dapaHf, KCCQ_RESPONDER, LEVOECMO_INPUT, levoecmo, RELY_INPUT, rely } from './trials.js';

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

  it('groups rows by direction of benefit, each group with its own "Favours" labels on the right sides', () => {
    const y = (t: string): number => findText(chart.svg, t)!.y;
    const higher = findText(chart.svg, 'Higher is better');
    const lower = findText(chart.svg, 'Lower is better');
    expect(higher && lower).toBeTruthy();
    // Higher is better (weaning): ratios above 1 favour levosimendan.
    const one = tickX(chart.svg, '1');
    const sides = svgTexts(chart.svg).filter((t) => /Favours/.test(t.text));
    expect(sides.map((t) => t.text)).toEqual(['\u2190 Favours Placebo', '\u2190 Favours Levosimendan', 'Favours Levosimendan \u2192', 'Favours Placebo \u2192']);
    const side = (text: string, nearY: number) => sides.find((t) => t.text === text && Math.abs(t.y - nearY) < 30)!;
    expect(side('\u2190 Favours Placebo', higher!.y).x).toBeLessThan(one);
    expect(side('Favours Levosimendan \u2192', higher!.y).x).toBeGreaterThan(one);
    // Lower is better (death, harms): ratios below 1 favour levosimendan.
    expect(side('\u2190 Favours Levosimendan', lower!.y).x).toBeLessThan(one);
    expect(side('Favours Placebo \u2192', lower!.y).x).toBeGreaterThan(one);
    expect(side('\u2190 Favours Levosimendan', lower!.y).attrs['text-anchor']).toBe('end');
    // Each row sits under its own group's heading.
    expect(higher!.y).toBeLessThan(y('Successful VA-ECMO weaning within 30 days (primary; competing risk)'));
    expect(y('Successful VA-ECMO weaning within 30 days (primary; competing risk)')).toBeLessThan(lower!.y);
    expect(lower!.y).toBeLessThan(y('Death before VA-ECMO weaning (competing event)'));
    expect(svgTexts(chart.svg).some((t) => /Lower with|Higher with/.test(t.text))).toBe(false);
    expect(svgTexts(chart.svg).map((t) => t.text)).toContain('sHR / RR, Levosimendan vs Placebo (log scale)');
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
    // No margin: no margin line or note.
    expect(texts.some((t) => /margin/i.test(t))).toBe(false);
  });

  it('carries alt text, a source line and a slide-sized canvas', () => {
    expect(chart.alt).toMatch(/^Forest plot of 9 ratio estimates \(Levosimendan vs Placebo\) on a log scale, in 2 groups/);
    expect(chart.alt).toContain('Higher is better (ratios below 1: favours Placebo): Successful VA-ECMO');
    expect(chart.alt).toContain('Lower is better (ratios below 1: favours Levosimendan): Death before');
    expect(chart.alt).toContain('Successful VA-ECMO weaning within 30 days (primary; competing risk): sHR 1.02 (95% CI 0.74 to 1.39)');
    expect(chart.svg).toContain(`-desc">${chart.alt.replace(/&/g, '&amp;')}</desc>`);
    expect(findText(chart.svg, 'Source: LEVOECMO, JAMA 2026')).toBeTruthy();
    expect(chart.width).toBe(1160);
    expect(chart.height).toBeLessThanOrEqual(540);
  });
});

describe('forest plot: DAPA-HF (all outcomes: lower is better)', () => {
  it('has one group, "Favours <arm>" with both arms, arm 1 on the left, and names each row\'s measure', async () => {
    const chart = await forestOf(dapaHf());
    const left = findText(chart.svg, '\u2190 Favours Dapagliflozin');
    const right = findText(chart.svg, 'Favours Placebo \u2192');
    expect(left && right).toBeTruthy();
    expect(left!.x).toBeLessThan(tickX(chart.svg, '1'));
    expect(right!.x).toBeGreaterThan(tickX(chart.svg, '1'));
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts.filter((t) => /is better/.test(t))).toEqual(['Lower is better']);
    expect(texts).toContain('Ratio (95% CI)');
    expect(texts).toContain('HR 0.74 (0.65\u20130.85)');
    for (const o of DAPA_HF_INPUT.results) expect(texts).toContain(o.name);
  });

  it('adds a "Higher is better" group with mirrored labels once such an outcome joins', async () => {
    const chart = await forestOf(trialSchema.parse({ ...DAPA_HF_INPUT, results: [...DAPA_HF_INPUT.results, KCCQ_RESPONDER] }));
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts.filter((t) => /is better/.test(t))).toEqual(['Lower is better', 'Higher is better']);
    expect(texts.filter((t) => /Favours/.test(t)).sort()).toEqual(['Favours Dapagliflozin \u2192', 'Favours Placebo \u2192', '\u2190 Favours Dapagliflozin', '\u2190 Favours Placebo']);
    expect(texts).toContain('OR 1.15 (1.08\u20131.23)');
    expect(texts).toContain('HR / OR, Dapagliflozin vs Placebo (log scale)');
  });

  it('keeps a 90% CI a 90% CI', async () => {
    const results = DAPA_HF_INPUT.results.map((o, i) => (i === 1 ? { ...o, effect: { ...o.effect!, ci: { lower: 0.67, upper: 0.84, level: 0.9 } } } : o));
    const chart = await forestOf(trialSchema.parse({ ...DAPA_HF_INPUT, results }));
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts).toContain('Ratio (CI)');
    expect(texts).toContain('HR 0.75 (0.67\u20130.84), 90% CI');
    expect(texts).toContain('HR 0.74 (0.65\u20130.85), 95% CI');
    expect(chart.alt).toContain('HR 0.75 (90% CI 0.67 to 0.84)');
  });
});

describe('forest plot: RE-LY (three arms, each dose vs warfarin, non-inferiority margin)', () => {
  let chart: Chart;
  beforeAll(async () => {
    chart = await forestOf(rely());
  });

  it('groups and labels rows by the comparison the paper made, never dose vs dose', () => {
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts.filter((t) => /is better/.test(t))).toEqual([
      'Dabigatran 110 mg vs Warfarin: lower is better',
      'Dabigatran 150 mg vs Warfarin: lower is better',
    ]);
    expect(texts.filter((t) => /Favours/.test(t)).sort()).toEqual([
      'Favours Warfarin \u2192', 'Favours Warfarin \u2192', '\u2190 Favours Dabigatran 110 mg', '\u2190 Favours Dabigatran 150 mg',
    ]);
    // Each heading's line carries that comparison's two arms, and no text sets one dose against the other.
    for (const dose of ['110', '150']) {
      const heading = findText(chart.svg, `Dabigatran ${dose} mg vs Warfarin: lower is better`)!;
      const line = svgTexts(chart.svg).filter((t) => /Favours/.test(t.text) && Math.abs(t.y - heading.y) < 20).map((t) => t.text);
      expect(line.sort()).toEqual(['Favours Warfarin \u2192', `\u2190 Favours Dabigatran ${dose} mg`]);
    }
    expect(chart.svg).not.toMatch(/mg vs Dabigatran/);
    expect(texts).toContain('RR 0.91 (0.74\u20131.11)');
    expect(texts).toContain('RR 0.66 (0.53\u20130.82)');
    expect(chart.alt).toContain('Dabigatran 110 mg vs Warfarin: lower is better');
    expect(chart.alt).toContain('Stroke or systemic embolism (primary): RR 0.91 (95% CI 0.74 to 1.11), non-inferiority margin 1.46');
  });

  it('draws the non-inferiority margin as a labelled line at 1.46 through the primary rows only', () => {
    const notes = svgTexts(chart.svg).filter((t) => t.text === 'NI margin 1.46');
    expect(notes).toHaveLength(2); // one per comparison group
    const one = tickX(chart.svg, '1');
    const two = tickX(chart.svg, '2');
    const expectedX = one + (two - one) * Math.log2(1.46);
    const marginLines = svgLines(chart.svg).filter((l) => l.attrs['stroke-dasharray'] === '8,4');
    expect(marginLines.length).toBeGreaterThanOrEqual(2);
    for (const l of marginLines) expect(Math.abs(l.x1 - expectedX)).toBeLessThan(1.5);
    for (const n of notes) expect(Math.abs(n.x - expectedX)).toBeLessThan(1.5);
    // Major bleeding has no margin: no margin line reaches its rows.
    const bleeding = svgTexts(chart.svg).filter((t) => t.text === 'Major bleeding');
    expect(bleeding).toHaveLength(2);
    for (const b of bleeding) for (const l of marginLines) expect(b.y < Math.min(l.y1, l.y2) || b.y > Math.max(l.y1, l.y2)).toBe(true);
  });
});

describe('forest helpers', () => {
  const trial = { arms: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] } as Parameters<typeof sideLabels>[0];
  it.each([
    ['lower', ['\u2190 Favours A', 'Favours B \u2192']],
    ['higher', ['\u2190 Favours B', 'Favours A \u2192']],
    [undefined, ['\u2190 Lower with A', 'Higher with A \u2192']],
  ] as const)('side labels for benefit %j', (benefit, expected) => {
    const s = sideLabels(trial, { arm: 'a', vs: 'b' }, benefit);
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

describe('forest plot: analysis populations', () => {
  it('names a row\'s population when its outcome name does not, so per-protocol and ITT rows are told apart', async () => {
    const [primary] = RELY_INPUT.results;
    const results = [
      { ...primary!, effect: { ...primary!.effect!, population: 'per-protocol' as const }, otherEffects: [] },
      { ...primary!, name: 'Stroke or systemic embolism, intention-to-treat', role: 'secondary' as const, effect: { ...primary!.effect!, estimate: 0.92, population: 'ITT' as const }, otherEffects: [] },
    ];
    const chart = await forestOf(trialSchema.parse({ ...RELY_INPUT, results }));
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts).toContain('Stroke or systemic embolism (per-protocol)');
    expect(texts).toContain('Stroke or systemic embolism, intention-to-treat');
    expect(texts).not.toContain('Stroke or systemic embolism, intention-to-treat (ITT)');
    expect(chart.alt).toContain('Stroke or systemic embolism (per-protocol) (primary): RR 0.91');
  });
});
