// Eligibility criteria arrive as one Markdown-ish text: "Inclusion Criteria:"
// then bullets ("*", "-", "1.") that may wrap over lines, then "Exclusion
// Criteria:". Headings vary ("Key Inclusion Criteria", "INCLUSION CRITERIA").
import { unescapeText } from './values.js';

export interface Criteria {
  inclusion: string[];
  exclusions: string[];
}

const HEADING = /^\s*(?:key\s+|main\s+)?(inclusion|exclusion)\s+criteria\b[^:]*:?\s*$/i;
const BOILERPLATE = /not (be )?(intended to )?(contain|list)|not all (inclusion|exclusion|of the)|not every criterion/i;
const BULLET = /^\s*(?:[*\u2022-]|\d{1,2}[.)]|[a-z][.)])\s+/i;

export function parseEligibility(raw: string | undefined): Criteria {
  const out: Criteria = { inclusion: [], exclusions: [] };
  let list: string[] | undefined;
  let current: string | undefined;
  const flush = (): void => {
    // Sponsors' footnote ("not all inclusion/exclusion criteria are listed") is not a criterion.
    if (current && BOILERPLATE.test(current)) current = undefined;
    if (list && current && current.trim()) list.push(current.trim().replace(/\s+/g, ' '));
    current = undefined;
  };
  const lines = unescapeText(raw).split('\n');
  // A stray indented "Exclusion Criteria:" inside a nested inclusion item (ACTT-1's record)
  // is not a heading when an unindented one of the same kind follows.
  const flushLeft = new Set(lines.filter((l) => HEADING.test(l) && !/^\s/.test(l)).map((l) => HEADING.exec(l)![1]!.toLowerCase()));
  for (const line of lines) {
    const heading = HEADING.exec(line);
    if (heading && /^\s/.test(line) && flushLeft.has(heading[1]!.toLowerCase())) continue;
    if (heading) {
      flush();
      list = heading[1]!.toLowerCase() === 'inclusion' ? out.inclusion : out.exclusions;
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    // Text before any heading counts as inclusion: records without headings list who may join.
    list ??= out.inclusion;
    if (BULLET.test(line)) {
      flush();
      current = line.replace(BULLET, '');
    } else {
      current = current === undefined ? line.trim() : `${current} ${line.trim()}`;
    }
  }
  flush();
  return out;
}
