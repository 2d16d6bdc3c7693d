// Charts drawn in the worker thread while the slides are composed around
// placeholders (src/charts/chart-worker-pool.ts, src/deck/chart-placeholders.ts):
// the deck must be byte-for-byte the deck drawn in this thread, and a chart
// that fails in the worker must fail the deck with the same error.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDeck } from '../../src/build.js';
import { closeChartWorker, ChartWorker } from '../../src/charts/chart-worker-pool.js';
import { isTrialdeckError } from '../../src/errors.js';
import { loadTrial, parseTrialText } from '../../src/trial/load.js';

const data = (name: string): string => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));

async function withWorker<T>(on: boolean, run: () => Promise<T>): Promise<T> {
  const before = process.env.TRIALDECK_CHART_WORKER;
  process.env.TRIALDECK_CHART_WORKER = on ? '1' : '0';
  try {
    return await run();
  } finally {
    if (before === undefined) delete process.env.TRIALDECK_CHART_WORKER;
    else process.env.TRIALDECK_CHART_WORKER = before;
  }
}

afterAll(() => closeChartWorker());

describe('chart worker', () => {
  it('is available after npm run build (otherwise every build silently draws in-process)', () => {
    expect(ChartWorker.available()).toBe(true);
  });

  it('gives byte-identical decks to drawing in this thread, with every placeholder filled (PEGASUS: beside drawing; LEVOECMO)', async () => {
    for (const file of ['pegasus-timi-54.yaml', 'levoecmo.yaml']) {
      const { trial, warnings } = await loadTrial(data(file));
      const inWorker = await withWorker(true, () => makeDeck(trial, warnings, { cacheDir: false }));
      const inThread = await withWorker(false, () => makeDeck(trial, warnings, { cacheDir: false }));
      expect(inWorker.rendered.html).toBe(inThread.rendered.html);
      expect(inWorker.markdown).toBe(inThread.markdown);
      for (const text of [inWorker.rendered.html, inWorker.markdown, ...inWorker.rendered.slides]) expect(text).not.toContain('base64,trialdeckChart');
      // Every chart's real drawing is in the deck, and the view model (handout, PPTX) holds the real URIs.
      for (const chart of inWorker.charts) expect(inWorker.rendered.html).toContain(chart.uri);
      expect(inWorker.viewModel.charts.map((c) => c.uri)).toEqual(inWorker.charts.map((c) => c.uri));
      expect(inWorker.charts.some((c) => c.besideUri)).toBe(true);
    }
  });

  it('a chart that cannot be laid out fails the deck with the field to shorten, as in this thread', async () => {
    const text = readFileSync(fileURLToPath(new URL('../fixtures/hostile/chart-long-outcome-name.yaml', import.meta.url)), 'utf8');
    const errorOf = async (worker: boolean): Promise<unknown> => {
      const { trial, warnings } = parseTrialText(text, 'long.yaml', 'data');
      return withWorker(worker, () => makeDeck(trial, warnings, { cacheDir: false }).then(() => undefined, (e: unknown) => e));
    };
    const [a, b] = [await errorOf(true), await errorOf(false)];
    expect(isTrialdeckError(a) && a.code).toBe('CHART');
    expect(isTrialdeckError(a) && a.problems[0]?.path).toBe('results[0].name');
    expect((a as Error).message).toBe((b as Error).message);
  });
});
