// The template lint. Templates are trusted code, but a department's template
// that prints data without the Markdown escaper ({{field}} or {{{field}}}) or
// calls a helper we do not provide would let data restructure the deck. The
// lint walks the parsed template; compose refuses a template that fails it,
// and test/deck/templates-lint.test.ts runs it on the built-in templates.
import { HELPERS } from './handlebars-env.js';

export interface LintProblem {
  line?: number;
  column?: number;
  message: string;
}

/** Helpers a template may call: ours plus Handlebars' structural block helpers. */
const ALLOWED = new Set<string>([...HELPERS, 'if', 'unless', 'each', 'with']);

interface AnyNode {
  type?: unknown;
  loc?: { start: { line: number; column: number } };
  [key: string]: unknown;
}

/** Problems in a parsed template (the AST of `Handlebars.parse`), in source order. */
export function lintAst(ast: hbs.AST.Program): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (n: AnyNode, message: string): void => {
    problems.push({ line: n.loc?.start.line, column: n.loc ? n.loc.start.column + 1 : undefined, message });
  };
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as AnyNode;
    if (n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') {
      const path = n.path as { original?: unknown } | undefined;
      const name = String(path?.original ?? '');
      const params = Array.isArray(n.params) ? n.params : [];
      const hash = (n.hash as { pairs?: unknown[] } | undefined)?.pairs ?? [];
      if (n.type === 'MustacheStatement' && n.escaped === false) add(n, `triple braces {{{${name}}}} are not allowed: data would skip the Markdown escaper`);
      else if (params.length > 0 || hash.length > 0 || n.type !== 'MustacheStatement') {
        if (!ALLOWED.has(name)) add(n, `unknown helper "${name}" (known: ${[...ALLOWED].join(', ')})`);
      } else if (!name.startsWith('@')) {
        add(n, `{{${name}}} prints data without an escaping helper (use {{md ${name}}})`);
      }
    } else if (n.type === 'Decorator' || n.type === 'DecoratorBlock') {
      add(n, 'decorators ({{* …}}) are not allowed');
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && 'type' in value) visit(value);
    }
  };
  visit(ast);
  return problems;
}

/** `line N: message` for each problem, for tests and quick checks. */
export function formatLintProblems(problems: readonly LintProblem[]): string[] {
  return problems.map((p) => `line ${p.line ?? '?'}: ${p.message}`);
}
