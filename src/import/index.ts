// The summary importer: plain-text trial summary (the format of
// LEVOECMO-summary.txt) → trial data, plus warnings for what it had to guess.
//
//   text ─► lines ─► sections ─┬─► bibliography ─► citation reader
//                              ├─► publication, context, design
//                              ├─► results table ─► arms, quantities, effects, roles
//                              └─► validity, strengths/limitations, interpretation, lists
//        ─► problems? throw SUMMARY_INVALID : validate with trialSchema ─► ImportResult
import { TrialdeckError, type Diagnostic, type Problem } from '../errors.js';
import { formatPath } from '../trial/parse-yaml.js';
import { trialSchema, type TrialInput } from '../trial/schema.js';
import { slugify } from '../trial/trial-id.js';
import { primaryDefinition } from './definition.js';
import { inferRob2 } from './rob2.js';
import { parseBulletList, parseInterpretation, parseParagraphs, parseStrengthsLimitations, parseValidity } from './appraisal.js';
import { classify, textItems } from './bullets.js';
import { Citations, parseBibliography } from './citations.js';
import { parseContext } from './context.js';
import { treatmentNames } from './comparisons.js';
import { parseDesign } from './design.js';
import { applyDesignKind, inferDesignKind } from './design-kind.js';
import { MESSAGES } from './messages.js';
import { parsePublication } from './publication.js';
import { ImportReport } from './report.js';
import { parseResults } from './results.js';
import { splitSections, toLines } from './sections.js';

export { trialToYaml, YAML_SCHEMA_COMMENT } from './to-yaml.js';
export { parseQuantity } from './quantity.js';
export { parseEffect, parseNoteEffects } from './effect.js';
export { IMPORT_WARNINGS, type ImportWarningCode } from './messages.js';

export interface ImportResult {
  trial: TrialInput;
  warnings: Diagnostic[];
}

/** Drop empty lists and undefined fields so the YAML only says what the summary said. */
function prune<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

export function importSummary(text: string, file?: string): ImportResult {
  const report = new ImportReport(file);
  const sections = splitSections(toLines(text), report);

  const bibSection = sections.bibliography;
  const bibliography = bibSection ? parseBibliography(textItems(classify(bibSection.lines)), report) : [];
  const cite = new Citations(bibliography.length, report);

  const publication = parsePublication(sections.publication, report);
  const results = parseResults(sections.results, cite, report);
  const context = parseContext(sections.context, cite, report);
  const internalValidity = parseValidity(sections.internalValidity, 'internalValidity', cite, report);
  const externalValidity = parseValidity(sections.externalValidity, 'externalValidity', cite, report);
  const design = parseDesign(sections.design, results ? treatmentNames(results.arms, results.controlArm) : [], cite, report);
  if (design.randomisation === undefined) {
    // The format has no Randomisation field; the Internal Validity item about it says the same thing.
    const item = internalValidity.items.find((it) => /randomi[sz]/i.test(it.aspect));
    if (item) design.randomisation = item.text;
  }
  const { strengths, limitations } = parseStrengthsLimitations(sections.strengthsLimitations, cite, report);

  report.throwIfProblems();
  if (!publication || !results) throw new TrialdeckError('INTERNAL', 'importer lost a problem report');
  const primary = results.results.find((r) => r.role === 'primary');
  const definition = primaryDefinition([design.followUp, design.statistics?.text, design.question], primary);
  if (primary && definition && !primary.definition) primary.definition = definition;
  const kind = applyDesignKind(inferDesignKind(sections.design?.lines ?? []), results.results, design.statistics, report);

  const trial: TrialInput = prune({
    id: slugify(publication.acronym),
    publication,
    context: prune({
      background: context.background,
      question: context.question,
      hypothesis: context.hypothesis,
      whyItMatters: context.whyItMatters,
    }),
    design: prune({
      question: design.question,
      studyType: design.studyType,
      setting: design.setting,
      population: prune(design.population),
      intervention: design.intervention,
      comparator: design.comparator,
      blinding: design.blinding,
      randomisation: design.randomisation,
      statistics: design.statistics,
      followUp: design.followUp,
      controlArm: results.controlArm,
      type: kind.type,
      cluster: kind.cluster,
      crossover: kind.crossover,
      factorial: kind.factorial,
      hypothesis: kind.hypothesis,
    }),
    arms: results.arms,
    enrolment: results.enrolment,
    resultsIntro: results.resultsIntro,
    results: results.results,
    resultsSummary: results.resultsSummary,
    internalValidity: prune(internalValidity),
    externalValidity: prune(externalValidity),
    strengths,
    limitations,
    interpretation: parseInterpretation(sections.interpretation, cite),
    controversies: parseBulletList(sections.controversies, 'controversies', cite),
    summary: parseBulletList(sections.summary, 'summary', cite),
    takeaway: parseParagraphs(sections.takeaway, 'takeaway', cite),
    overallSummary: parseBulletList(sections.overallSummary, 'overallSummary', cite),
    bibliography,
    rob2: inferRob2(internalValidity.items),
  });

  const checked = trialSchema.safeParse(trial);
  if (!checked.success) {
    const problems: Problem[] = checked.error.issues.map((issue) => ({
      message: issue.message,
      path: formatPath(issue.path),
      ...(file === undefined ? {} : { file }),
    }));
    throw new TrialdeckError('SUMMARY_INVALID', MESSAGES.summaryInvalid(file, problems), problems);
  }
  return { trial, warnings: report.warnings };
}
