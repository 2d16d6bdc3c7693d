// zod issues -> Problems with the field path and, for YAML/JSON files, the
// line:column of the value (or of its nearest existing parent). Shared by
// every hand-written input file: trial data and department files.
import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { formatPath, position } from './parse-yaml.js';

export interface SourceMap {
  file: string;
  doc?: Document.Parsed;
  lines?: LineCounter;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Every issue of a failed safeParse, located in the source. */
export function zodProblems(error: z.ZodError, source: SourceMap): Problem[] {
  return error.issues.map((issue) => issueToProblem(issue, source));
}

export function issueToProblem(issue: z.core.$ZodIssue, source: SourceMap): Problem {
  const path = formatPath(issue.path);
  return { file: source.file, path: path || '(top level)', ...locateSegments(issue.path, source), message: describeIssue(issue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue ? describeValue(issue.input) : undefined;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      if (issue.input === undefined) return `required field is missing (${expectedFrom(issue)})`;
      return `${expectedFrom(issue)}, got ${got}`;
    case 'invalid_union':
      return `expected ${unionHint(issue)}, got ${got}`;
    default:
      return got !== undefined && !issue.message.includes(' got ') ? `${issue.message}, got ${got}` : issue.message;
  }
}

function expectedFrom(issue: z.core.$ZodIssue & { code: 'invalid_type' }): string {
  // Our schema sets messages that start with "expected …"; zod's defaults start with "Invalid input".
  if (issue.message.startsWith('expected')) return issue.message;
  const names: Record<string, string> = { number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'a mapping of fields' };
  return `expected ${names[issue.expected] ?? issue.expected}`;
}

function unionHint(issue: z.core.$ZodIssue & { code: 'invalid_union' }): string {
  if ('discriminator' in issue && issue.discriminator) return `"${issue.discriminator}" to be one of the known kinds`;
  return 'text or a {text, refs} mapping';
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

/** Finds the closest existing YAML node on the path, so a missing field points at its parent. */
export function locateSegments(path: readonly PropertyKey[], source: SourceMap): { line?: number; column?: number } {
  const { doc, lines } = source;
  if (!doc || !lines) return {};
  const segs = path.filter((p): p is string | number => typeof p !== 'symbol');
  const exact = position(doc.getIn(segs, true), lines);
  if (exact.line !== undefined) return exact;
  // Missing value: point at the key of the nearest ancestor that exists (`publication:`), not at its first child.
  for (let n = segs.length - 1; n >= 1; n--) {
    const parent = n === 1 ? doc.contents : doc.getIn(segs.slice(0, n - 1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === segs[n - 1]);
      const pos = position(pair?.key, lines);
      if (pos.line !== undefined) return pos;
    }
    const pos = position(doc.getIn(segs.slice(0, n - 1), true), lines);
    if (pos.line !== undefined && n - 1 > 0) return pos;
  }
  return position(doc.contents, lines);
}

