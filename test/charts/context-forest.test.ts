import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_CANVAS_HEIGHT } from '../../src/charts/chart-data.js';
import { DEFAULT_CHART_THEME } from '../../src/charts/chart-theme.js';
import { buildContextForestChart, chartTrial, DEFAULT_BOXES, type Chart } from '../../src/charts/index.js';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { loadTrial } from '../../src/trial/load.js';
import { trialSchema, type Trial, type TrialInput } from '../../src/trial/schema.js';
import { DAT_BCG } from '../evidence/fixtures/dat-bcg.js';
import { findText, svgTexts } from './svg-text.js';

async function contextChart(trial: Trial): Promise<Chart> {
  const chart = (await chartTrial(trial, { evidence: deriveEvidence(trial) })).charts.find((c) => c.id === 'context-forest');
  if (!chart) throw new Error('no context chart');
  return chart;
}

function expectLegible(c: Chart, fitsSlide = true): void {
  // Within the theme's chart box, so it is shown at 100% and 18 px stays 18 px.
  if (fitsSlide) expect(c.height).toBeLessThanOrEqual(MAX_CANVAS_HEIGHT);
  const sizes = [...c.svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
  expect(sizes.length).toBeGreaterThan(10);
  // Full-width on a 1280×720 slide: 18 px everywhere, tick labels and source line included.
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
  expect(c.svg).not.toContain('\u2026');
  // Drawn at the chart slide's box width (src/charts/placement.ts): placed at scale 1, so 18 px in the SVG is 18 px on the slide.
  expect(c.width).toBe(DEFAULT_BOXES.slide.width);
  for (const t of svgTexts(c.svg)) expect(t.x >= 0 && t.x <= c.width && t.y >= 0 && t.y <= c.height, t.text).toBe(true);
  const families = new Set([...c.svg.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]));
  expect([...families]).toEqual([DEFAULT_CHART_THEME.font]);
}

describe('context forest: DAPA-HF beside EMPEROR-Reduced', () => {
  let chart: Chart;
  beforeAll(async () => {
    chart = await contextChart((await loadTrial('data/dapa-hf.yaml')).trial);
  });

  it('lists the trials by year, this trial marked in bold and the accent colour', () => {
    const texts = svgTexts(chart.svg).map((t) => t.text);
    const i = texts.indexOf('DAPA-HF, 2019 (this trial)');
    const j = texts.indexOf('EMPEROR-Reduced, 2020');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(j).toBeGreaterThanOrEqual(0);
    expect(findText(chart.svg, 'DAPA-HF, 2019 (this trial)')!.y).toBeLessThan(findText(chart.svg, 'EMPEROR-Reduced, 2020')!.y);
    expect(findText(chart.svg, 'DAPA-HF, 2019 (this trial)')!.attrs['font-weight']).toBe('bold');
    expect(chart.svg).toMatch(new RegExp(`fill="${DEFAULT_CHART_THEME.accent}"`, 'i'));
    expect(texts).toContain('0.75 (0.65\u20130.85)');
    expect(texts).toContain('0.75 (0.65\u20130.86)');
  });

  it('draws the pooled diamond with its numbers and says the prediction interval needs 3 trials', () => {
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts).toContain('Pooled with DAPA-HF (2 studies)');
    expect(texts).toContain('0.75 (0.68\u20130.83)');
    expect(texts).toContain('needs \u2265 3 studies');
    // The diamond: a filled area path with four corners (left, top, right, bottom).
    expect(chart.svg).toMatch(/class="mark-area[^"]*"/);
    // No "without" row: one other trial is not a pool.
    expect(texts.some((t) => t.startsWith('Pooled without'))).toBe(false);
  });

  it('carries the favours labels and the measure, like the main forest plot', () => {
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts).toContain('\u2190 Favours Dapagliflozin');
    expect(texts).toContain('Favours Placebo \u2192');
    expect(texts).toContain('HR, Dapagliflozin vs Placebo (log scale)');
    expect(texts).toContain('HR (95% CI)');
  });

  it('prints who was left out and the caveat under the plot, then the method', () => {
    const texts = svgTexts(chart.svg).flatMap((t) => t.lines);
    const left = texts.indexOf("Left out: EMPEROR-Preserved 2021 (presenter's choice); SOLOIST-WHF 2021 (presenter's choice)");
    const caveat = texts.findIndex((t) => t.startsWith('Caveat: different populations and outcome definitions'));
    const source = texts.indexOf('Random effects (REML) on published estimates; sources in the bibliography');
    expect(left).toBeGreaterThanOrEqual(0);
    expect(caveat).toBeGreaterThan(left);
    expect(source).toBeGreaterThan(caveat);
    expect(texts.join(' ')).toContain('is not a systematic review.');
  });

  it('is legible at slide scale and untruncated', () => {
    expectLegible(chart);
    expect(chart.alt).toContain('Pooled with DAPA-HF (2 studies): 0.75 (0.68\u20130.83)');
  });
});

// A 13-trial context (metafor's dat.bcg) to show the crowded case: the last
// trial (Comstock 1976) plays "this trial", the other 12 are context entries with counts.
const BCG = DAT_BCG.slice(0, 12);

function bcgTrial(): Trial {
  const input: TrialInput = {
    publication: { title: 'BCG vaccine in Georgia', acronym: 'Comstock 1976', year: 1976, journal: 'Am Rev Respir Dis', citation: 'Comstock GW, et al. 1976.' },
    design: { intervention: { name: 'BCG' }, comparator: { name: 'No vaccine' } },
    arms: [{ id: 'bcg', label: 'BCG', randomised: 16913 }, { id: 'control', label: 'Control', randomised: 17854 }],
    results: [{
      name: 'Tuberculosis', role: 'primary', benefit: 'lower',
      arms: { bcg: { kind: 'events', events: 27, total: 16913 }, control: { kind: 'events', events: 29, total: 17854 } },
    }],
    context: {
      trials: BCG.map(({ author, year, tpos, tneg, cpos, cneg }) => ({
        name: author, year, outcome: 'Tuberculosis', measure: 'RR',
        counts: { experimental: { events: tpos, total: tpos + tneg }, control: { events: cpos, total: cpos + cneg } },
      })),
    },
  };
  return trialSchema.parse(input);
}

describe('context forest: 13 trials', () => {
  it('pools all 13 as metafor does, and shows both pools and the prediction interval', async () => {
    const trial = bcgTrial();
    const a = deriveEvidence(trial).context!.analyses[0]!;
    expect(a.with.k).toBe(13);
    expect(a.with.estimate).toBeCloseTo(-0.7145, 4);
    expect(a.without?.k).toBe(12);
    const chart = await contextChart(trial);
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts).toContain('Pooled without Comstock 1976 (12 studies)');
    expect(texts).toContain('Pooled with Comstock 1976 (13 studies)');
    expect(texts).toContain(`${a.with.ratioPrediction!.lower.toFixed(2)}\u2013${a.with.ratioPrediction!.upper.toFixed(2)}`);
    expect(texts).toContain('Comstock 1976, 1976 (this trial)');
    // 13 studies do not fit the 540 px box at 18 px (about nine do): the chart is taller and will be shown smaller.
    expect(chart.height).toBeGreaterThan(MAX_CANVAS_HEIGHT);
    expectLegible(chart, false);
    // Ordered by year: Aronson 1948 first, TPT Madras 1980 last.
    expect(findText(chart.svg, 'Aronson, 1948')!.y).toBeLessThan(findText(chart.svg, 'TPT Madras, 1980')!.y);
  });

  it('marks a non-randomised study in its label (LEVOECMO beside a propensity-matched cohort)', async () => {
    const chart = await contextChart((await loadTrial('data/levoecmo.yaml')).trial);
    const texts = svgTexts(chart.svg).map((t) => t.text);
    expect(texts).toContain('Paulo et al., 2025 (non-randomised)');
    expect(texts).toContain('LEVOECMO, 2026 (this trial)');
    // The favours labels stay on one line each, arrow included.
    const lines = svgTexts(chart.svg).flatMap((t) => t.lines);
    expect(lines).toContain('\u2190 Favours Placebo');
    expect(lines).toContain('Favours Levosimendan \u2192');
    expectLegible(chart);
  });

  it('nine studies still fit the slide box at 18 px', async () => {
    const base = bcgTrial();
    const nine = trialSchema.parse({ ...base, context: { trials: base.context.trials.slice(0, 8) } });
    const chart = await contextChart(nine);
    expectLegible(chart);
  });

  it('is absent without context trials or without a pool', () => {
    const plain = trialSchema.parse({ ...bcgTrial(), context: { trials: [] } });
    expect(buildContextForestChart(plain, DEFAULT_CHART_THEME, deriveEvidence(plain))).toBeNull();
  });
});

describe('context forest: hostile names', () => {
  it('a very long study name is wrapped, never cut; an unplaceable one is an error naming the field', async () => {
    const base = bcgTrial();
    const long = 'A randomised trial of something with a very long descriptive name that nobody would put on a slide but somebody will';
    const trial = trialSchema.parse({ ...base, context: { trials: [{ ...base.context.trials[0]!, name: long }] } });
    const chart = await contextChart(trial);
    expect(chart.svg).not.toContain('\u2026');
    const words = svgTexts(chart.svg).map((t) => t.text).join(' ');
    expect(words).toContain(long);

    const word = 'X'.repeat(120);
    const bad = trialSchema.parse({ ...base, context: { trials: [{ ...base.context.trials[0]!, name: word }] } });
    await expect(contextChart(bad)).rejects.toMatchObject({ code: 'CHART', problems: [expect.objectContaining({ path: 'context.trials[0].name' })] });
  });
});
