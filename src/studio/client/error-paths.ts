// Our own validation names fields by path (`results[3].arms.levo.events`,
// `arms["odd key"].label`: src/trial/field-path.ts). Here such a path
// becomes an RJSF error schema (the note shown at that field) and the id of
// the field's control in the form.
import type { Segment } from '../../trial/field-path.js';
import { parsePath } from '../../trial/field-path.js';
import type { Note } from '../protocol.js';

export { parsePath, type Segment } from '../../trial/field-path.js';

/** RJSF's nested `{ results: { 3: { arms: { levo: { events: { __errors: [...] } } } } } }`. */
export interface ErrorTree {
  __errors?: string[];
  [key: string]: ErrorTree | string[] | undefined;
}

/**
 * Each note at its field. Notes on a field the data does not have (a missing
 * required field) go to the nearest parent that exists, so none is lost.
 */
export function errorTree(notes: readonly Note[], data: unknown): ErrorTree {
  const root: ErrorTree = {};
  for (const n of notes) {
    const segs = n.path ? parsePath(n.path) : undefined;
    if (!segs) continue;
    let node = root;
    let value = data;
    for (const s of existingPrefix(segs, value)) {
      const key = String(s);
      node = (node[key] ??= {}) as ErrorTree;
      value = (value as Record<string, unknown>)[key];
    }
    (node.__errors ??= []).push(`${n.level === 'error' ? 'Error' : 'Warning'}: ${n.text}`);
  }
  return root;
}

/** The longest prefix of `segs` that the data has, stopping at a value (errors hang on fields, not inside numbers). */
export function existingPrefix(segs: readonly Segment[], data: unknown): Segment[] {
  const out: Segment[] = [];
  let value = data;
  for (const s of segs) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, String(s))) break;
    out.push(s);
    value = (value as Record<string, unknown>)[String(s)];
  }
  return out;
}

/** The form's ids: RJSF joins the prefix and the path with the separator (utils/toFieldPathId). */
export const ID_PREFIX = 'tdf';
export const ID_SEPARATOR = '.';

export function fieldId(segs: readonly Segment[]): string {
  return [ID_PREFIX, ...segs].join(ID_SEPARATOR);
}
