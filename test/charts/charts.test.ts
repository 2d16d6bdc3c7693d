import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHART_THEME, type ChartTheme } from '../../src/charts/chart-theme.js';
import { buildCompetingChart } from '../../src/charts/competing.js';
import { buildContinuousChart, niceTicks, unitOf } from '../../src/charts/continuous.js';
import { buildFlowChart } from '../../src/charts/flow.js';
import { chartTrial, DEFAULT_SPEC_DIR, type Chart, type ChartSet } from '../../src/charts/index.js';
import { TrialdeckError } from '../../src/errors.js';
import { trialSchema, type TrialInput } from '../../src/trial/schema.js';
import { findText, svgTexts } from './svg-text.js';
import { DAPA_HF_INPUT, dapaHf, LEVOECMO_INPUT, levoecmo, RELY_INPUT, rely } from './trials.js';

const byId = (set: ChartSet, id: Chart['id']): Chart => {
  const c = set.charts.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id} chart`);
  return c;
};
const texts = (c: Chart): string[] => svgTexts(c.svg).map((t) => t.text);
const withResults = (input: TrialInput, results: TrialInput['results']) => trialSchema.parse({ ...input, results });

let levo: ChartSet;
let dapa: ChartSet;
beforeAll(async () => {
  [levo, dapa] = [await chartTrial(levoecmo()), await chartTrial(dapaHf())];
});

describe('the chart set', () => {
  it('has every chart the data supports, in deck order', () => {
    expect(levo.charts.map((c) => c.id)).toEqual(['forest', 'event-rates', 'continuous', 'competing', 'flow']);
    // DAPA-HF (as tested) has no continuous outcomes and no competing events.
    expect(dapa.charts.map((c) => c.id)).toEqual(['forest', 'event-rates', 'flow']);
  });

  it('every chart: accessible, sourced, slide-sized, legible, Liberation Sans, nothing truncated', () => {
    for (const [set, source] of [[levo, 'Source: LEVOECMO, JAMA 2026'], [dapa, 'Source: DAPA-HF, N Engl J Med 2019']] as const) {
      for (const c of set.charts) {
        expect(c.svg, c.id).toMatch(/^<svg [^>]*><title id="[\w-]+">[^<]+<\/title><desc id="[\w-]+">[^<]+<\/desc>/);
        expect(c.alt.length, c.id).toBeGreaterThan(60);
        expect(texts(c), c.id).toContain(source);
        // Drawn at the size of a chart slide's body (placement.ts), so no browser scaling.
        expect(c.width, c.id).toBe(1160);
        expect(c.height, c.id).toBeLessThanOrEqual(540);
        expect(c.svg, c.id).toMatch(new RegExp(`width="${c.width}" height="${c.height}"`));
        const sizes = [...c.svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
        expect(sizes.length, c.id).toBeGreaterThan(0);
        expect(Math.min(...sizes), c.id).toBeGreaterThanOrEqual(18);
        const families = new Set([...c.svg.matchAll(/font-family="([^"]+)"/g)].map((m) => m[1]));
        expect([...families], c.id).toEqual([DEFAULT_CHART_THEME.font]);
        expect(c.svg, c.id).not.toContain('\u2026');
        for (const t of svgTexts(c.svg)) {
          expect(t.x >= 0 && t.x <= c.width && t.y >= 0 && t.y <= c.height, `${c.id}: ${t.text}`).toBe(true);
        }
      }
    }
  });

  it('renders deterministically', async () => {
    const again = await chartTrial(levoecmo());
    expect(again.charts.map((c) => c.svg)).toEqual(levo.charts.map((c) => c.svg));
  });
});

describe('arm colours', () => {
  const theme: ChartTheme = { ...DEFAULT_CHART_THEME, armColors: ['#123456', '#a1b2c3'] };
  it('are the same per arm on every chart of a deck', async () => {
    const set = await chartTrial(levoecmo(), { theme });
    const count = (svg: string, attr: string, color: string): number => svg.split(`${attr}="${color}"`).length - 1;
    const events = byId(set, 'event-rates').svg;
    // 10 binary outcomes: one dot per arm each, plus the arm's symbol over its value column.
    expect(count(events, 'fill', '#123456')).toBe(11);
    expect(count(events, 'fill', '#a1b2c3')).toBe(11);
    const cont = byId(set, 'continuous').svg;
    expect(count(cont, 'fill', '#123456')).toBe(6); // 5 medians + legend
    expect(count(cont, 'stroke', '#123456')).toBe(6); // 5 IQR rules + legend
    expect(count(cont, 'fill', '#a1b2c3')).toBe(6);
    expect(count(byId(set, 'flow').svg, 'stroke', '#123456')).toBe(1);
    expect(count(byId(set, 'flow').svg, 'stroke', '#a1b2c3')).toBe(1);
    expect(count(byId(set, 'competing').svg, 'fill', '#123456')).toBe(1);
    expect(count(byId(set, 'competing').svg, 'fill', '#a1b2c3')).toBe(1);
    // …and the default colours are gone.
    for (const c of set.charts) expect(c.svg.toLowerCase(), c.id).not.toContain(DEFAULT_CHART_THEME.armColors[0]!.toLowerCase());
  });
});

describe('event rates', () => {
  it('prints every arm\'s value in its own column, headed by the arm', () => {
    const t = texts(byId(levo, 'event-rates'));
    for (const v of ['68.3% (69/101)', '68.3% (71/104)', '14.9% (15/101)', '20.2% (21/104)', '0.0% (0/101)', '3.8% (4/104)']) expect(t).toContain(v);
    expect(t).toContain('Levosimendan');
    expect(t).toContain('Placebo');
    expect(t).toContain('Cardiac transplant by day 30');
    expect(t).toContain('Patients with the outcome (%)');
    expect(byId(dapa, 'event-rates').alt).toContain('Dapagliflozin 16.3% (386/2373), Placebo 21.2% (502/2371)');
  });
});

describe('continuous outcomes', () => {
  it('shows medians with IQR per arm for LEVOECMO, on a days axis', () => {
    const c = byId(levo, 'continuous');
    const t = texts(c);
    for (const o of LEVOECMO_INPUT.results.filter((r) => Object.values(r.arms)[0]?.kind === 'median')) expect(t).toContain(o.name);
    for (const v of ['5 (4\u20137)', '6 (4\u201311)', '23 (12\u201339)', '35 (22\u201356)', '12 (0\u201318)']) expect(t).toContain(v);
    expect(t).toContain('Days');
    expect(t).toContain('Median (IQR)');
    expect(t).toContain('Mean \u22127 (\u221212 to \u22122)');
    expect(c.alt).toContain('Duration of VA-ECMO support (days) up to day 30: Levosimendan median 5 (IQR 4 to 7), Placebo median 6 (IQR 4 to 11)');
  });

  it('gives each unit its own panel and axis', async () => {
    const trial = withResults(LEVOECMO_INPUT, [
      ...LEVOECMO_INPUT.results,
      { name: 'Weight change at day 60', arms: { levosimendan: { kind: 'mean', mean: -4.2, sd: 2.1, unit: 'kg' }, placebo: { kind: 'mean', mean: -3.1, sd: 2.4, unit: 'kg' } } },
    ]);
    const input = buildContinuousChart(trial, DEFAULT_CHART_THEME)!;
    expect(input.datasets.axes).toHaveLength(2);
    expect(input.datasets.headers!.filter((h) => h.column === 'axis').map((h) => h.text)).toEqual(['Days', 'Kg']);
    const chart = byId(await chartTrial(trial), 'continuous');
    expect(texts(chart)).toEqual(expect.arrayContaining(['Days', 'Kg', '\u22124.2 (SD 2.1)', 'Median (IQR) or mean (SD)']));
    expect(chart.alt).toContain('grouped by unit (days, kg)');
  });

  it('infers units and picks round ticks', () => {
    const o = levoecmo().results.find((r) => r.name.startsWith('Organ failure'))!;
    expect(unitOf({ ...o, effect: undefined }, [])).toBe('days');
    expect(unitOf({ ...o, name: 'Pain score', effect: undefined }, [])).toBe('');
    expect(niceTicks(0, 56)).toEqual([0, 20, 40, 60]);
    expect(niceTicks(-5, 3)).toEqual([-6, -4, -2, 0, 2, 4]);
  });

  it('is absent when no outcome has a median or mean in every arm', () => {
    expect(buildContinuousChart(dapaHf(), DEFAULT_CHART_THEME)).toBeNull();
  });
});

describe('primary endpoint with competing events', () => {
  it('stacks weaned, died before weaning, weaning failure and the remainder to 100% per arm', () => {
    const c = byId(levo, 'competing');
    const t = texts(c);
    expect(t.filter((x) => x === '68.3%')).toHaveLength(2);
    expect(t).toEqual(expect.arrayContaining(['14.9%', '11.5%', '20.2%', '1.9%']));
    expect(t).toEqual(expect.arrayContaining([
      'Successful VA-ECMO weaning within 30 days', 'Death before VA-ECMO weaning', 'VA-ECMO weaning failure', 'Other or censored',
    ]));
    expect(c.alt).toContain('Levosimendan: Successful VA-ECMO weaning within 30 days 68.3%, Death before VA-ECMO weaning 14.9%, VA-ECMO weaning failure 14.9%, Other or censored 1.9%');
    expect(c.alt).toContain('Placebo: Successful VA-ECMO weaning within 30 days 68.3%, Death before VA-ECMO weaning 11.5%, VA-ECMO weaning failure 20.2%, Other or censored 0.0%');
  });

  it('is not drawn when the categories overlap (sum above 100%) or there are no competing events', () => {
    const results = structuredClone(LEVOECMO_INPUT.results);
    results[1]!.arms.levosimendan = { kind: 'events', events: 40, total: 101, percent: 39.6 };
    expect(buildCompetingChart(withResults(LEVOECMO_INPUT, results), DEFAULT_CHART_THEME)).toBeNull();
    expect(buildCompetingChart(dapaHf(), DEFAULT_CHART_THEME)).toBeNull();
  });
});

describe('participant flow', () => {
  it('shows enrolled, planned, randomised and analysed numbers from the data', () => {
    const t = texts(byId(levo, 'flow'));
    expect(t).toEqual(expect.arrayContaining(['Enrolled: 205 Planned sample size: 206', 'Levosimendan', 'Placebo', 'Randomised: 101', 'Randomised: 104', 'Analysed: 101', 'Analysed: 104']));
    expect(texts(byId(dapa, 'flow'))).toEqual(expect.arrayContaining(['Randomised: 2,373', 'Randomised: 2,371']));
  });

  it('reports patients not analysed, and is absent without any numbers', () => {
    const withLoss = trialSchema.parse({ ...LEVOECMO_INPUT, arms: [{ id: 'levosimendan', label: 'Levosimendan', randomised: 101, analysed: 99 }, { id: 'placebo', label: 'Placebo', randomised: 104 }] });
    const input = buildFlowChart(withLoss, DEFAULT_CHART_THEME)!;
    expect(input.datasets.bodies!.map((b) => b.text)).toEqual(expect.arrayContaining(['Analysed: 99\nNot analysed: 2', 'Analysed: not reported']));
    const none = trialSchema.parse({ ...DAPA_HF_INPUT, enrolment: {}, arms: [{ id: 'dapagliflozin', label: 'Dapagliflozin' }, { id: 'placebo', label: 'Placebo' }] });
    expect(buildFlowChart(none, DEFAULT_CHART_THEME)).toBeNull();
  });
});

describe('spec folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'trialdeck-specs-'));
    cpSync(DEFAULT_SPEC_DIR, dir, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads templates from specDir (a department can restyle a chart)', async () => {
    const file = join(dir, 'forest.vl.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"strokeWidth": 3', '"strokeWidth": 7'));
    const set = await chartTrial(dapaHf(), { specDir: dir });
    expect(byId(set, 'forest').svg).toContain('stroke-width="7"');
  });

  it('fails with TrialdeckError CHART naming the file when a template is missing or broken', async () => {
    rmSync(join(dir, 'flow.vl.json'));
    const missing = await chartTrial(dapaHf(), { specDir: dir }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(TrialdeckError);
    expect((missing as TrialdeckError).code).toBe('CHART');
    expect((missing as Error).message).toContain(join(dir, 'flow.vl.json'));
    writeFileSync(join(dir, 'flow.vl.json'), '{ not json');
    await expect(chartTrial(dapaHf(), { specDir: dir })).rejects.toThrowError(/not valid JSON/);
  });

  it('ships pure templates: named data only, no url, no inline values', () => {
    for (const id of ['forest', 'event-rates', 'continuous', 'competing', 'flow']) {
      const text = readFileSync(join(DEFAULT_SPEC_DIR, `${id}.vl.json`), 'utf8');
      expect(text, id).not.toMatch(/"(url|datasets|href)"\s*:/);
      const data = [...text.matchAll(/"data":\s*(\{[^}]*\})/g)].map((m) => m[1]);
      expect(data.length, id).toBeGreaterThan(0);
      for (const d of data) expect(d, id).toMatch(/^\{"name": "\w+"\}$/);
    }
  });
});

it('finds the primary label text in a chart by exact content', () => {
  expect(findText(byId(levo, 'event-rates').svg, 'Successful VA-ECMO weaning within 30 days (primary; competing risk)')?.attrs['font-weight']).toBe('bold');
});

describe('three arms (RE-LY)', () => {
  const theme: ChartTheme = { ...DEFAULT_CHART_THEME, armColors: ['#111111', '#222222', '#333333'] };
  let set: ChartSet;
  beforeAll(async () => {
    set = await chartTrial(rely(), { theme });
  });

  it('event rates show every arm, each in its own colour and shape, with a value column per arm', () => {
    const c = byId(set, 'event-rates');
    const t = texts(c);
    for (const v of ['Dabigatran 110 mg', 'Dabigatran 150 mg', 'Warfarin', '1.5%', '1.1%', '1.7%', '2.7%', '3.1%', '3.4%']) expect(t, v).toContain(v);
    // 2 outcomes: one dot per arm each, plus the arm's symbol over its value column.
    for (const colour of theme.armColors) expect(c.svg.split(`fill="${colour}"`).length - 1, colour).toBe(3);
    expect(c.alt).toContain('Stroke or systemic embolism: Dabigatran 110 mg 1.5%, Dabigatran 150 mg 1.1%, Warfarin 1.7%');
  });

  it('an arm has the same colour on every chart (flow boxes, event-rate dots)', () => {
    for (const [k, colour] of theme.armColors.entries()) {
      expect(byId(set, 'flow').svg.split(`stroke="${colour}"`).length - 1, `arm ${k + 1} in flow`).toBe(1);
      expect(byId(set, 'event-rates').svg, `arm ${k + 1} in event rates`).toContain(`fill="${colour}"`);
    }
  });

  it('continuous outcomes show every arm and keep a 90% CI a 90% CI', async () => {
    const mean = (m: number, sd: number) => ({ kind: 'mean' as const, mean: m, sd });
    const trial = trialSchema.parse({
      ...RELY_INPUT,
      results: [
        ...RELY_INPUT.results,
        {
          name: 'Change in haemoglobin', unit: 'g/dL', benefit: 'higher',
          arms: { 'dabigatran-110': mean(-0.4, 1.1), 'dabigatran-150': mean(-0.5, 1.2), warfarin: mean(-0.3, 1.0) },
          effect: { measure: 'MD', estimate: -0.1, ci: { lower: -0.18, upper: -0.02, level: 0.9 }, comparison: { arm: 'dabigatran-110', vs: 'warfarin' } },
        },
      ],
    });
    const c = byId(await chartTrial(trial, { theme }), 'continuous');
    const t = texts(c);
    expect(t).toEqual(expect.arrayContaining(['Dabigatran 110 mg', 'Dabigatran 150 mg', 'Warfarin', '\u22120.4 (SD 1.1)', '\u22120.5 (SD 1.2)', '\u22120.3 (SD 1)', 'g/dL']));
    expect(t).toContain('Difference (90% CI)');
    expect(t.some((x) => /95%/.test(x))).toBe(false);
    expect(c.alt).toContain('difference mean \u22120.1 (90% CI \u22120.18 to \u22120.02)');
  });
});
