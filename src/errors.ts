// One error class for the whole library. The CLI is the only place that turns
// these into exit codes and coloured text; the library never prints.

export const ERROR_CODES = {
  USAGE: 'USAGE',
  INPUT_NOT_FOUND: 'INPUT_NOT_FOUND',
  INPUT_TOO_LARGE: 'INPUT_TOO_LARGE',
  INPUT_UNSUPPORTED: 'INPUT_UNSUPPORTED',
  YAML_SYNTAX: 'YAML_SYNTAX',
  DATA_INVALID: 'DATA_INVALID',
  SUMMARY_INVALID: 'SUMMARY_INVALID',
  TEMPLATE: 'TEMPLATE',
  CHART: 'CHART',
  THEME: 'THEME',
  PATH_ESCAPE: 'PATH_ESCAPE',
  BROWSER_NOT_FOUND: 'BROWSER_NOT_FOUND',
  EXPORT: 'EXPORT',
  OUTPUT: 'OUTPUT',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Where in the user's input a problem is. Every field is optional because not every input has lines. */
export interface Location {
  file?: string;
  /** JSON-style path such as `results[3].arms.placebo.events`. */
  path?: string;
  line?: number;
  column?: number;
}

export interface Problem extends Location {
  message: string;
}

export interface Diagnostic extends Problem {
  level: 'warning' | 'error';
  code: string;
}

export class TrialdeckError extends Error {
  readonly code: ErrorCode;
  /** Individual problems, so invalid data can be reported all at once. */
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'TrialdeckError';
    this.code = code;
    this.problems = problems;
  }
}

export function isTrialdeckError(value: unknown): value is TrialdeckError {
  return value instanceof TrialdeckError;
}

/** `file:line:column` or whatever part of it is known. */
export function formatLocation(loc: Location): string {
  let out = loc.file ?? '';
  if (loc.line !== undefined) {
    out += `${out ? ':' : 'line '}${loc.line}`;
    if (loc.column !== undefined) out += `:${loc.column}`;
  }
  return out;
}

/** One line per problem: `file:line:col: path: message`. */
export function formatProblem(p: Problem): string {
  const where = formatLocation(p);
  const head = [where, p.path].filter((s) => s && s.length > 0).join(': ');
  return head ? `${head}: ${p.message}` : p.message;
}
