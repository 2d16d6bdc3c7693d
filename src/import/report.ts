// Collects what the importer finds wrong. Recoverable things become warnings
// (the import still succeeds); problems are gathered so the user sees all of
// them at once, then thrown as one SUMMARY_INVALID error.
import { TrialdeckError, type Diagnostic, type Problem } from '../errors.js';
import { MESSAGES, type ImportWarningCode } from './messages.js';
import type { Where } from './types.js';

export class ImportReport {
  readonly warnings: Diagnostic[] = [];
  readonly problems: Problem[] = [];

  constructor(readonly file?: string) {}

  warn(code: ImportWarningCode, message: string, where: Where = {}): void {
    this.warnings.push({ level: 'warning', code, message, ...this.locate(where) });
  }

  error(message: string, where: Where = {}): void {
    this.problems.push({ message, ...this.locate(where) });
  }

  /** Throw everything collected so far, if anything. */
  throwIfProblems(): void {
    if (this.problems.length === 0) return;
    throw new TrialdeckError('SUMMARY_INVALID', MESSAGES.summaryInvalid(this.file, this.problems), this.problems);
  }

  private locate(where: Where): Partial<Problem> {
    const loc: Partial<Problem> = {};
    if (this.file !== undefined) loc.file = this.file;
    if (where.line !== undefined) loc.line = where.line;
    if (where.path !== undefined && where.path !== '') loc.path = where.path;
    return loc;
  }
}
