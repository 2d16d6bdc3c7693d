// Safe YAML/JSON parsing. JSON goes through the same parser (it is YAML) so
// that every value keeps a source position for error messages.
import { LineCounter, parseAllDocuments, parseDocument, isNode, visit, type Document } from 'yaml';
import { TrialdeckError, type Problem } from '../errors.js';
import { formatPath } from './field-path.js';
import { MAX_DEPTH, preflight } from './yaml-preflight.js';

export { formatPath } from './field-path.js';

/** Billion-laughs guard: a handful of aliases is normal, thousands is an attack. */
const MAX_ALIASES = 100;
/** Keys that would reach an object's prototype machinery once converted to JS. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ParsedYaml {
  data: unknown;
  doc: Document.Parsed;
  lines: LineCounter;
}

/** `what` names the kind of file in messages ("trial data", "department file"). */
export function parseYaml(text: string, file: string, what = 'trial data'): ParsedYaml {
  preflight(text, file);
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    schema: 'core',
    merge: false,
    logLevel: 'silent',
  });
  const problems: Problem[] = [];
  // An unknown tag (`!!python/object`, `!foo`) is only a warning to `yaml`; to us it is hostile input.
  for (const e of [...doc.errors, ...doc.warnings]) {
    // linePos is only filled in with prettyErrors; the offset always is.
    const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    // Thousands of nested brackets overflow the parser's stack; say what that means for the user.
    const message = /Maximum call stack/.test(e.message) ? `nesting too deep (more than ${MAX_DEPTH} levels)` : firstLine(e.message);
    problems.push({ file, line: pos?.line, column: pos?.col, message });
  }
  // With logLevel 'silent', yaml drops its own "multiple documents" error and
  // a second document after `---` would be ignored without a word.
  if (/^(?:---|\.\.\.)(?:\s|$)/m.test(text)) {
    const all = parseAllDocuments(text, { logLevel: 'silent' });
    const second = Array.isArray(all) ? all[1] : undefined;
    if (second) {
      const pos = lines.linePos(second.range[0]);
      problems.push({ file, line: pos.line, column: pos.col, message: 'a second YAML document starts here; a file holds exactly one' });
    }
  }
  if (problems.length > 0) {
    throw new TrialdeckError('YAML_SYNTAX', `${file}: not valid YAML/JSON`, problems);
  }
  checkKeys(doc.contents, [], 0, file, lines, problems);
  if (problems.length > 0) throw new TrialdeckError('DATA_INVALID', `${file}: invalid ${what}`, problems);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    // The alias guard (billion laughs) names no line: point at the first alias.
    let at: { line?: number; column?: number } = {};
    visit(doc, { Alias: (_key, node) => ((at = position(node, lines)), visit.BREAK) });
    throw new TrialdeckError('YAML_SYNTAX', `${file}: ${firstLine(msg)}`, [{ file, ...at, message: firstLine(msg) }]);
  }
  return { data, doc, lines };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

// Walks the node tree (not the JS value) so aliases are not expanded here.
function checkKeys(node: unknown, path: (string | number)[], depth: number, file: string, lines: LineCounter, out: Problem[]): void {
  if (!isNode(node) || out.length > 50) return;
  if (depth > MAX_DEPTH) {
    out.push({ file, path: formatPath(path), ...position(node, lines), message: `nesting deeper than ${MAX_DEPTH} levels` });
    return;
  }
  const items = (node as { items?: unknown[] }).items;
  if (!Array.isArray(items)) return;
  items.forEach((item, i) => {
    if (item && typeof item === 'object' && 'key' in item) {
      const pair = item as { key: unknown; value: unknown };
      const key = isNode(pair.key) ? String((pair.key as { value?: unknown }).value) : String(pair.key);
      if (FORBIDDEN_KEYS.has(key)) {
        out.push({ file, path: formatPath([...path, key]), ...position(pair.key, lines), message: `the key "${key}" is not allowed` });
        return;
      }
      checkKeys(pair.value, [...path, key], depth + 1, file, lines, out);
    } else {
      checkKeys(item, [...path, i], depth + 1, file, lines, out);
    }
  });
}

export function position(node: unknown, lines: LineCounter): { line?: number; column?: number } {
  const range = isNode(node) ? node.range : undefined;
  if (!range) return {};
  const pos = lines.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}
