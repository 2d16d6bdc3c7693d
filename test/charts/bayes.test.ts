import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chartTrial } from '../../src/charts/index.js';
import { buildBayesChart } from '../../src/charts/bayes.js';
import { DEFAULT_CHART_THEME } from '../../src/charts/chart-theme.js';
import { deriveEvidence } from '../../src/evidence/index.js';
import { loadTrial } from '../../src/trial/load.js';

const levoecmo = fileURLToPath(new URL('../../data/levoecmo.yaml', import.meta.url));

describe('Bayesian posterior chart', () => {
  it('draws the primary sHR under its priors with P(benefit) in the legend and the design effect marked (not as MCID)', async () => {
    const { trial } = await loadTrial(levoecmo);
    const evidence = deriveEvidence(trial);
    const input = buildBayesChart(trial, DEFAULT_CHART_THEME, evidence);
    expect(input?.params.priors).toEqual([
      'Flat (data only): P(benefit) 54.9%',
      'Sceptical: P(benefit) 54.4%',
      'Enthusiastic: P(benefit) 79.2%',
    ]);
    // Benefit is sHR > 1 for successful weaning: only the right side is shaded.
    const curves = (input?.datasets.curves ?? []) as { ratio: number; benefitSide: boolean }[];
    expect(curves.every((c) => c.benefitSide === c.ratio >= 1)).toBe(true);
    const { charts } = await chartTrial(trial, { evidence });
    const svg = charts.find((c) => c.id === 'bayes')?.svg ?? '';
    expect(svg).toMatch(/<title[^>]*>What should we believe\?<\/title>/);
    expect(svg).toMatch(/<desc[^>]*>Posterior densities of the sHR for Successful VA-ECMO weaning within 30 days/);
    expect(svg).toContain('Design effect 1.75');
    expect(svg).not.toContain('MCID');
    expect(svg).toContain('Enthusiastic: P(benefit) 79.2%');
    expect(svg).toContain('Source: LEVOECMO, JAMA 2026');
  });

  it('is left out without evidence or without a benefit direction', async () => {
    const { trial } = await loadTrial(levoecmo);
    expect(buildBayesChart(trial, DEFAULT_CHART_THEME, undefined)).toBeNull();
    const noDirection = { ...trial, results: trial.results.map((o) => ({ ...o, benefit: undefined })) };
    expect(buildBayesChart(noDirection, DEFAULT_CHART_THEME, deriveEvidence(noDirection))).toBeNull();
  });
});
