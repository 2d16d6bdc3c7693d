import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/import/quantity.js';
import { quantitySchema } from '../../src/trial/schema.js';

describe('parseQuantity', () => {
  it.each([
    ['69/101 (68.3%)', { kind: 'events', events: 69, total: 101, percent: 68.3 }],
    ['0/101 (0.0%)', { kind: 'events', events: 0, total: 101, percent: 0 }],
    ['3 of 10', { kind: 'events', events: 3, total: 10 }],
    ['1,110/4,321 (25.7%)', { kind: 'events', events: 1110, total: 4321, percent: 25.7 }],
    ['1047 (86.4%)', { kind: 'count', count: 1047, percent: 86.4 }],
    ['1,047 (86.4 %)', { kind: 'count', count: 1047, percent: 86.4 }],
    ['0', { kind: 'count', count: 0 }],
    ['12.5%', { kind: 'percent', percent: 12.5 }],
    ['Median 5 (IQR 4–7)', { kind: 'median', median: 5, iqr: [4, 7] }],
    ['Median 6 (IQR 4-11)', { kind: 'median', median: 6, iqr: [4, 11] }],
    ['median 5 days (IQR 4 to 7)', { kind: 'median', median: 5, iqr: [4, 7], unit: 'days' }],
    ['5 (IQR 4–7)', { kind: 'median', median: 5, iqr: [4, 7] }],
    ['Median 12 days', { kind: 'median', median: 12, unit: 'days' }],
    ['−14.9%', { kind: 'mean', mean: -14.9, unit: '%' }],
    ['–14.9%', { kind: 'mean', mean: -14.9, unit: '%' }],
    ['+2.1%', { kind: 'mean', mean: 2.1, unit: '%' }],
    ['150%', { kind: 'mean', mean: 150, unit: '%' }],
    ['−15.3 kg', { kind: 'mean', mean: -15.3, unit: 'kg' }],
    ['Mean 4.2 (SD 1.1)', { kind: 'mean', mean: 4.2, sd: 1.1 }],
    ['115 ± 18 mg/dL', { kind: 'mean', mean: 115, sd: 18, unit: 'mg/dL' }],
    ['−5.1 mm Hg', { kind: 'mean', mean: -5.1, unit: 'mm Hg' }],
    ['0·92', { kind: 'mean', mean: 0.92 }],
  ])('reads %s', (cell, expected) => {
    const { quantity, unreadable } = parseQuantity(cell);
    expect(unreadable).toBeUndefined();
    expect(quantity).toEqual({ ...expected, text: cell });
    expect(() => quantitySchema.parse(quantity)).not.toThrow();
  });

  it('keeps the printed text exactly, including Unicode minus', () => {
    const { quantity } = parseQuantity('−14.9%');
    expect(quantity.text).toBe('\u221214.9%');
  });

  it.each(['Not reported', 'NR', '—', 'Similar in both groups', 'Higher with dexamethasone'])(
    'keeps a description "%s" as text without complaint',
    (cell) => {
      expect(parseQuantity(cell)).toEqual({ quantity: { kind: 'text', text: cell } });
    },
  );

  it.each([
    ['12 (see text)', undefined],
    ['5 (4–7)', undefined],
    ['0,5', undefined],
    ['120/101 (118.8%)', '120 events exceed the total of 101'],
    ['3/0', 'the denominator is 0'],
    ['Median 5 (IQR 7–4)', 'the IQR runs backwards'],
    ['12 (112.0%)', 'the percentage is not between 0 and 100'],
    ['', 'the cell is empty'],
  ])('flags "%s" as unreadable and keeps it as text', (cell, reason) => {
    const { quantity, unreadable } = parseQuantity(cell);
    expect(quantity).toEqual({ kind: 'text', text: cell });
    expect(unreadable).toEqual(reason === undefined ? {} : { reason });
  });
});
