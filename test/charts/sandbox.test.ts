import { describe, expect, it } from 'vitest';
import { renderChart, renderVegaLite } from '../../src/charts/render.js';
import { prepareSpec } from '../../src/charts/prepare-spec.js';
import { createFailingLogger, denyAllLoader, findExternalReference } from '../../src/charts/sandbox.js';
import { importVegaEngine } from '../../src/charts/sandbox.js';
import { TrialdeckError } from '../../src/errors.js';

const isChartError = (e: unknown): boolean => e instanceof TrialdeckError && e.code === 'CHART';

describe('deny-all loader', () => {
  it('rejects every load, sanitize, http and file call with TrialdeckError CHART', async () => {
    for (const call of [
      () => denyAllLoader.load('/etc/passwd'),
      () => denyAllLoader.sanitize('https://example.org/x.png'),
      () => denyAllLoader.http('https://example.org/data.json'),
      () => denyAllLoader.file('/etc/hosts'),
    ]) {
      const err = await call().then(() => undefined, (e: unknown) => e);
      expect(isChartError(err)).toBe(true);
    }
  });
});

describe('failing logger', () => {
  it('throws a TrialdeckError CHART on warnings and errors and remembers the first', async () => {
    const log = createFailingLogger('vega');
    expect(() => log.warn('Loading failed', 'x.csv')).toThrowError(/vega warning: Loading failed x\.csv/);
    expect(() => log.error(new Error('boom'))).toThrowError(TrialdeckError);
    expect(log.problem()?.message).toMatch(/Loading failed/);
    await expect(log.failed).rejects.toSatisfy(isChartError);
    // info and debug are not problems
    expect(createFailingLogger().info('x').debug('y').level()).toBe(2);
  });
});

const bar = (data: object) => ({
  data,
  mark: 'bar',
  encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'nominal' } },
});

describe('isolation: vega never reads files or fetches URLs', () => {
  it('finds url and href anywhere in a spec', () => {
    expect(findExternalReference({ layer: [{ data: { url: 'x.csv' } }] })).toBe('$.layer[0].data.url');
    expect(findExternalReference({ encoding: { href: { field: 'link' } } })).toBe('$.encoding.href');
    expect(findExternalReference({ data: { name: 'rows' } })).toBeUndefined();
  });

  it('refuses a template with url data before vega sees it', async () => {
    const err = await renderChart(bar({ url: '/etc/passwd', format: { type: 'csv' } }), {}).catch((e: unknown) => e);
    expect(isChartError(err)).toBe(true);
    expect((err as Error).message).toMatch(/\$\.data\.url/);
  });

  it('fails loudly (not an empty chart, not a hang) if url data reaches vega', async () => {
    // Bypass the template check to prove the loader + logger catch it too.
    const spec = { ...bar({ url: '/etc/passwd', format: { type: 'csv' } }), width: 200, height: 100 };
    const engine = await importVegaEngine();
    const err = await renderVegaLite(spec, engine).catch((e: unknown) => e);
    expect(isChartError(err)).toBe(true);
    expect((err as Error).message).toMatch(/may not load external resources/);
  });
});

describe('warnings are errors', () => {
  it('a Vega-Lite warning fails the render', async () => {
    const spec = {
      data: { name: 'rows' }, mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative', scale: { type: 'log', zero: true } } },
    };
    const err = await renderChart(spec, { rows: [{ a: 1 }] }).catch((e: unknown) => e);
    expect(isChartError(err)).toBe(true);
    expect((err as Error).message).toMatch(/Vega-Lite warning: .*zero/);
  });

  it('a vega runtime warning fails the render', async () => {
    const spec = {
      data: { name: 'rows' }, mark: 'point',
      transform: [{ calculate: "warn('suspicious datum', datum.a)", as: 'w' }],
      encoding: { x: { field: 'a', type: 'quantitative' } },
    };
    const err = await renderChart(spec, { rows: [{ a: 1 }] }).catch((e: unknown) => e);
    expect(isChartError(err)).toBe(true);
    expect((err as Error).message).toMatch(/vega warning: .*suspicious datum/);
  });

  it('content drawn off the canvas fails instead of being cut off', async () => {
    const spec = {
      data: { name: 'rows' }, autosize: { type: 'none' },
      mark: { type: 'text', x: 5000, y: 10 }, encoding: { text: { field: 't' } },
    };
    const err = await renderChart(spec, { rows: [{ t: 'far away' }] }, { width: 300, height: 100 }).catch((e: unknown) => e);
    expect(isChartError(err)).toBe(true);
    expect((err as Error).message).toMatch(/drawn outside its 310×110 canvas .* would be cut off/);
  });
});

describe('template contract (prepareSpec)', () => {
  const template = { params: [{ name: 'p', value: 1 }], data: { name: 'rows' }, mark: 'point' };

  it('fills named datasets, declared params, size and config', () => {
    const spec = prepareSpec(template, { rows: [{ a: 1 }] }, { params: { p: 2 }, width: 640, height: 360, config: { font: 'X', axis: { labelLimit: 0 } } });
    expect(spec.datasets).toEqual({ rows: [{ a: 1 }] });
    expect(spec.params).toEqual([{ name: 'p', value: 2 }]);
    expect([spec.width, spec.height, spec.autosize]).toEqual([640, 360, { type: 'fit', contains: 'padding' }]);
    expect(spec.config).toEqual({ font: 'X', axis: { labelLimit: 0 } });
    expect(template.params[0]?.value).toBe(1); // the template itself is untouched
  });

  it.each([
    ['inline values', { data: { values: [{ a: 1 }] }, mark: 'point' }, {}, /must be \{"name": …\}/],
    ['a datasets block', { datasets: { rows: [] }, data: { name: 'rows' }, mark: 'point' }, { rows: [] }, /templates hold no data/],
    ['a missing dataset', { data: { name: 'rows' }, mark: 'point' }, {}, /"rows" is used by the spec but was not supplied/],
    ['an unused dataset', { data: { name: 'rows' }, mark: 'point' }, { rows: [], extra: [] }, /"extra" was supplied/],
    ['an href', { data: { name: 'rows' }, mark: 'point', encoding: { href: { field: 'u' } } }, { rows: [] }, /\$\.encoding\.href/],
  ])('rejects %s', (_, spec, datasets, message) => {
    expect(() => prepareSpec(spec, datasets)).toThrowError(message);
  });

  it('rejects params the template does not declare', () => {
    expect(() => prepareSpec(template, { rows: [] }, { params: { q: 1 } })).toThrowError(/does not declare "q"/);
  });
});
