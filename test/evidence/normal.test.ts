import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf, normalQuantile, normalSf, twoSidedP, Z95, zForLevel } from '../../src/evidence/normal.js';

// Reference values from SciPy 1.17 (scipy.special.erf/erfc, scipy.stats.norm).
const relClose = (actual: number, expected: number, rel = 1e-13): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected) + 1e-300);
};

describe('erf / erfc (Cody)', () => {
  const table: [number, number, number][] = [
    [0.1, 0.1124629160182849, 0.8875370839817152],
    [0.3, 0.3286267594591274, 0.6713732405408726],
    [0.46875, 0.492613473217938, 0.507386526782062],
    [0.5, 0.5204998778130465, 0.4795001221869535],
    [1, 0.8427007929497148, 0.15729920705028516],
    [2, 0.9953222650189527, 0.004677734981047266],
    [3, 0.9999779095030014, 2.2090496998585445e-5],
    [3.9, 0.9999999652077514, 3.479224859723178e-8],
    [4.1, 0.9999999932999724, 6.7000276540849075e-9],
    [5, 0.9999999999984626, 1.5374597944280347e-12],
    [6, 1, 2.1519736712498913e-17],
    [10, 1, 2.0884875837625446e-45],
    [-0.2, -0.22270258921047845, 1.2227025892104784],
    [-1, -0.8427007929497148, 1.8427007929497148],
    [-3, -0.9999779095030014, 1.9999779095030015],
  ];
  it.each(table)('x = %f', (x, e, ec) => {
    relClose(erf(x), e, 2e-15);
    relClose(erfc(x), ec, 1e-14);
  });
  it('is exact at 0 and odd', () => {
    expect(erf(0)).toBe(0);
    expect(erfc(0)).toBe(1);
    expect(erf(-0.7)).toBe(-erf(0.7));
  });
});

describe('normal CDF', () => {
  it('matches reference values including the far tails', () => {
    relClose(normalCdf(-8), 6.22096057427174e-16, 1e-12);
    relClose(normalCdf(-5), 2.866515718791933e-7);
    relClose(normalCdf(-1.96), 0.024997895148220435);
    expect(normalCdf(0)).toBe(0.5);
    relClose(normalCdf(1), 0.8413447460685429);
    relClose(normalSf(6), 9.865876450376946e-10, 1e-12);
    relClose(normalSf(8.5), 9.47953482220325e-18, 1e-12);
    relClose(normalCdf(Z95), 0.975, 1e-15);
  });
  it('gives the familiar two-sided p values', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(-2.5758293035489)).toBeCloseTo(0.01, 13);
    expect(twoSidedP(0)).toBe(1);
  });
});

describe('normal quantile', () => {
  const table: [number, number][] = [
    [1e-12, -7.034483825301131],
    [1e-6, -4.753424308822899],
    [0.001, -3.090232306167813],
    [0.02, -2.053748910631823],
    [0.025, -1.9599639845400545],
    [0.3, -0.5244005127080409],
    [0.7, 0.5244005127080407],
    [0.975, 1.959963984540054],
    [0.99, 2.3263478740408408],
    [0.999999, 4.753424308817087],
  ];
  it.each(table)('p = %f', (p, q) => relClose(normalQuantile(p), q, 1e-12));
  it('handles 0, 0.5, 1 and nonsense', () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
  it('gives z for a confidence level', () => {
    relClose(zForLevel(0.95), Z95, 1e-15);
    relClose(zForLevel(0.9), 1.6448536269514722, 1e-14);
  });
});
