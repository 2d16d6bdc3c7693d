// `trialdeck import <summary.txt | record.json | pubmed.xml | NCT…> [options]`
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { TrialdeckError, type Diagnostic } from '../errors.js';
import { CTGOV_WARNINGS, importCtgovStudy, isDecision, studiesOf } from '../import/ctgov/index.js';
import { fetchRegistryRecord, isNctId, MAX_RECORD_BYTES } from '../import/fetch-registry.js';
import { importSummary, trialToYaml } from '../import/index.js';
import { mergeSources } from '../import/merge.js';
import { importPubmed, readPubmedArticles } from '../import/pubmed/index.js';
import { MAX_XML_BYTES } from '../import/pubmed/parse-xml.js';
import type { TrialInput } from '../trial/schema.js';
import { MAX_INPUT_BYTES, MAX_INPUT_TEXT } from '../trial/load.js';
import { validateTrial } from '../trial/validate.js';
import { parse } from './args.js';
import { bold, EXIT, printWarnings } from './report.js';

export const IMPORT_USAGE = `Usage: trialdeck import <input> [-o file.yaml | folder] [options]

Writes trial data as YAML (to stdout unless -o is given). <input> is one of:
  notes.txt / .md        a trial summary in the plain-text summary format
  NCT….json              a ClinicalTrials.gov API v2 record, or a {"studies": […]}
                         search response (one YAML per study; -o names a folder)
  paper.xml              a PubMed efetch PubmedArticleSet (citation and abstract;
                         arms and outcomes are left as placeholders)
  NCT01234567            fetches that record from the registry (the only command
                         that uses the network)
Options:
  --pubmed <paper.xml>   merge the paper's citation and abstract into a registry import
  --summary <notes.txt>  merge the presenter's appraisal prose into a registry import
  --registry <url>       registry API base (default https://clinicaltrials.gov/api/v2)
  --timeout <seconds>    give up on the registry after this long (default 20)
Warnings are printed at the end; "to decide" lists what a human must check.`;

async function readInput(file: string, limit: number, what: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch {
    throw new TrialdeckError('INPUT_NOT_FOUND', `${file}: no such file`);
  }
  if (size > limit) throw new TrialdeckError('INPUT_TOO_LARGE', `${file}: ${Math.ceil(size / 1024)} KB is over the ${Math.round(limit / 1024)} KB limit for ${what}`);
  return readFile(file, 'utf8');
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new TrialdeckError('INPUT_UNSUPPORTED', `${file}: not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

interface Imported {
  name: string;
  trial: TrialInput;
  warnings: Diagnostic[];
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      output: { type: 'string', short: 'o' },
      pubmed: { type: 'string' },
      summary: { type: 'string' },
      registry: { type: 'string' },
      timeout: { type: 'string' },
    },
    IMPORT_USAGE,
  );
  const [input, ...extra] = positionals;
  if (!input || extra.length > 0) throw new TrialdeckError('USAGE', `expected exactly one input\n\n${IMPORT_USAGE}`);
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const pubmedFile = str(values.pubmed);
  const summaryFile = str(values.summary);
  const online = isNctId(input) && !existsSync(input);
  const ext = extname(input).toLowerCase();
  const isRegistry = online || ext === '.json';
  if ((pubmedFile || summaryFile) && !isRegistry) throw new TrialdeckError('USAGE', `--pubmed and --summary merge into a registry import: give a record .json or an NCT number\n\n${IMPORT_USAGE}`);
  if ((values.registry !== undefined || values.timeout !== undefined) && !online) throw new TrialdeckError('USAGE', '--registry and --timeout apply only when <input> is an NCT number');

  let results: Imported[];
  if (isRegistry) {
    let json: unknown;
    if (online) {
      const seconds = values.timeout === undefined ? undefined : Number(values.timeout);
      if (seconds !== undefined && !(seconds > 0)) throw new TrialdeckError('USAGE', '--timeout expects a number of seconds above 0');
      process.stderr.write(`fetching ${input.toUpperCase()} from ${str(values.registry) ?? 'ClinicalTrials.gov'}…\n`);
      json = await fetchRegistryRecord(input, { registry: str(values.registry), ...(seconds ? { timeoutMs: seconds * 1000 } : {}) });
    } else {
      json = parseJson(await readInput(input, MAX_RECORD_BYTES, 'registry records'), input);
    }
    const studies = studiesOf(json, input);
    if ((pubmedFile || summaryFile) && studies.length > 1) throw new TrialdeckError('USAGE', `${input} holds ${studies.length} studies; --pubmed/--summary merge into one`);
    const articles = pubmedFile ? readPubmedArticles(await readInput(pubmedFile, MAX_XML_BYTES, 'PubMed XML'), pubmedFile) : [];
    const article = articles[0];
    if (articles.length > 1) {
      throw new TrialdeckError('USAGE', `${pubmedFile}: ${articles.length} articles (PMIDs ${articles.map((a) => a.pmid).join(', ')}); --pubmed merges one: fetch only the trial's main paper`);
    }
    const summary = summaryFile ? importSummary(await readInput(summaryFile, MAX_INPUT_BYTES, 'summaries'), summaryFile) : undefined;
    results = studies.map((study) => {
      const reg = importCtgovStudy(study, online ? input.toUpperCase() : input);
      if (!article && !summary) return { name: reg.nctId, trial: reg.trial, warnings: reg.warnings };
      const merged = mergeSources({ registry: reg, ...(article ? { pubmed: article } : {}), ...(summary && summaryFile ? { summary: { trial: summary.trial, file: summaryFile } } : {}) });
      // The summary's own results table is not used (numbers come from the registry), so neither are its warnings.
      // The registry's main-paper question is answered when that very paper was merged.
      const regWarnings = reg.warnings.filter((w) => !(w.code === CTGOV_WARNINGS.DECIDE_MAIN_PAPER && article && article.pmid === reg.mainPaperPmid));
      return { name: reg.nctId, trial: merged.trial, warnings: [...regWarnings, ...(summary?.warnings ?? []).filter((w) => !w.path?.startsWith('results')), ...merged.warnings] };
    });
  } else if (ext === '.xml') {
    results = importPubmed(await readInput(input, MAX_XML_BYTES, 'PubMed XML'), input).map((r) => ({ name: `pmid-${r.article.pmid}`, trial: r.trial, warnings: r.warnings }));
  } else {
    const text = await readInput(input, MAX_INPUT_BYTES, `summaries (${MAX_INPUT_TEXT})`);
    const imported = importSummary(text, input);
    results = [{ name: input, trial: imported.trial, warnings: imported.warnings }];
  }

  const out = str(values.output);
  const warnings: Diagnostic[] = [];
  const files: { path?: string; yaml: string }[] = [];
  for (const r of results) {
    // Validate before writing so the YAML we hand out always builds.
    const { warnings: more } = validateTrial(r.trial, { file: r.name });
    warnings.push(...r.warnings, ...more);
    files.push({ yaml: trialToYaml(r.trial), ...(results.length > 1 ? { path: join(out ?? '.', `${r.name.toLowerCase()}.yaml`) } : out ? { path: out } : {}) });
  }
  if (results.length > 1) {
    if (out && /\.ya?ml$/i.test(out)) throw new TrialdeckError('USAGE', `${results.length} studies give ${results.length} files: -o must name a folder, not ${out}`);
    await mkdir(out ?? '.', { recursive: true });
  }
  for (const f of files) {
    if (!f.path) {
      process.stdout.write(f.yaml);
      continue;
    }
    const tmp = `${f.path}.tmp-${process.pid}`;
    await writeFile(tmp, f.yaml);
    await rename(tmp, f.path);
    process.stderr.write(`wrote ${f.path}\n`);
  }
  printWarnings(warnings.filter((w) => !isDecision(w)));
  const decide = warnings.filter(isDecision);
  if (decide.length > 0) {
    process.stderr.write(`\n${bold('To decide')} (${decide.length}):\n`);
    decide.forEach((w, i) => process.stderr.write(`  ${i + 1}. ${w.message}\n`));
  }
  return EXIT.ok;
}
