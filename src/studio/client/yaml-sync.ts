// The Form tab writes into the YAML text the user may have written by hand.
// A form change becomes the few paths it touched (diffData), and each is
// spliced into the text at that node's place (applyChange): the rest of the
// text, comments, folded paragraphs and key order included, stays byte for
// byte. Re-printing the whole document instead would re-fold every long
// paragraph (the yaml library does not keep a block scalar's line breaks).
import { isCollection, isMap, isScalar, isSeq, parseDocument, Scalar, stringify, type Document, type Node } from 'yaml';
import type { Segment } from './error-paths.js';

/** `before`: for a new key, the key it comes before in the new data (a field cleared and typed again goes back there). */
export type Change = { op: 'set'; path: Segment[]; value: unknown; before?: string } | { op: 'delete'; path: Segment[] };

const PRINT = { lineWidth: 88, minContentWidth: 40, flowCollectionPadding: false } as const;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** The changes that turn `before` into `after`: one per changed leaf, one per added or removed row or key. */
export function diffData(before: unknown, after: unknown, path: Segment[] = []): Change[] {
  if (deepEqual(before, after)) return [];
  if (after === undefined) return [{ op: 'delete', path }];
  if (isPlainObject(before) && isPlainObject(after)) {
    const out: Change[] = [];
    for (const k of Object.keys(before)) if (before[k] !== undefined && after[k] === undefined) out.push({ op: 'delete', path: [...path, k] });
    // RJSF keeps a cleared field's key (value undefined) in its place, so the new data's key order says where a
    // key typed again belongs: before the next key that the old data has.
    const keys = Object.keys(after);
    keys.forEach((k, i) => {
      if (after[k] === undefined) return;
      if (before[k] !== undefined) return out.push(...diffData(before[k], after[k], [...path, k]));
      const next = keys.slice(i + 1).find((n) => before[n] !== undefined && after[n] !== undefined);
      out.push({ op: 'set', path: [...path, k], value: after[k], ...(next !== undefined ? { before: next } : {}) });
    });
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length === after.length) return before.flatMap((b, i) => diffData(b, after[i], [...path, i]));
    // One row removed (the form's remove button) or one added at the end (its add button): touch only that row.
    if (after.length === before.length - 1) {
      const i = after.findIndex((a, k) => !deepEqual(a, before[k]));
      const at = i < 0 ? after.length : i;
      if (after.every((a, k) => deepEqual(a, before[k < at ? k : k + 1]))) return [{ op: 'delete', path: [...path, at] }];
    }
    if (after.length === before.length + 1 && before.every((b, k) => deepEqual(b, after[k]))) return [{ op: 'set', path: [...path, before.length], value: after[before.length] }];
  }
  return [{ op: 'set', path, value: after }];
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function splice(text: string, from: number, to: number, insert: string): string {
  return text.slice(0, from) + insert + text.slice(to);
}

/** Prints `value` (a Node of the edited document keeps its comments) for the place `range` held, indented to fit. */
function printAt(text: string, value: unknown, from: number, to: number, block: boolean): string {
  // The column of the key (or item) the value belongs to, after any "- " marks on its line.
  const lineIndent = /^(?: *- )* */.exec(text.slice(lineStart(text, from)))?.[0].length ?? 0;
  // A block collection's first line sits at its own column (also right after "- "); a scalar printed alone has its
  // further lines at column 0, which must sit deeper than its key (or "- ") to stay inside it.
  const indent = block ? from - lineStart(text, from) : lineIndent + 2;
  let printed = stringify(value, PRINT);
  if (!text.slice(from, to).endsWith('\n')) printed = printed.replace(/\n$/, '');
  return printed.replace(/\n(?=[^\n])/g, `\n${' '.repeat(indent)}`);
}

/** Where a key's or row's whole entry starts and ends in the text: its lines, from the key (or "- ") to the next entry. */
function entryLines(text: string, parent: Node, index: number): [number, number] | undefined {
  const items = (isMap(parent) || isSeq(parent) ? parent.items : []) as unknown[];
  const startOf = (item: unknown): number | undefined => {
    const node = (isMap(parent) ? (item as { key: Node }).key : item) as Node | null;
    return node?.range?.[0];
  };
  const start = startOf(items[index]);
  const end = index + 1 < items.length ? startOf(items[index + 1]) : parent.range?.[1];
  if (start === undefined || end === undefined) return undefined;
  // The first key of a map in a list shares its line with the "- ": that stays, and the next key moves up to it.
  // (A list item's own "- " goes with it.)
  const midLine = isMap(parent) && text.slice(lineStart(text, start), start).trim() !== '';
  if (midLine) return [start, end];
  const from = lineStart(text, start);
  let to = index + 1 < items.length ? lineStart(text, end) : end;
  // Comment lines just above the next entry are about that entry: they stay.
  while (to > from) {
    const prev = lineStart(text, to - 1);
    if (!/^\s*#/.test(text.slice(prev, to))) break;
    to = prev;
  }
  return [from, to];
}

/**
 * `change` applied to `text`. Falls back to re-printing the nearest block
 * collection that holds the change, and only for a change at the top (or a
 * document in flow style) to re-printing the document.
 */
export function applyChange(text: string, change: Change): string {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) throw new Error(doc.errors[0]?.message ?? 'The YAML does not parse.');
  const { path } = change;
  const parentPath = path.slice(0, -1);
  const parent = doc.getIn(parentPath, true) as Node | undefined;
  const last = path[path.length - 1];
  const old = doc.getIn(path, true) as Node | undefined;

  // A scalar replaced by a scalar: only its own characters change.
  if (change.op === 'set' && isScalar(old) && old.range && !isCollection(change.value) && (typeof change.value !== 'object' || change.value === null)) {
    const [from, to] = old.range;
    // Inside [a, b] or {a: b} a plain string may not hold , [ ] { }: JSON's quoted form is valid YAML there, on one line.
    if (isCollection(parent) && parent.flow) return splice(text, from, to, JSON.stringify(change.value));
    const multiline = typeof change.value === 'string' && change.value.includes('\n');
    const wasBlock = old.type === 'BLOCK_FOLDED' || old.type === 'BLOCK_LITERAL';
    if (!multiline && !wasBlock) return splice(text, from, to, stringify(change.value, { lineWidth: 0 }).replace(/\n$/, ''));
    // A paragraph keeps its style (`>-` folded, `|` literal): only its text is new.
    const node = new Scalar(change.value);
    // (Not for text that starts or ends with a space, which a paragraph cannot hold: yaml then picks a quoted form.)
    if (wasBlock && typeof change.value === 'string' && /^\S(?:[\s\S]*\S)?$/.test(change.value)) node.type = old.type;
    return splice(text, from, to, printAt(text, node, from, to, false));
  }
  // A scalar replaced by a list or a map (a bullet given references): that block where the scalar stood.
  if (change.op === 'set' && isScalar(old) && old.range && isFilled(change.value) && !(isCollection(parent) && parent.flow)) {
    const from = old.range[0];
    return blockInPlace(text, from, from + text.slice(from, old.range[1]).trimEnd().length, change.value, isSeq(parent));
  }
  // A removed key or row: its lines go, nothing else moves.
  if (change.op === 'delete' && parent && old !== undefined && (isMap(parent) || isSeq(parent)) && !parent.flow && last !== undefined) {
    const index = isSeq(parent) ? Number(last) : parent.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === String(last));
    const lines = index >= 0 ? entryLines(text, parent, index) : undefined;
    if (lines && parent.items.length > 1) return splice(text, lines[0], lines[1], '');
  }
  // A new key before the key it precedes in the form (unless that one shares its line with a list's "- ").
  if (change.op === 'set' && change.before !== undefined && old === undefined && isMap(parent) && !parent.flow && last !== undefined) {
    const index = parent.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === change.before);
    const lines = index >= 0 ? entryLines(text, parent, index) : undefined;
    if (lines && (lines[0] === 0 || text[lines[0] - 1] === '\n')) {
      const indent = entryIndent(text, parent);
      const printed = stringify({ [String(last)]: change.value }, PRINT).replace(/\n(?=[^\n])/g, `\n${' '.repeat(indent)}`);
      return splice(text, lines[0], lines[0], ' '.repeat(indent) + printed);
    }
  }
  // A new key or row at the end of a block collection: printed after its last entry.
  if (change.op === 'set' && old === undefined && parent && (isMap(parent) || isSeq(parent)) && !parent.flow && parent.items.length > 0 && parent.range && last !== undefined) {
    const entry = isSeq(parent) ? [change.value] : { [String(last)]: change.value };
    const lastEntry = entryLines(text, parent, parent.items.length - 1);
    if (lastEntry) {
      const at = lastEntry[1] === text.length || text[lastEntry[1] - 1] === '\n' ? lastEntry[1] : lastEntry[1];
      const indent = entryIndent(text, parent);
      const printed = stringify(entry, PRINT).replace(/\n(?=[^\n])/g, `\n${' '.repeat(indent)}`);
      const lead = text[at - 1] === '\n' || at === 0 ? ' '.repeat(indent) : `\n${' '.repeat(indent)}`;
      return splice(text, at, at, lead + printed);
    }
  }
  return reprintAround(text, doc, change);
}

/** The column of a block collection's entries (its keys, or its "- " marks). */
function entryIndent(text: string, collection: Node): number {
  const first = isMap(collection) ? (collection.items[0]?.key as Node | undefined)?.range?.[0] : collection.range?.[0];
  const at = first ?? collection.range?.[0] ?? 0;
  return at - lineStart(text, at);
}

function reprintAround(text: string, doc: Document, change: Change): string {
  if (change.op === 'set') {
    doc.setIn(change.path, change.value);
    moveBefore(doc.getIn(change.path.slice(0, -1), true), change);
  } else doc.deleteIn(change.path);
  // The nearest ancestor that was a block collection in the text is re-printed in place.
  for (let n = change.path.length - 1; n >= 1; n--) {
    const at = change.path.slice(0, n);
    const node = doc.getIn(at, true) as Node | undefined;
    const filled = fillEmptyFlow(text, node, doc.getIn(at.slice(0, -1), true));
    if (filled !== undefined) return filled;
    if (isCollection(node) && node.range && !node.flow && node.range[0] < node.range[1] && text.slice(node.range[0], node.range[1]).trim()) {
      const [from, to] = node.range;
      return splice(text, from, to, printAt(text, node, from, to, true));
    }
  }
  return doc.toString(PRINT);
}

/** `change` applied to plain data (a copy along its path), as applyChange applies it to the text. */
export function applyToData(data: unknown, change: Change): unknown {
  const [head, ...rest] = change.path;
  if (head === undefined) return change.op === 'set' ? change.value : undefined;
  const copy = (Array.isArray(data) ? [...(data as unknown[])] : { ...(isPlainObject(data) ? data : {}) }) as Record<string | number, unknown>;
  const next = applyToData(copy[head], { ...change, path: rest } as Change);
  if (next === undefined && rest.length === 0) delete copy[head];
  else copy[head] = next;
  return copy;
}

/** setIn appends a new key; a key cleared and typed again goes back before the key it preceded. */
function moveBefore(parent: unknown, change: Change & { op: 'set' }): void {
  if (change.before === undefined || !isMap(parent)) return;
  // (A key set by setIn is a plain string, not a Scalar.)
  const keyOf = (p: { key: unknown }): string => (isScalar(p.key) ? String(p.key.value) : String(p.key));
  const from = parent.items.findIndex((p) => keyOf(p) === String(change.path[change.path.length - 1]));
  const to = parent.items.findIndex((p) => keyOf(p) === change.before);
  if (from < 0 || to < 0 || from < to) return;
  const [pair] = parent.items.splice(from, 1);
  if (pair) parent.items.splice(to, 0, pair);
}

/**
 * A `{}` or `[]` in the text (a row or arm entry the form just added) that now
 * has content becomes a block collection where it stands, not `{name: "…"}`
 * and not a re-print of the whole list around it.
 */
function fillEmptyFlow(text: string, node: Node | undefined, parent: unknown): string | undefined {
  if (!isCollection(node) || !node.flow || !node.range || node.items.length === 0) return undefined;
  const from = node.range[0];
  const written = text.slice(from, node.range[1]).trimEnd();
  if (!/^(?:\{\s*\}|\[\s*\])$/.test(written)) return undefined;
  node.flow = false;
  return blockInPlace(text, from, from + written.length, node, isSeq(parent));
}

const isFilled = (v: unknown): boolean => typeof v === 'object' && v !== null && Object.keys(v).length > 0;

/** `value` printed as a block collection over `from`–`to`: as a list item right after its "- ", as a key's value on the next lines, deeper than the key. */
function blockInPlace(text: string, from: number, to: number, value: unknown, inList: boolean): string {
  if (inList) return splice(text, from, to, printAt(text, value, from, to, true));
  const indent = (/^(?: *- )* */.exec(text.slice(lineStart(text, from)))?.[0].length ?? 0) + 2;
  const printed = stringify(value, PRINT).replace(/\n$/, '').replace(/\n(?=[^\n])/g, `\n${' '.repeat(indent)}`);
  return splice(text, text[from - 1] === ' ' ? from - 1 : from, to, `\n${' '.repeat(indent)}${printed}`);
}
