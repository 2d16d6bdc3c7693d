// Display strings for quantities and effects. The paper's own text wins when
// we have it (slides quote the paper); otherwise the value is formatted here.
import { EFFECT_MEASURES, type Effect, type Quantity } from '../trial/schema.js';

/** Typographic minus, as journals print it. */
export function num(value: number, decimals?: number): string {
  const s = decimals === undefined ? String(Number(value.toPrecision(12))) : value.toFixed(decimals);
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

export function formatQuantity(q: Quantity): string {
  if (q.text) return q.text;
  switch (q.kind) {
    case 'events':
      return `${q.events}/${q.total}${q.percent === undefined ? '' : ` (${num(q.percent)}%)`}`;
    case 'count':
      return `${q.count}${q.percent === undefined ? '' : ` (${num(q.percent)}%)`}`;
    case 'percent':
      return `${num(q.percent)}%`;
    case 'median':
      return `Median ${num(q.median)}${q.iqr ? ` (IQR ${num(q.iqr[0])}–${num(q.iqr[1])})` : ''}${q.unit ? ` ${q.unit}` : ''}`;
    case 'mean':
      return `${num(q.mean)}${q.unit ? (q.unit === '%' ? '%' : ` ${q.unit}`) : ''}${q.sd === undefined ? '' : ` (SD ${num(q.sd)})`}`;
    default:
      return '';
  }
}

/** Joins the non-empty parts: a cell without a count never ends in a stray " · ". */
export function joinParts(parts: readonly (string | null | undefined)[], separator = ' · '): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '').join(separator);
}

/**
 * Headline number for an arm in large type: `68.3%` rather than `69/101 (68.3%)`.
 * `small` is '' when there is nothing to add: join with `joinParts`, never a bare " · ".
 */
export function headline(q: Quantity): { big: string; small: string } {
  if ((q.kind === 'events' || q.kind === 'count') && q.percent !== undefined) {
    return { big: `${num(q.percent)}%`, small: q.kind === 'events' ? `${q.events}/${q.total}` : `n = ${q.count}` };
  }
  if (q.kind === 'count') {
    // "188 (1.7 per 100 patient-years)": the count in large type, the rest of the printed cell beneath.
    const rest = q.text?.startsWith(String(q.count)) ? q.text.slice(String(q.count).length).trim().replace(/^\((.*)\)$/, '$1') : '';
    return { big: String(q.count), small: rest || 'events' };
  }
  if (q.kind === 'median') return { big: num(q.median), small: q.iqr ? `IQR ${num(q.iqr[0])}–${num(q.iqr[1])}` : 'median' };
  if (q.kind === 'mean') {
    const unit = q.unit ? (q.unit === '%' ? '%' : ` ${q.unit}`) : '';
    return { big: `${num(q.mean)}${unit}`, small: q.sd === undefined ? 'mean' : `SD ${num(q.sd)}` };
  }
  return textHeadline(formatQuantity(q));
}

/**
 * A cell kept as printed ("188 (1.7 per 100 patient-years)"): its leading
 * number in large type and the rest beneath; a cell that is not a short
 * number is shown whole in normal type, never as a 76 px headline that
 * overflows its box.
 */
function textHeadline(text: string): { big: string; small: string } {
  const m = /^([−-]?\d[\d.,]*\s?%?)\s+(.+)$/.exec(text.trim());
  if (m?.[1] && m[2]) return { big: m[1].trim(), small: m[2].trim().replace(/^\((.*)\)$/, '$1') };
  return text.length <= 10 ? { big: text, small: '' } : { big: '', small: text };
}

/** One arm's line on the primary slide: "**68.3%** Levosimendan · 69/101", or "**12.5%** Placebo". */
export function armHeadline(label: string, q: Quantity | undefined): { big: string; text: string } {
  const h = q ? headline(q) : { big: '—', small: '' };
  return { big: h.big, text: joinParts([label, h.small]) };
}

export function measureLabel(e: Effect): string {
  if (e.label) return e.label;
  if (e.measure === 'other') return 'Effect';
  // Ratios are known by their abbreviation; differences read better spelled out.
  return ['RR', 'OR', 'HR', 'sHR'].includes(e.measure) ? e.measure : capitalise(EFFECT_MEASURES[e.measure]);
}

export function formatEstimate(e: Effect): string {
  if (!e.reported) return 'Not reported';
  if (e.estimate === undefined) return e.text ?? measureLabel(e);
  const unit = e.unit ? (e.unit === '%' ? '%' : ` ${e.unit}`) : '';
  return `${measureLabel(e)} ${num(e.estimate)}${unit}`;
}

export function formatCI(e: Effect): string {
  if (!e.ci) return '';
  const unit = e.unit === '%' ? '%' : '';
  const pct = Math.round(e.ci.level * 100);
  return `${pct}% CI ${num(e.ci.lower)}${unit} to ${num(e.ci.upper)}${unit}`;
}

export function formatP(e: Effect): string {
  if (!e.p) return '';
  return `P${e.p.op}${formatPValue(e.p.value)}`;
}

function formatPValue(p: number): string {
  const s = String(p);
  return s.startsWith('0.') || s === '0' || s === '1' ? s : num(p);
}

/** `sHR 1.02 (95% CI 0.74 to 1.39); P=0.92` */
export function formatEffect(e: Effect): string {
  if (!e.reported) return 'Not reported';
  const ci = formatCI(e);
  const p = formatP(e);
  return [formatEstimate(e) + (ci ? ` (${ci})` : ''), p].filter(Boolean).join('; ');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
