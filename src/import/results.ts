// Key Results: the paragraph above the table (enrolment, early stopping), the
// table itself (arms and outcomes) and the bullets below it.
import type { Citations } from './citations.js';
import { classify } from './bullets.js';
import { inferComparisons } from './comparisons.js';
import { parseEffect, parseNoteEffects } from './effect.js';
import { IMPORT_WARNINGS, MESSAGES } from './messages.js';
import { toInt } from './numbers.js';
import { parseQuantity } from './quantity.js';
import type { ImportReport } from './report.js';
import { parseResultsTable, type TableRow } from './results-table.js';
import { inferBenefit, inferRole } from './roles.js';
import type { Section } from './sections.js';
import { slugify } from '../trial/trial-id.js';
import type { BulletInput, OutcomeInput, QuantityInput } from './types.js';

export interface ArmInput {
  id: string;
  label: string;
  randomised?: number;
  analysed?: number;
}

export interface ResultsInput {
  arms: ArmInput[];
  enrolment: { enrolled?: number; stoppedEarly?: boolean };
  resultsIntro?: string;
  results: OutcomeInput[];
  resultsSummary: BulletInput[];
  /** Set when the table's arms need the control named (three or more arms, or the control in the first column). */
  controlArm?: string;
}

/** "Semaglutide 2.4 mg" → "semaglutide-2-4-mg"; unique within the trial. */
export function armId(label: string, taken: ReadonlySet<string>): string {
  // Unlike trial ids, arm ids must start with a letter: "4 mg" → "arm-4-mg".
  const slug = slugify(label);
  const base = /^[a-z]/.test(slug) ? slug : `arm-${slug}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

const ENROLLED: readonly RegExp[] = [
  /(\d{1,3}(?:,\d{3})+|\d+)\s*\/\s*(?:\d{1,3}(?:,\d{3})+|\d+)\s+(?:planned|target)/i,
  /(\d{1,3}(?:,\d{3})+|\d+)\s+(?:patients|participants|adults|subjects|people|children|infants|women|men)\s+(?:were\s+|had\s+been\s+)?(?:enrolled|randomi[sz]ed|recruited|underwent randomi[sz]ation)/i,
  /(?:enrolled|randomi[sz]ed|recruited)\s+(?:a total of\s+)?(\d{1,3}(?:,\d{3})+|\d+)/i,
];
// "stopped early", "terminated the trial prematurely", "was not stopped early for benefit".
const NOT_STOPPED = /\b(?:not|never)\s+(?:been\s+)?(?:stopped|terminated|halted)\b(?:\s+\w+){0,3}?\s+(?:early|prematurely)\b|\bwas not stopped\b|\bran to completion\b|\bcompleted as planned\b/i;
const STOPPED = /\b(?:stopped|terminated|halted)\b(?:\s+\w+){0,3}?\s+(?:early|prematurely)\b/i;

export function readEnrolment(intro: string): ResultsInput['enrolment'] {
  const out: ResultsInput['enrolment'] = {};
  for (const re of ENROLLED) {
    const m = re.exec(intro);
    if (m?.[1]) {
      out.enrolled = toInt(m[1]);
      break;
    }
  }
  if (NOT_STOPPED.test(intro)) out.stoppedEarly = false;
  else if (STOPPED.test(intro)) out.stoppedEarly = true;
  return out;
}

function outcomeFrom(row: TableRow, index: number, arms: readonly ArmInput[], report: ImportReport): OutcomeInput {
  const path = `results[${index}]`;
  const quantities: Record<string, QuantityInput> = {};
  arms.forEach((arm, a) => {
    const cell = row.arms[a] ?? '';
    if (cell.trim() === '') {
      report.warn(IMPORT_WARNINGS.EMPTY_CELL, MESSAGES.emptyCell(arm.label), { line: row.line, path: `${path}.arms.${arm.id}` });
      return;
    }
    const { quantity, unreadable } = parseQuantity(cell);
    if (unreadable) {
      report.warn(IMPORT_WARNINGS.NUMBER_UNREADABLE, MESSAGES.numberUnreadable(cell, unreadable.reason), {
        line: row.line,
        path: `${path}.arms.${arm.id}`,
      });
    }
    quantities[arm.id] = quantity;
  });

  const benefit = inferBenefit(row.outcome);
  const outcome: OutcomeInput = { name: row.outcome, role: inferRole(row.outcome), ...(benefit ? { benefit } : {}), arms: quantities };
  if (!benefit) report.warn(IMPORT_WARNINGS.BENEFIT_UNKNOWN, MESSAGES.benefitUnknown(row.outcome, index), { line: row.line, path: `${path}.benefit` });

  const { effect, issues } = parseEffect(row.effect, row.ci);
  for (const issue of issues) report.warn(IMPORT_WARNINGS.EFFECT_UNREADABLE, issue, { line: row.line, path: `${path}.effect` });
  if (effect) outcome.effect = effect;
  if (row.notes !== '') {
    const others = parseNoteEffects(row.notes);
    if (others.length > 0) outcome.otherEffects = others;
    outcome.notes = row.notes;
  }
  return outcome;
}

/** Denominators of the primary outcome are the analysed arm sizes; also the randomised ones if they add up to the enrolment. */
function armSizes(arms: ArmInput[], primary: OutcomeInput | undefined, enrolled: number | undefined): void {
  if (!primary) return;
  const totals = arms.map((a) => {
    const q = primary.arms[a.id];
    return q?.kind === 'events' ? q.total : undefined;
  });
  if (totals.some((t) => t === undefined)) return;
  const sum = totals.reduce<number>((s, t) => s + (t ?? 0), 0);
  arms.forEach((arm, i) => {
    const total = totals[i];
    if (total === undefined) return;
    if (enrolled === undefined || enrolled === sum) arm.randomised = total;
    arm.analysed = total;
  });
}

export function parseResults(section: Section | undefined, cite: Citations, report: ImportReport): ResultsInput | undefined {
  if (!section) {
    report.error(MESSAGES.noResults(), { line: 1 });
    return undefined;
  }
  const items = classify(section.lines);
  const firstTable = items.findIndex((it) => it.kind === 'table');
  if (firstTable < 0) {
    report.error(MESSAGES.noTable(), { line: section.line });
    return undefined;
  }
  let tableEnd = firstTable;
  while (items[tableEnd]?.kind === 'table') tableEnd++;
  const table = parseResultsTable(
    items.slice(firstTable, tableEnd).map((it) => ({ text: it.kind === 'table' ? it.text : '', line: it.line })),
    report,
  );

  const introLines = items.slice(0, firstTable).flatMap((it) => (it.kind === 'text' || it.kind === 'bullet' ? [it.text] : []));
  const intro = introLines.length > 0 ? cite.plain(introLines.join(' '), { line: items[0]?.line, path: 'resultsIntro' }) : undefined;
  const resultsSummary: BulletInput[] = [];
  for (const it of items.slice(tableEnd)) {
    if (it.kind === 'table') report.warn(IMPORT_WARNINGS.IGNORED_TEXT, MESSAGES.ignoredText('Key Results'), { line: it.line });
    else if (it.kind !== 'separator') {
      resultsSummary.push(cite.bullet(it.text, { line: it.line, path: `resultsSummary[${resultsSummary.length}]` }));
    }
  }
  if (!table) return undefined;

  const taken = new Set<string>();
  const arms: ArmInput[] = table.armLabels.map((label) => {
    const id = armId(label, taken);
    taken.add(id);
    return { id, label };
  });
  const results = table.rows.map((row, i) => outcomeFrom(row, i, arms, report));
  if (!results.some((r) => r.role === 'primary') && results[0]) {
    results[0].role = 'primary';
    report.warn(IMPORT_WARNINGS.PRIMARY_ASSUMED, MESSAGES.primaryAssumed(results[0].name), { line: table.rows[0]?.line, path: 'results[0].role' });
  }
  const enrolment = intro === undefined ? {} : readEnrolment(intro);
  armSizes(arms, results.find((r) => r.role === 'primary'), enrolment.enrolled);
  const { controlArm } = inferComparisons(arms, results, table.rows, table.effectHeader, report, table.headerLine);
  return { arms, enrolment, ...(intro === undefined ? {} : { resultsIntro: intro }), results, resultsSummary, ...(controlArm === undefined ? {} : { controlArm }) };
}
