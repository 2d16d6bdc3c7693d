// The summary format is a flat list of lines: headings, "- bullets", lone "-"
// separators, plain paragraphs and table rows. Everything above the section
// level is built from these few shapes.
import type { SourceLine } from './types.js';

export type Item =
  | { kind: 'bullet'; text: string; line: number }
  | { kind: 'separator'; line: number }
  | { kind: 'text'; text: string; line: number }
  | { kind: 'table'; text: string; line: number };

const BULLET = /^\s*[-*•–]\s+(.*)$/;
const SEPARATOR = /^\s*[-*•–—]+\s*$/;

/** Classify the non-blank lines of a section. */
export function classify(lines: readonly SourceLine[]): Item[] {
  const items: Item[] = [];
  for (const { text, line } of lines) {
    const t = text.trim();
    if (t === '') continue;
    if (t.startsWith('|')) items.push({ kind: 'table', text: t, line });
    else if (SEPARATOR.test(t)) items.push({ kind: 'separator', line });
    else {
      const m = BULLET.exec(t);
      if (m) items.push({ kind: 'bullet', text: (m[1] ?? '').trim(), line });
      else items.push({ kind: 'text', text: t, line });
    }
  }
  return items;
}

/** Bullets and plain lines alike, as text with a line number (separators and tables dropped). */
export function textItems(items: readonly Item[]): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  for (const it of items) if (it.kind === 'bullet' || it.kind === 'text') out.push({ text: it.text, line: it.line });
  return out;
}

/**
 * `Label: rest` → {label, rest}. The label must be short and sentence-free so
 * that a sentence containing a colon ("as follows: …") is not mistaken for one.
 */
export function splitLabel(text: string): { label: string; rest: string } | undefined {
  const m = /^([^:.;]{1,80}?)\s*:(?:\s+(.*))?$/s.exec(text.trim());
  if (!m) return undefined;
  return { label: (m[1] ?? '').trim(), rest: (m[2] ?? '').trim() };
}

/** Lower-case, parentheticals removed, `&` read as "and": for matching labels and headings. */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/[-_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Split on a separator that is not inside brackets: "a; b (c; d); e" →
 * ["a", "b (c; d)", "e"]. Empty pieces are dropped.
 */
export function splitTopLevel(text: string, sep = ';'): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** Drop one trailing full stop, used when a sentence has been split into list items. */
export function stripFullStop(text: string): string {
  return text.replace(/(?<!\.)\.\s*$/, '').trimEnd();
}

export interface Group {
  /** The sub-heading line ("Background", "Clinical practice"); absent for bullets before any. */
  heading?: string;
  line: number;
  bullets: { text: string; line: number }[];
}

/**
 * Sections such as Context and Interpretation use plain lines as sub-headings,
 * usually fenced by lone "-" lines. Every plain line starts a new group.
 */
export function groupBySubheadings(items: readonly Item[]): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  for (const it of items) {
    if (it.kind === 'text') {
      current = { heading: it.text.replace(/:\s*$/, ''), line: it.line, bullets: [] };
      groups.push(current);
    } else if (it.kind === 'bullet') {
      if (!current) {
        current = { line: it.line, bullets: [] };
        groups.push(current);
      }
      current.bullets.push({ text: it.text, line: it.line });
    }
  }
  return groups;
}
