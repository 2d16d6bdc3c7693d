// The field paths every message names (`results[3].arms.placebo.events`,
// `arms["odd key"].label`), both ways: written by the loader and validators,
// read back by `trialdeck check` (to find a claim's line) and by the studio's
// form (to show a note at its field). No Node.js imports: the studio's browser
// bundle uses it too.

export type Segment = string | number;

/** `results[3].arms.placebo.events`: the path format every message uses. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const s = String(seg);
      out += /^[A-Za-z_$][\w$-]*$/.test(s) ? (out ? `.${s}` : s) : `[${JSON.stringify(s)}]`;
    }
  }
  return out;
}

/** `a.b[2]["x y"]` → ['a', 'b', 2, 'x y']; undefined when the text is not such a path (e.g. "(top level)"). */
export function parsePath(path: string): Segment[] | undefined {
  const segs: Segment[] = [];
  const token = /(?:^|\.)([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < path.length) {
    token.lastIndex = at;
    const m = token.exec(path);
    if (!m) return undefined;
    if (m[1] !== undefined) segs.push(m[1]);
    else if (m[2] !== undefined) segs.push(Number(m[2]));
    else {
      try {
        segs.push(JSON.parse(m[3] as string) as string);
      } catch {
        return undefined;
      }
    }
    at = token.lastIndex;
  }
  return segs.length ? segs : undefined;
}
