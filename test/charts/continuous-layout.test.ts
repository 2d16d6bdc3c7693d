// The continuous-outcomes chart lays its columns out from measured text: a
// registry record with 177-character outcome names and 90% CIs (dupilumab,
// NCT02210780) once ran its "Difference (90% CI)" column 53 px off the canvas.
// Now the columns stack, the names wrap into the room left, and rows that
// cannot fit the 1160×540 slide box are left out with a note saying so.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unitOf } from '../../src/charts/continuous.js';
import { buildContinuousChart, chartTrial, DEFAULT_BOXES, DEFAULT_CHART_THEME, MIN_SLIDE_TEXT_PX, type Chart } from '../../src/charts/index.js';
import { importFile, FIXTURES } from '../import/ctgov-helpers.js';
import { svgTexts } from './svg-text.js';

const dupilumab = (): ReturnType<typeof importFile>['parsed'] => importFile(join(FIXTURES, 'ctgov/NCT02210780.json')).parsed;

async function continuous(): Promise<Chart> {
  const c = (await chartTrial(dupilumab())).charts.find((x) => x.id === 'continuous');
  expect(c).toBeDefined();
  return c!;
}

describe('continuous chart with long registry outcome names (NCT02210780)', () => {
  it('renders inside the chart slide box, every text at least 18 px', async () => {
    const c = await continuous();
    expect(c.width).toBeLessThanOrEqual(DEFAULT_BOXES.slide.width);
    expect(c.height).toBeLessThanOrEqual(DEFAULT_BOXES.slide.height);
    for (const t of svgTexts(c.svg)) expect(Number.parseFloat(t.attrs['font-size'] ?? '0'), t.text).toBeGreaterThanOrEqual(MIN_SLIDE_TEXT_PX);
  });

  it('keeps the 90% CI differences whole and never calls them 95%', async () => {
    const texts = svgTexts((await continuous()).svg).map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['Mean \u221217.8 (\u221222.5 to \u221213.1)', 'Mean \u22122.13 (\u22122.72 to \u22121.55)', 'Difference (90% CI)']));
    expect(texts.some((t) => /95%/.test(t))).toBe(false);
  });

  it('stacks the difference column under its estimate when the names need the room', async () => {
    // BSA (with its 90% CI difference) beside a 177-character GISS component name, three lines or more.
    const t = dupilumab();
    const two = { ...t, results: t.results.filter((o) => o.name.startsWith('Change From Baseline in Body Surface') || o.name.endsWith('Lichenification')) };
    expect(two.results).toHaveLength(2);
    const c = (await chartTrial(two)).charts.find((x) => x.id === 'continuous')!;
    expect(c.height).toBeLessThanOrEqual(DEFAULT_BOXES.slide.height);
    const texts = svgTexts(c.svg);
    expect(texts.find((x) => x.text === 'Mean \u221217.8 (\u221222.5 to \u221213.1)')?.lines).toEqual(['Mean \u221217.8', '(\u221222.5 to \u221213.1)']);
    expect(texts.find((x) => x.text === 'Difference (90% CI)')?.lines).toEqual(['Difference', '(90% CI)']);
    const name = texts.find((x) => x.text.endsWith('Lichenification'));
    expect(name?.lines.length).toBeGreaterThan(2);
    expect(name?.text).toBe(two.results[1]!.name.replace(/\s+/g, ' '));
    expect(texts.map((x) => x.text).join(' ')).not.toContain('more continuous outcome');
  });

  it('says how many outcomes it leaves out, keeps those with a reported difference, and does not read "Week 16" as a unit', async () => {
    const c = await continuous();
    const input = buildContinuousChart(dupilumab(), DEFAULT_CHART_THEME)!;
    const shown = input.datasets.labels!.map((l) => String(l.label).replace(/\n/g, ' '));
    const all = dupilumab().results.filter((o) => Object.values(o.arms).every((q) => q.kind === 'mean'));
    const left = all.length - shown.length;
    expect(left).toBeGreaterThan(0);
    // Every outcome with a reported difference is drawn; the note counts the rest.
    for (const o of all.filter((x) => x.effect?.estimate !== undefined)) expect(shown).toContain(o.name);
    const texts = svgTexts(c.svg).map((t) => t.text);
    expect(texts.join(' ')).toContain(`${left} more continuous outcomes are not drawn here: too many for one slide`);
    expect(c.alt).toContain(`${left} more continuous outcomes are not drawn here`);
    expect(texts).not.toContain('Weeks');
    expect(texts).toContain('Mean');
  });

  it('reads a unit from a name only when the time word is not a time point', () => {
    const name = (n: string): string => unitOf({ name: n, effect: undefined, unit: undefined }, []);
    expect(name('Change From Baseline in Body Surface Area (BSA) Affected by AD at Week 16')).toBe('');
    expect(name('Glucose Tolerance: 2 hour glucose')).toBe('');
    expect(name('Organ failure–free days by day 30')).toBe('days');
    expect(name('Duration of VA-ECMO support (days) up to day 30')).toBe('days');
  });
});
