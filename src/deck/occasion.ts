// Who presents the deck, for which department, on which day: the footer and
// the title slide's byline. Kept apart from the trial's view model because
// none of it comes from the trial.
import { TrialdeckError } from '../errors.js';
import type { Trial } from '../trial/schema.js';

export interface Occasion {
  /** From the department file (src/themes/department-schema.ts). */
  department?: { name: string; hospital?: string; presenter?: string; footer?: string };
  /** Free text such as "2026-03-12" or "12 March 2026"; absent by default so builds stay byte-identical. */
  date?: string;
}

export interface OccasionView {
  /** `acronym · department · date`, or `acronym · journal year` without a department. */
  footer: string;
  /** Title slide, first line: the presenter, else `department, hospital · date`. */
  byline?: string;
  /** Title slide, second line (with a presenter): `department, hospital · date`. */
  subline?: string;
  presenter?: string;
  department?: { name: string; hospital?: string };
  date?: string;
}

export function occasionView(publication: Trial['publication'], occasion: Occasion = {}): OccasionView {
  const d = occasion.department;
  const date = occasion.date?.trim() || undefined;
  const middle = d ? (d.footer ?? d.name) : `${publication.journal} ${publication.year}`;
  const footer = [publication.acronym, middle, date].filter(Boolean).join(' · ');
  const where = d ? [d.name, d.hospital].filter(Boolean).join(', ') : '';
  const place = [where, d ? date : undefined].filter(Boolean).join(' · ') || undefined;
  return {
    footer,
    byline: d?.presenter ?? place,
    subline: d?.presenter ? place : undefined,
    presenter: d?.presenter,
    department: d ? { name: d.name, hospital: d.hospital } : undefined,
    date,
  };
}

/** `--date` text: `today` becomes the local ISO date; anything else is shown as given (one short line). */
export function occasionDate(value: string | undefined, now: Date = new Date()): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (v === 'today') {
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  if (v.length === 0 || v.length > 40 || /[\u0000-\u001f\u007f]/.test(v)) {
    throw new TrialdeckError('USAGE', `--date expects a short date such as 2026-03-12, "12 March 2026" or today; got ${JSON.stringify(value)}`);
  }
  return v;
}
