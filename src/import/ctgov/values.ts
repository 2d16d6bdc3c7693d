// Reading the registry's string values. Every number arrives as a string
// ("97", "-2.13", "<0.001"), missing ones as "NA" with a comment beside them.
import type { PValueInput } from '../types.js';
import type { Scalar } from './record.js';

/** A finite number, or undefined for "NA", "", null and anything unreadable. */
export function toNumber(v: Scalar): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().replace(/,/g, '').replace(/^\u2212/, '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export function toCount(v: Scalar): number | undefined {
  const n = toNumber(v);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The value as the registry wrote it, with a typographic minus; "NA" stays "NA". */
export function show(v: Scalar): string {
  if (v === undefined || v === null || v === '') return '';
  const s = String(v).trim();
  return s.startsWith('-') ? `\u2212${s.slice(1)}` : s;
}

export const isNA = (v: Scalar): boolean => typeof v === 'string' && /^\s*NA\s*$/i.test(v);

/** "<0.001", "=0.247", "0.058", "≤ 0.05" → { op, value, text }. */
export function parsePValue(v: Scalar): PValueInput | undefined {
  if (v === undefined || v === null) return undefined;
  const text = String(v).trim();
  const m = /^(<=|>=|[<>=≤≥])?\s*(\d*\.?\d+(?:e-?\d+)?)$/i.exec(text);
  if (!m) return undefined;
  const value = Number(m[2]);
  if (!(value >= 0 && value <= 1)) return undefined;
  const raw = m[1] ?? '=';
  const op = raw === '<=' ? '≤' : raw === '>=' ? '≥' : (raw as PValueInput['op']);
  return { op, value, text: `P${raw === '=' ? '=' : ` ${op} `}${m[2]}`.replace(/ /g, '') };
}

/** CT.gov escapes Markdown in free text (`\\[`, `\\<`); the deck escapes on its own. */
export function unescapeText(s: string | undefined): string {
  if (!s) return '';
  return s.replace(/\\([\\[\]<>*_#()>-])/g, '$1').replace(/\r\n?/g, '\n').trim();
}

/** "PHASE2" → "phase 2", "DOUBLE" → "double", "NON_INFERIORITY" → "non-inferiority". */
export function enumText(v: string | undefined): string {
  if (!v) return '';
  return v
    .toLowerCase()
    .replace(/^phase(\d)/, 'phase $1')
    .replace(/^non_/, 'non-')
    .replace(/_/g, ' ');
}
