// The type guard every fixed list of names needs (formats, themes' placements,
// design types, meta-analysis methods, …): is this value one of the list?

/** A guard for one of `list`'s strings, typed as the list's own union. */
export function memberOf<T extends string>(list: readonly T[]): (v: unknown) => v is T {
  return (v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);
}
