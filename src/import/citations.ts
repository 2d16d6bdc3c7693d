// Citation markers. Copying a paper's text flattens superscripts, so a
// reference list "4,5" after a full stop arrives as "differences.45". We only
// read digits glued right after punctuation (never after a digit, so `P=0.92`
// and `1.75` are safe), only when a bibliography exists, and only if every
// number fits it. With 10 or more references "123" could be [1,2,3] or
// [12,3]…: we pick a strictly increasing reading and warn when there were several.
import { IMPORT_WARNINGS, MESSAGES } from './messages.js';
import type { ImportReport } from './report.js';
import type { BulletInput, Where } from './types.js';

/** Digits (or an explicit "4,5" / "4–6" list) right after sentence punctuation, then a space or the end. */
const MARKER = /(?<=(?:[^\s\d][.,;:!?])|[)\]])(\d+(?:[,–-]\d+)*)(?=\s|$)/g;
/** Longest digit run we try to partition; longer runs are not citations. */
const MAX_DIGITS = 12;

/** Every way to cut `digits` into strictly increasing numbers 1…size. */
export function citationReadings(digits: string, size: number): number[][] {
  if (digits.length > MAX_DIGITS || size < 1) return [];
  const out: number[][] = [];
  const walk = (rest: string, acc: number[]): void => {
    if (rest === '') {
      out.push([...acc]);
      return;
    }
    const maxLen = String(size).length;
    for (let len = 1; len <= Math.min(maxLen, rest.length); len++) {
      const piece = rest.slice(0, len);
      if (piece.startsWith('0')) break;
      const n = Number(piece);
      const last = acc[acc.length - 1];
      if (n > size || (last !== undefined && n <= last)) continue;
      acc.push(n);
      walk(rest.slice(len), acc);
      acc.pop();
    }
  };
  walk(digits, []);
  // Fewest numbers first: "1213" reads more naturally as [12, 13] than [1, 2, 13].
  return out.sort((a, b) => a.length - b.length);
}

/** An explicit list "4,5" or range "4–6"; undefined unless every number fits. */
function explicitList(marker: string, size: number): number[] | undefined {
  const refs: number[] = [];
  for (const part of marker.split(',')) {
    const range = /^(\d+)[–-](\d+)$/.exec(part);
    const lo = Number(range ? range[1] : part);
    const hi = Number(range ? range[2] : part);
    if (!(lo >= 1 && hi >= lo && hi <= size)) return undefined;
    for (let n = lo; n <= hi; n++) refs.push(n);
  }
  return refs;
}

export interface Extracted {
  text: string;
  refs: number[];
}

export class Citations {
  constructor(
    /** Number of bibliography entries; 0 turns marker reading off. */
    readonly size: number,
    private readonly report: ImportReport,
  ) {}

  /** Move glued markers out of `text`. Warnings point at `where`. */
  extract(text: string, where: Where): Extracted {
    if (this.size === 0) return { text, refs: [] };
    const refs: number[] = [];
    const out = text.replace(MARKER, (marker: string) => {
      const found = /[,–-]/.test(marker) ? explicitList(marker, this.size) : this.readDigits(marker, where);
      if (!found) {
        this.report.warn(IMPORT_WARNINGS.CITATION_UNMATCHED, MESSAGES.citationUnmatched(marker, this.size), where);
        return marker;
      }
      for (const n of found) if (!refs.includes(n)) refs.push(n);
      return '';
    });
    return { text: out, refs };
  }

  /** A bullet: `{text, refs}` when it cites something, else the plain string. */
  bullet(text: string, where: Where): BulletInput {
    const { text: clean, refs } = this.extract(text, where);
    return refs.length > 0 ? { text: clean, refs } : clean;
  }

  /** A field that holds plain text: markers are removed (with a warning) so they do not print as digits. */
  plain(text: string, where: Where): string {
    const { text: clean, refs } = this.extract(text, where);
    if (refs.length > 0) this.report.warn(IMPORT_WARNINGS.CITATION_DROPPED, MESSAGES.citationDropped(refs), where);
    return clean;
  }

  private readDigits(digits: string, where: Where): number[] | undefined {
    const readings = citationReadings(digits, this.size);
    const first = readings[0];
    if (!first) return undefined;
    if (readings.length > 1) {
      this.report.warn(IMPORT_WARNINGS.CITATION_AMBIGUOUS, MESSAGES.citationAmbiguous(digits, readings, first), where);
    }
    return first;
  }
}

export interface BibEntry {
  n: number;
  text: string;
}

/**
 * Bibliography lines: "- 1Drazner MH. …", "1. Drazner MH. …", "[1] …". With
 * glued numbers "12Smith" vs "1" + "2Smith" is decided by the expected
 * sequence number, which also protects titles that start with a digit.
 */
export function parseBibliography(entries: readonly { text: string; line: number }[], report: ImportReport): BibEntry[] {
  const out: BibEntry[] = [];
  entries.forEach(({ text, line }, i) => {
    const expected = (out[out.length - 1]?.n ?? i) + 1;
    const sep = /^\[?(\d+)(?:[.)\]]\s*|\s+)(\S.*)$/s.exec(text);
    if (sep && Number(sep[1]) === expected) {
      out.push({ n: expected, text: (sep[2] ?? '').trim() });
      return;
    }
    // Glued digits: the expected number first, so "32019 ESC guidelines" is entry 3.
    if (text.startsWith(String(expected)) && text.length > String(expected).length) {
      out.push({ n: expected, text: text.slice(String(expected).length).trim() });
      return;
    }
    const glued = sep ?? /^(\d+)(\D.*)$/s.exec(text);
    if (!glued) {
      out.push({ n: expected, text });
      return;
    }
    report.warn(IMPORT_WARNINGS.BIBLIOGRAPHY_NUMBER, MESSAGES.bibliographyNumber(text, Number(glued[1]), expected), {
      line,
      path: `bibliography[${i}]`,
    });
    out.push({ n: Number(glued[1]), text: (glued[2] ?? '').trim() });
  });
  return out;
}
