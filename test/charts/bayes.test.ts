import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chartTrial } from '../../src/charts/index.js';
import { buildBayesChart, logTicks } from '../../src/charts/bayes.js';
import { svgTexts } from './svg-text.js';
import { DEFAULT_CHART_THEME } from '../../src/charts/chart-theme.js';
import { deriveEvidence } from '../../src/evidence/index.js';
import { loadTrial } from '../../src/trial/load.js';

const levoecmo = fileURLToPath(new URL('../../data/levoecmo.yaml', import.meta.url));

describe('Bayesian posterior chart', () => {
  it('draws the primary sHR in one panel per prior, none hidden behind another, each named with P(benefit)', async () => {
    const { trial } = await loadTrial(levoecmo);
    const evidence = deriveEvidence(trial);
    const input = buildBayesChart(trial, DEFAULT_CHART_THEME, evidence)!;
    const panels = input.datasets.panels as { name: string; detail: string; base: number }[];
    expect(panels.map((p) => [p.name, p.detail])).toEqual([
      ['Flat (data only)', 'P(benefit) 54.9%'],
      ['Neutral', 'P(benefit) 54.5%'],
      ['Sceptical', 'P(benefit) 54.4%'],
      ['Enthusiastic', 'P(benefit) 79.2%'],
    ]);
    // Each prior's curve lives in its own band: the three near-identical posteriors cannot cover each other.
    const curves = (input.datasets.curves ?? []) as { prior: string; ratio: number; top: number; base: number; benefitSide: boolean }[];
    for (const [k, prior] of ['flat', 'neutral', 'sceptical', 'enthusiastic'].entries()) {
      const mine = curves.filter((c) => c.prior === prior);
      expect(mine.length).toBeGreaterThan(50);
      expect(mine.every((c) => c.base === k + 1 && c.top >= k && c.top <= k + 1)).toBe(true);
    }
    // Benefit is sHR > 1 for successful weaning: only the right side is shaded.
    expect(curves.every((c) => c.benefitSide === c.ratio >= 1)).toBe(true);
    const { charts } = await chartTrial(trial, { evidence });
    const svg = charts.find((c) => c.id === 'bayes')?.svg ?? '';
    expect(svg).toMatch(/<title[^>]*>What should we believe\?<\/title>/);
    expect(svg).toMatch(/<desc[^>]*>Posterior distributions of the subdistribution hazard ratio \(sHR\) for Successful VA-ECMO weaning within 30 days/);
    const texts = svgTexts(svg).map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['Flat (data only)', 'Enthusiastic', 'P(benefit) 79.2%', 'No effect', 'Source: LEVOECMO, JAMA 2026']));
    expect(texts).toContain('subdistribution hazard ratio, Levosimendan vs Placebo (log scale)');
    // The design's target effect is not called an MCID unless the user set one.
    expect(texts).toContain('Design effect 1.75');
    expect(texts.some((t) => /MCID/.test(t))).toBe(false);
    // 4 posterior lines + 3 dashed data-only references.
    expect(svg.match(/stroke-dasharray="5,4"/g)).toHaveLength(3);
    for (const t of svgTexts(svg)) expect(Number.parseFloat(t.attrs['font-size'] ?? '0'), t.text).toBeGreaterThanOrEqual(18);
  });

  it('calls the threshold an MCID when the user gave one', async () => {
    const { trial } = await loadTrial(levoecmo);
    const input = buildBayesChart(trial, DEFAULT_CHART_THEME, deriveEvidence(trial, { mcid: 1.25 }))!;
    expect((input.datasets.rules as { label: string }[]).map((r) => r.label)).toEqual(['No effect', 'MCID 1.25']);
  });

  it('picks round ticks that do not collide', () => {
    for (const [lo, hi, width] of [[0.666, 1.0356, 900], [0.55, 2.1, 900], [0.2, 5, 600], [0.95, 1.05, 900]] as const) {
      const t = logTicks(lo, hi, width);
      expect(t).toContain(1);
      expect(t.length).toBeGreaterThanOrEqual(2);
      const px = t.map((x) => (Math.log(x / lo) / Math.log(hi / lo)) * width);
      for (let i = 1; i < px.length; i++) expect(px[i]! - px[i - 1]!).toBeGreaterThanOrEqual(80);
    }
    expect(logTicks(0.666, 1.0356, 300)).toEqual([0.75, 0.85, 1]);
  });

  it('is left out without evidence or without a benefit direction', async () => {
    const { trial } = await loadTrial(levoecmo);
    expect(buildBayesChart(trial, DEFAULT_CHART_THEME, undefined)).toBeNull();
    const noDirection = { ...trial, results: trial.results.map((o) => ({ ...o, benefit: undefined })) };
    expect(buildBayesChart(noDirection, DEFAULT_CHART_THEME, deriveEvidence(noDirection))).toBeNull();
  });
});
