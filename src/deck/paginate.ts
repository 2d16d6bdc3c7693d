// Marp never shrinks overflowing content, so long lists and tables are split
// at compose time. Weights are estimated lines of text at the theme's sizes;
// a real-browser test (test/deck/overflow.test.ts) checks the estimates hold.

/** Splits items into pages whose summed weight stays within `budget` (an item heavier than the budget gets a page of its own). */
export function paginate<T>(items: readonly T[], weight: (item: T) => number, budget: number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let used = 0;
  for (const item of items) {
    const w = weight(item);
    if (page.length > 0 && used + w > budget) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(item);
    used += w;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Characters that take about two Latin character cells: CJK and emoji. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u{1F300}-\u{1FAFF}]/gu;
const ASTRAL = /[\u{10000}-\u{10FFFF}]/gu;
/** Anything at or above U+1100 (which includes surrogates): only then can a character be wide or astral. */
const BEYOND_LATIN = /[^\u0000-\u10FF]/;

/** Character cells of `text`: one per code point, two for a wide one. */
export function cells(text: string): number {
  // Fit tries each text at several sizes on every build (the studio rebuilds per edit): most
  // text is below U+1100, where the answer is its length, with no per-character test.
  if (!BEYOND_LATIN.test(text)) return text.length;
  const astral = text.match(ASTRAL)?.length ?? 0;
  const wide = text.match(WIDE)?.length ?? 0;
  return text.length - astral + wide;
}

/** Estimated rendered lines of `text` in a box `charsPerLine` wide. */
export function lines(text: string, charsPerLine: number): number {
  return Math.max(1, Math.ceil(cells(text) / charsPerLine));
}
