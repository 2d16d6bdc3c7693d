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

/** Estimated rendered lines of `text` in a box `charsPerLine` wide. */
export function lines(text: string, charsPerLine: number): number {
  // Wide characters (CJK, emoji) take about two Latin character cells.
  let cells = 0;
  for (const ch of text) cells += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u{1F300}-\u{1FAFF}]/u.test(ch) ? 2 : 1;
  return Math.max(1, Math.ceil(cells / charsPerLine));
}
