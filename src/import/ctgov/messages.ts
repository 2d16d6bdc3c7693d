// Warnings of the ClinicalTrials.gov importer. Codes starting with
// CTGOV_DECIDE_ are decisions left to a human; the CLI lists them last.
import type { Diagnostic } from '../../errors.js';

export const CTGOV_WARNINGS = {
  GROUP_LIKELY: 'CTGOV_GROUP_LIKELY',
  GROUP_UNMATCHED: 'CTGOV_GROUP_UNMATCHED',
  NOT_AVAILABLE: 'CTGOV_NOT_AVAILABLE',
  NO_RESULTS: 'CTGOV_NO_RESULTS',
  ROWS_LEFT_OUT: 'CTGOV_ROWS_LEFT_OUT',
  ANALYSIS_UNREADABLE: 'CTGOV_ANALYSIS_UNREADABLE',
  DECIDE_HEADLINE: 'CTGOV_DECIDE_HEADLINE',
  DECIDE_DIRECTION: 'CTGOV_DECIDE_DIRECTION',
  DECIDE_MAIN_PAPER: 'CTGOV_DECIDE_MAIN_PAPER',
  DECIDE_CONTROL: 'CTGOV_DECIDE_CONTROL',
} as const;
export type CtgovWarningCode = (typeof CTGOV_WARNINGS)[keyof typeof CTGOV_WARNINGS];

export function isDecision(d: Diagnostic): boolean {
  return /_DECIDE_/.test(d.code);
}

/** Collects warnings with the record's name, and the JSON path they point at. */
export class CtgovReport {
  readonly warnings: Diagnostic[] = [];
  constructor(readonly file: string | undefined) {}

  warn(code: CtgovWarningCode, message: string, path?: string): void {
    this.warnings.push({ level: 'warning', code, message, ...(this.file ? { file: this.file } : {}), ...(path ? { path } : {}) });
  }
}
