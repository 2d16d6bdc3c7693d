// One arm's cell of the results table → a typed quantity. The printed text is
// always kept, so a slide can quote the paper even when a number was read.
import { INT, NUM, RANGE_SEP, UNIT, hasDigit, normaliseCell, normaliseUnit, toInt, toNumber } from './numbers.js';
import type { QuantityInput } from './types.js';

export interface QuantityParse {
  quantity: QuantityInput;
  /** Set when the cell looks numeric but could not be read: the caller warns. */
  unreadable?: { reason?: string };
}

const PCT_PAREN = String.raw`\(\s*(${NUM})\s*%?\s*\)`;
const EVENTS = new RegExp(String.raw`^(${INT})\s*(?:/|of)\s*(${INT})(?:\s*${PCT_PAREN})?$`, 'i');
const COUNT = new RegExp(String.raw`^(${INT})(?:\s*${PCT_PAREN})?$`);
const PERCENT = new RegExp(String.raw`^(\d+(?:[.·]\d+)?)\s*%$`);
const MEDIAN_IQR = new RegExp(
  String.raw`^(?:median\s*:?\s*)?(${NUM})\s*(${UNIT})?\s*\(\s*(?:IQR|interquartile range)\s*:?\s*(${NUM})\s*%?${RANGE_SEP}(${NUM})\s*(${UNIT})?\s*\)$`,
  'i',
);
const MEDIAN = new RegExp(String.raw`^median\s*:?\s*(${NUM})\s*(${UNIT})?$`, 'i');
const MEAN_SD = new RegExp(
  String.raw`^(?:mean\s*:?\s*)?(${NUM})\s*(${UNIT})?\s*(?:\(\s*(?:SD|s\.d\.|±)\s*:?\s*(${NUM})\s*(${UNIT})?\s*\)|±\s*(${NUM})\s*(${UNIT})?)$`,
  'i',
);
const MEAN = new RegExp(String.raw`^(?:mean\s*:?\s*)?(${NUM})\s*(${UNIT})?$`, 'i');

/** Words that say "no number here" on purpose: no warning for these. */
const NOT_A_NUMBER = /^(?:n\/?a|nr|not (?:reported|available|applicable|assessed|estimable)|none|[-–—]|\.{3}|…)$/i;

/** Add the unit (if any) and the printed text last, in the schema's key order. */
function withUnit<T extends object>(q: T, unit: string | undefined, text: string): T & { unit?: string; text: string } {
  const u = normaliseUnit(unit);
  return u === undefined ? { ...q, text } : { ...q, unit: u, text };
}

/** Read one arm cell. Empty cells are the caller's business (there is no quantity to return). */
export function parseQuantity(cell: string): QuantityParse {
  const text = cell.trim();
  const s = normaliseCell(text);
  let m: RegExpExecArray | null;

  if ((m = EVENTS.exec(s))) {
    const events = toInt(m[1] ?? '');
    const total = toInt(m[2] ?? '');
    const percent = m[3] === undefined ? undefined : toNumber(m[3]);
    if (total < 1) return asText(text, 'the denominator is 0');
    if (events > total) return asText(text, `${events} events exceed the total of ${total}`);
    if (percent !== undefined && (percent < 0 || percent > 100)) return asText(text, 'the percentage is not between 0 and 100');
    return { quantity: { kind: 'events', events, total, ...(percent === undefined ? {} : { percent }), text } };
  }
  if ((m = COUNT.exec(s))) {
    const count = toInt(m[1] ?? '');
    const percent = m[2] === undefined ? undefined : toNumber(m[2]);
    if (percent !== undefined && (percent < 0 || percent > 100)) return asText(text, 'the percentage is not between 0 and 100');
    return { quantity: { kind: 'count', count, ...(percent === undefined ? {} : { percent }), text } };
  }
  if ((m = PERCENT.exec(s)) && toNumber(m[1] ?? '') <= 100) {
    return { quantity: { kind: 'percent', percent: toNumber(m[1] ?? ''), text } };
  }
  if ((m = MEDIAN_IQR.exec(s))) {
    const iqr: [number, number] = [toNumber(m[3] ?? ''), toNumber(m[4] ?? '')];
    if (iqr[0] > iqr[1]) return asText(text, 'the IQR runs backwards');
    return { quantity: withUnit({ kind: 'median', median: toNumber(m[1] ?? ''), iqr }, m[2] ?? m[5], text) };
  }
  if ((m = MEDIAN.exec(s))) {
    return { quantity: withUnit({ kind: 'median', median: toNumber(m[1] ?? '') }, m[2], text) };
  }
  if ((m = MEAN_SD.exec(s))) {
    const sd = toNumber(m[3] ?? m[5] ?? '');
    if (sd < 0) return asText(text, 'the SD is negative');
    return { quantity: withUnit({ kind: 'mean', mean: toNumber(m[1] ?? ''), sd }, m[2] ?? m[4] ?? m[6], text) };
  }
  if ((m = MEAN.exec(s))) {
    // A signed percentage (`−14.9%`) is a change, not a proportion: it is a mean with unit %.
    return { quantity: withUnit({ kind: 'mean', mean: toNumber(m[1] ?? '') }, m[2], text) };
  }
  if (text === '') return { quantity: { kind: 'text', text }, unreadable: { reason: 'the cell is empty' } };
  return NOT_A_NUMBER.test(s) || !hasDigit(s) ? { quantity: { kind: 'text', text } } : asText(text);
}

function asText(text: string, reason?: string): QuantityParse {
  return { quantity: { kind: 'text', text }, unreadable: reason === undefined ? {} : { reason } };
}
