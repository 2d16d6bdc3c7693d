// Confidence intervals and p values as papers print them: "95% CI 0.74 to
// 1.39", "(0.74–1.39)", "95% CI −12.8% to 12.7%", "P=0.92", "P<0.001",
// "p = .04", "P=2×10−6". A "P for interaction" is not the row's p value.
import { P_OPERATORS } from '../trial/schema.js';
import { NUM, RANGE_SEP, normaliseCell, toNumber } from './numbers.js';
import type { CiInput, PValueInput } from './types.js';

const BOUNDS = String.raw`(${NUM})\s*%?${RANGE_SEP}(${NUM})\s*%?`;
/** "95% CI 0.74 to 1.39", "95% confidence interval, −2 to 1", "CI: 0.5–0.9" */
const CI_LABELLED = new RegExp(
  String.raw`(?:(\d{2}(?:[.·]\d+)?)\s*%\s*)?(?:CI|confidence interval)\b\s*[:,=]?\s*(?:of\s+|was\s+)?\(?\s*${BOUNDS}`,
  'i',
);
/** "(0.74–1.39)" with no label: a 95% interval by convention. */
const CI_PARENS = new RegExp(String.raw`\(\s*${BOUNDS}\s*\)`);
/** A p/CI cell that starts with a bare range: "0.65–0.85; P<0.001". */
const CI_LEADING = new RegExp(String.raw`^\s*${BOUNDS}(?=\s*(?:[;,)]|$))`);

export function parseCi(text: string): CiInput | undefined {
  const s = normaliseCell(text);
  const labelled = CI_LABELLED.exec(s);
  if (labelled) {
    const level = labelled[1] === undefined ? 0.95 : toNumber(labelled[1]) / 100;
    return ci(labelled[2], labelled[3], level);
  }
  const bare = CI_PARENS.exec(s) ?? CI_LEADING.exec(s);
  return bare ? ci(bare[1], bare[2], 0.95) : undefined;
}

function ci(lower: string | undefined, upper: string | undefined, level: number): CiInput | undefined {
  if (lower === undefined || upper === undefined || !(level > 0 && level < 1)) return undefined;
  const out: CiInput = { lower: toNumber(lower), upper: toNumber(upper) };
  // 0.95 is the schema default: leave it out so the YAML stays short.
  if (Math.abs(level - 0.95) > 1e-9) out.level = level;
  return out;
}

const P_RE = new RegExp(
  String.raw`(?<![A-Za-z])p(?:[- ]?value)?(\s*for\s+(?:interaction|heterogeneity|trend|non-?inferiority))?\s*(<=|>=|=<|=>|≤|≥|<|>|=)\s*(\d*[.·]?\d+(?:\s*[×x]\s*10\s*[-−–]\s*\d+)?)`,
  'gi',
);
const P_QUALIFIER_AFTER = /^\s*(?:for\s+)?(?:interaction|heterogeneity|trend|non-?inferiority)\b/i;

const OPS: Record<string, PValueInput['op']> = { '<=': '≤', '=<': '≤', '>=': '≥', '=>': '≥' };

function readP(printed: string): number {
  const sci = /^(\d*[.·]?\d+)\s*[×x]\s*10\s*[-−–]\s*(\d+)$/.exec(printed);
  return sci ? toNumber(sci[1] ?? '') * 10 ** -Number(sci[2]) : toNumber(printed);
}

/** The row's p value; undefined if there is none (or only an interaction p). */
export function parseP(text: string): PValueInput | undefined {
  const s = normaliseCell(text);
  for (const m of s.matchAll(P_RE)) {
    if (m[1] !== undefined) continue;
    if (P_QUALIFIER_AFTER.test(s.slice(m.index + m[0].length))) continue;
    const printedOp = m[2] ?? '=';
    const op = OPS[printedOp] ?? printedOp;
    if (!(P_OPERATORS as readonly string[]).includes(op)) continue;
    const value = readP(m[3] ?? '');
    if (!(value >= 0 && value <= 1)) continue;
    return { op: op as PValueInput['op'], value, text: m[0] };
  }
  return undefined;
}
