// The ClinicalTrials.gov importer: an API v2 study record → trial data.
//
//   record ─► studies ─► protocol: arms (experimental first), design, eligibility
//                      ├► flow ──────► randomised per arm, flow paragraph
//                      ├► outcomes ──► rows per class × category, analyses as effects
//                      ├► safety ────► deaths, any SAE, frequent SAE terms
//                      ├► baseline ──► baseline table
//                      └► references ► bibliography, main-paper guess
//          ─► rows capped, headline first ─► TrialInput + warnings + sources
import { TrialdeckError, type Diagnostic } from '../../errors.js';
import { slugify } from '../../trial/trial-id.js';
import type { TrialInput } from '../../trial/schema.js';
import type { OutcomeInput } from '../types.js';
import { readBaseline } from './baseline.js';
import { readFlow } from './flow.js';
import { CTGOV_WARNINGS, CtgovReport } from './messages.js';
import { MAX_OUTCOME_ROWS, readMeasure, UnstatedDirections, type OutcomeRow } from './outcomes.js';
import { funding, isControlArm, readArms, readDesign, registryPublication } from './protocol.js';
import type { Study } from './record.js';
import { bibliography, mainPaper } from './references.js';
import { readSafety } from './safety.js';
import { GroupTally } from './tally.js';
import { toCount, unescapeText } from './values.js';

export { studiesOf, type Study } from './record.js';
export { CTGOV_WARNINGS, isDecision } from './messages.js';

export interface CtgovImport {
  nctId: string;
  trial: TrialInput;
  warnings: Diagnostic[];
  /** Rows with the arm order their analysis states, for `effect.comparison`. */
  comparisons: Map<OutcomeInput, { arm: string; vs: string }>;
  mainPaperPmid?: string;
}

/**
 * The record → trial. A record of the wrong shape (a string where a list
 * belongs, a number for an object) becomes INPUT_UNSUPPORTED with the cause,
 * never a crash: records come from the network and from users' downloads.
 */
export function importCtgovStudy(study: Study, file?: string): CtgovImport {
  try {
    return importStudy(study, file);
  } catch (err) {
    if (err instanceof TrialdeckError) throw err;
    const nct = typeof study.protocolSection?.identificationModule?.nctId === 'string' ? study.protocolSection.identificationModule.nctId : 'record';
    throw new TrialdeckError(
      'INPUT_UNSUPPORTED',
      `${file ? `${file}: ` : ''}${nct} does not have the shape of a ClinicalTrials.gov API v2 study (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

function importStudy(study: Study, file?: string): CtgovImport {
  const report = new CtgovReport(file);
  const id = study.protocolSection?.identificationModule ?? {};
  const nctId = id.nctId ?? 'NCT-unknown';
  const { arms, groups } = readArms(study);
  if (arms.length < 2) throw new TrialdeckError('INPUT_UNSUPPORTED', `${nctId}: the record lists ${arms.length} arm${arms.length === 1 ? '' : 's'}; a deck compares at least two`);
  if (!study.resultsSection?.outcomeMeasuresModule?.outcomeMeasures?.length) {
    throw new TrialdeckError('INPUT_UNSUPPORTED', `${nctId}: the record has no posted results (resultsSection.outcomeMeasuresModule); nothing to put on the results slides`);
  }
  const controlIndex = groups.findIndex(isControlArm);
  const controlId = controlIndex >= 0 ? arms[controlIndex]?.id : undefined;
  if (controlId === undefined) {
    report.warn(CTGOV_WARNINGS.DECIDE_CONTROL, `no arm is typed or named as a control; "${arms[1]!.label}" is used as the comparator`, 'protocolSection.armsInterventionsModule.armGroups');
  }
  const tally = new GroupTally();
  const flow = readFlow(study, arms, tally);
  const unstated = new UnstatedDirections();
  const measureRows = (study.resultsSection.outcomeMeasuresModule.outcomeMeasures ?? []).flatMap((m, i) => readMeasure(m, i, arms, controlId, tally, unstated, report));
  unstated.report(arms, report);
  const kept = capRows(measureRows, study, report);
  const ordered = headlineFirst(kept, report);
  const safety = readSafety(study, arms, tally, report);
  const baseline = readBaseline(study, arms, tally);
  tally.report(report);

  const paper = mainPaper(study);
  if (paper) {
    const alt = paper.others.length ? `; other candidates: ${paper.others.map((r) => `PMID ${r.pmid ?? '?'} (${r.type})`).join(', ')}` : '';
    report.warn(
      CTGOV_WARNINGS.DECIDE_MAIN_PAPER,
      `the main paper looks like PMID ${paper.ref.pmid ?? '?'} (typed ${paper.ref.type}): "${unescapeText(paper.ref.citation)}"${alt}. The deck cites the registry record until you merge the paper with --pubmed <efetch.xml>`,
      'protocolSection.referencesModule',
    );
  }
  const status = study.protocolSection?.statusModule;
  const enrolment = study.protocolSection?.designModule?.enrollmentInfo;
  const enrolled = enrolment?.type !== 'ESTIMATED' ? toCount(enrolment?.count) : undefined;
  const publication = { ...registryPublication(study, undefined), registration: `ClinicalTrials.gov ${nctId}` };
  const fund = funding(study);
  if (fund) publication.funding = fund;
  const summary = unescapeText(study.protocolSection?.descriptionModule?.briefSummary);
  const source = `ctgov:${nctId}`;
  const trial: TrialInput = {
    id: slugify(publication.acronym),
    publication,
    context: { background: summary ? summary.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean) : [], whyItMatters: [] },
    design: { ...readDesign(study, arms, groups), ...(controlId ? { controlArm: controlId } : {}), ...trialHypothesis(ordered[0]) },
    arms: arms.map((a) => ({ id: a.id, label: a.label, ...(flow.randomised.has(a.id) ? { randomised: flow.randomised.get(a.id) } : {}) })),
    enrolment: { ...(enrolled !== undefined ? { enrolled } : {}), ...(status?.overallStatus === 'TERMINATED' ? { stoppedEarly: true } : {}) },
    ...(flow.text ? { resultsIntro: flow.text } : {}),
    results: [...ordered.map((r) => r.outcome), ...safety],
    ...(baseline ? { baseline } : {}),
    bibliography: bibliography(study),
    sources: Object.fromEntries(['publication', 'context.background', 'design', 'arms', 'enrolment', 'resultsIntro', 'results', 'baseline', 'bibliography'].map((k) => [k, source])),
  };
  const comparisons = new Map<OutcomeInput, { arm: string; vs: string }>();
  for (const r of ordered) if (r.comparison) comparisons.set(r.outcome, r.comparison);
  return { nctId, trial, warnings: report.warnings, comparisons, ...(paper?.ref.pmid ? { mainPaperPmid: paper.ref.pmid } : {}) };
}

/** The headline analysis' non-inferiority or equivalence type is the trial's hypothesis. */
function trialHypothesis(head: OutcomeRow | undefined): Pick<TrialInput['design'], 'hypothesis'> {
  const h = head?.outcome.hypothesis;
  return h ? { hypothesis: h } : {};
}

/** Keep primary and analysed measures whole; fill the rest of the budget with the smallest other measures. */
function capRows(rows: OutcomeRow[], study: Study, report: CtgovReport): OutcomeRow[] {
  if (rows.length <= MAX_OUTCOME_ROWS) return rows;
  const byMeasure = new Map<number, OutcomeRow[]>();
  for (const r of rows) byMeasure.set(r.measure, [...(byMeasure.get(r.measure) ?? []), r]);
  const must = [...byMeasure].filter(([, rs]) => rs.some((r) => r.analysed || r.outcome.role === 'primary'));
  let budget = MAX_OUTCOME_ROWS - must.reduce((s, [, rs]) => s + rs.length, 0);
  const keep = new Set(must.map(([m]) => m));
  const optional = [...byMeasure].filter(([m]) => !keep.has(m)).sort((a, b) => a[1].length - b[1].length || a[0] - b[0]);
  const dropped: string[] = [];
  for (const [m, rs] of optional) {
    if (rs.length <= budget) {
      keep.add(m);
      budget -= rs.length;
    } else {
      dropped.push(`"${unescapeText(study.resultsSection?.outcomeMeasuresModule?.outcomeMeasures?.[m]?.title)}" (${rs.length} rows)`);
    }
  }
  if (dropped.length > 0) {
    report.warn(
      CTGOV_WARNINGS.ROWS_LEFT_OUT,
      `the record posts ${rows.length} outcome rows; to keep the deck readable these ${dropped.length} measures without an analysis are left out: ${dropped.join('; ')}`,
      'resultsSection.outcomeMeasuresModule',
    );
  }
  return rows.filter((r) => keep.has(r.measure));
}

/** The first primary row with an estimate leads (the primary-outcome slide shows it); a human confirms. */
function headlineFirst(rows: OutcomeRow[], report: CtgovReport): OutcomeRow[] {
  const primaries = rows.filter((r) => r.outcome.role === 'primary');
  const head = primaries.find((r) => r.outcome.effect?.estimate !== undefined) ?? primaries[0] ?? rows[0];
  if (!head) return rows;
  const analyses = rows.filter((r) => r.outcome.role === 'primary' && r.outcome.effect).length;
  if (primaries.length > 1 || analyses > 1 || (head.outcome.otherEffects?.length ?? 0) > 0) {
    report.warn(
      CTGOV_WARNINGS.DECIDE_HEADLINE,
      `headline outcome: "${head.outcome.name}" (the first primary row${head.outcome.effect ? ' with an analysis' : ''}); the record has ${primaries.length} primary rows and ${analyses} with analyses. Move the one the paper leads with to the top of results`,
    );
  }
  if (primaries.length === 0) report.warn(CTGOV_WARNINGS.DECIDE_HEADLINE, `no outcome is typed PRIMARY; "${head.outcome.name}" leads the results`);
  return [head, ...rows.filter((r) => r !== head)];
}
