import { describe, expect, it } from 'vitest';
import { fragilityIndex } from '../../src/evidence/fragility.js';

const fi = (a: number, n1: number, c: number, n2: number, cap?: number) =>
  fragilityIndex({ events: a, total: n1 }, { events: c, total: n2 }, cap === undefined ? {} : { cap });

// Flip counts and P values cross-checked with scipy.stats.fisher_exact.
describe('fragilityIndex (significant results)', () => {
  it('3/50 vs 12/50 → fragility index 1', () => {
    const r = fi(3, 50, 12, 50);
    expect(r.kind).toBe('fragility');
    expect(r.label).toBe('Fragility index');
    expect(r.value).toBe(1);
    expect(r.arm).toBe('experimental');
    expect(r.direction).toBe('add-events');
    expect(r.pInitial).toBeCloseTo(0.0226044, 6);
    expect(r.pFinal).toBeCloseTo(0.0537647526, 9);
    expect(r.finalCounts?.experimental).toEqual({ events: 4, total: 50 });
    expect(r.text).toBe("Fragility index 1: changing 1 patient in the experimental arm from no event to an event makes Fisher's P ≥ 0.05 (P = 0.054).");
  });

  it('LEVOECMO treatment cessation 12/101 vs 4/104: 1 flip in the comparator arm', () => {
    const r = fi(12, 101, 4, 104);
    expect(r.value).toBe(1);
    expect(r.arm).toBe('comparator');
    expect(r.pFinal).toBeCloseTo(0.0790608338, 9);
  });

  it('larger indices: 1/20 vs 12/20 → 4, 300/2000 vs 360/2000 → 13', () => {
    expect(fi(1, 20, 12, 20).value).toBe(4);
    const big = fi(300, 2000, 360, 2000);
    expect(big.value).toBe(13);
    expect(big.pFinal).toBeCloseTo(0.051808052, 8);
  });

  it('a P exactly equal to alpha counts as no longer significant', () => {
    const alpha = 0.0537647526489; // Fisher P of 4/50 vs 12/50, to 12 digits
    const r = fragilityIndex({ events: 3, total: 50 }, { events: 12, total: 50 }, { alpha: alpha - 1e-12 });
    expect(r.value).toBe(1);
    const stricter = fragilityIndex({ events: 3, total: 50 }, { events: 12, total: 50 }, { alpha: alpha + 1e-9 });
    expect(stricter.value).toBe(2);
  });

  it('reports "not reached" when the cap stops it', () => {
    const r = fi(300, 2000, 360, 2000, 5);
    expect(r.value).toBeNull();
    expect(r.reached).toBe(false);
    expect(r.text).toContain('not reached');
  });
});

describe('reverse fragility index (non-significant results)', () => {
  it('LEVOECMO ventricular arrhythmia 18/101 vs 9/104 (P = 0.064): 1 more event with levosimendan', () => {
    const r = fi(18, 101, 9, 104);
    expect(r.kind).toBe('reverse');
    expect(r.label).toBe('Reverse fragility index');
    expect(r.value).toBe(1);
    expect(r.arm).toBe('experimental');
    expect(r.direction).toBe('add-events');
    expect(r.pFinal).toBeCloseTo(0.0420157664, 9);
  });

  it('LEVOECMO primary 69/101 vs 71/104 (P = 1) → 13 extra events with levosimendan', () => {
    const r = fi(69, 101, 71, 104);
    expect(r.value).toBe(13);
    expect(r.arm).toBe('experimental');
    expect(r.pFinal).toBeCloseTo(0.0377065063, 9);
  });

  it('takes the fastest direction, even removing events: 26/101 vs 23/104 → 9 fewer comparator events', () => {
    const r = fi(26, 101, 23, 104);
    expect(r.value).toBe(9);
    expect(r.arm).toBe('comparator');
    expect(r.direction).toBe('remove-events');
    expect(r.pFinal).toBeCloseTo(0.03405084, 8);
  });

  it('symmetric case 5/50 vs 5/50 → 9', () => {
    const r = fi(5, 50, 5, 50);
    expect(r.value).toBe(9);
    expect(r.pFinal).toBeCloseTo(0.0395179881, 9);
  });

  it('stays quick for megatrials: 20000/50000 vs 20000/50000 → 305 (removing events)', () => {
    const r = fi(20000, 50000, 20000, 50000);
    expect(r.value).toBe(305);
    expect(r.direction).toBe('remove-events');
    expect(r.pFinal).toBeCloseTo(0.049431162586, 9);
  });

  it('zero-event arm: 0/101 vs 5/104 → 1', () => {
    expect(fi(0, 101, 5, 104).value).toBe(1);
  });
});
