// One posted measurement → one arm's cell. paramType says what the value is
// (COUNT_OF_PARTICIPANTS, NUMBER, MEAN, LEAST_SQUARES_MEAN, MEDIAN…),
// dispersionType what spread/limits mean (SD, SE, IQR, full range, a CI).
// Older records spell both in words ("Standard Deviation"), newer in CAPS.
import type { QuantityInput } from '../types.js';
import type { Measurement, Scalar } from './record.js';
import { isNA, show, toCount, toNumber } from './values.js';

export interface MeasureShape {
  paramType?: string;
  dispersionType?: string;
  unitOfMeasure?: string;
}

const key = (s: string | undefined): string => (s ?? '').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');

export const isPercentUnit = (unit: string | undefined): boolean => /^(percent(age)?|%)/i.test((unit ?? '').trim());

/** Units worth printing after a number; "Participants" and "units on a scale" say nothing. */
export function displayUnit(unit: string | undefined): string {
  const u = (unit ?? '').trim();
  if (!u || /^(units? on a scale|participants?|subjects?|patients?|scores? on a scale)$/i.test(u)) return '';
  if (isPercentUnit(u)) return '%';
  return u;
}

function withUnit(value: Scalar, unit: string): string {
  const v = show(value);
  if (!unit || isNA(value)) return v;
  return unit === '%' ? `${v}%` : `${v} ${unit}`;
}

/** "(SD 14.04)", "(95% CI 13 to 18)", "(IQR 4 to 7)", "(range 1 to 9)". */
function spreadText(m: Measurement, dispersion: string): string {
  const d = key(dispersion);
  const range = (label: string): string =>
    m.lowerLimit !== undefined || m.upperLimit !== undefined ? ` (${label} ${show(m.lowerLimit)} to ${show(m.upperLimit)})` : '';
  if (d === 'STANDARD_DEVIATION') return m.spread !== undefined ? ` (SD ${show(m.spread)})` : '';
  if (d === 'STANDARD_ERROR') return m.spread !== undefined ? ` (SE ${show(m.spread)})` : '';
  if (d === 'INTER_QUARTILE_RANGE') return range('IQR');
  if (d === 'FULL_RANGE') return range('range');
  if (d === 'GEOMETRIC_COEFFICIENT_OF_VARIATION') return m.spread !== undefined ? ` (CV ${show(m.spread)}%)` : '';
  if (/CONFIDENCE/.test(d)) return range(`${ciLevelText(dispersion)}% CI`);
  return m.spread !== undefined ? ` (${show(m.spread)})` : range('limits');
}

/** "95% Confidence Interval" → "95"; the API's enum CONFIDENCE_975 → "97.5". */
function ciLevelText(dispersion: string): string {
  const words = /(\d+(?:\.\d+)?)\s*%/.exec(dispersion);
  if (words) return words[1]!;
  const code = /CONFIDENCE_(\d+)/.exec(key(dispersion))?.[1];
  if (!code) return '95';
  return code.length > 2 ? `${code.slice(0, 2)}.${code.slice(2)}` : code;
}

/** The cell, and the registry's comment when a value is "NA". */
export function toQuantity(m: Measurement, shape: MeasureShape, denom: number | undefined): { quantity: QuantityInput; naComment?: string } {
  const naComment = [m.value, m.spread, m.lowerLimit, m.upperLimit].some(isNA) ? m.comment?.trim() || 'not available' : undefined;
  const unit = displayUnit(shape.unitOfMeasure);
  const param = key(shape.paramType);
  const value = toNumber(m.value);
  const spread = spreadText(m, shape.dispersionType ?? '');
  if (value === undefined) {
    return { quantity: { kind: 'text', text: `${show(m.value) || 'NA'}${spread}` }, naComment: naComment ?? m.comment };
  }
  if (param === 'COUNT_OF_PARTICIPANTS' || param === 'COUNT_OF_UNITS') {
    const count = toCount(m.value);
    if (count !== undefined && denom !== undefined && denom > 0 && count <= denom) {
      return { quantity: { kind: 'events', events: count, total: denom, percent: Math.round((1000 * count) / denom) / 10 }, naComment };
    }
    if (count !== undefined) return { quantity: { kind: 'count', count }, naComment };
  }
  const n = denom !== undefined ? ` (n = ${denom})` : '';
  if (unit === '%' && value >= 0 && value <= 100 && !/MEAN|MEDIAN/.test(param)) {
    return { quantity: { kind: 'percent', percent: value, text: `${withUnit(m.value, '%')}${spread}${n}` }, naComment };
  }
  if (param === 'MEDIAN') {
    const lo = toNumber(m.lowerLimit);
    const hi = toNumber(m.upperLimit);
    const iqr = key(shape.dispersionType) === 'INTER_QUARTILE_RANGE' && lo !== undefined && hi !== undefined && lo <= hi ? ([lo, hi] as [number, number]) : undefined;
    return { quantity: { kind: 'median', median: value, ...(iqr ? { iqr } : {}), text: `Median ${withUnit(m.value, unit)}${spread}` }, naComment };
  }
  if (/MEAN/.test(param)) {
    const prefix = param.startsWith('LEAST_SQUARES') ? 'LS mean ' : param.startsWith('GEOMETRIC') ? 'Geometric mean ' : '';
    const sd = key(shape.dispersionType) === 'STANDARD_DEVIATION' ? toNumber(m.spread) : undefined;
    return {
      quantity: { kind: 'mean', mean: value, ...(sd !== undefined && sd >= 0 ? { sd } : {}), text: `${prefix}${withUnit(m.value, unit)}${spread}` },
      naComment,
    };
  }
  return { quantity: { kind: 'text', text: `${withUnit(m.value, unit)}${spread}` }, naComment };
}
