// `trialdeck check <file> [--json]`: validation problems, the number audit,
// what the primary means in absolute terms and in power, and the words the
// prose uses that its numbers do not carry.
import { readFile } from 'node:fs/promises';
import { deriveEvidence } from '../evidence/index.js';
import type { AuditFinding, ClaimFlag, Evidence } from '../evidence/types.js';
import { TrialdeckError } from '../errors.js';
import { loadTrial } from '../trial/load.js';
import { parse } from './args.js';
import { locateClaims } from './claim-lines.js';
import { dim, EXIT, green, printWarnings, yellow } from './report.js';

export const CHECK_USAGE = `Usage: trialdeck check <file> [--json]

Validates trial data or a summary, prints every problem, then audits the
paper's numbers against recomputed ones (percentages, RR, RD, CI vs P),
translates the primary into absolute risks, sets the design's power against
the effect the data could detect, and lists every claim in the prose that the
numbers do not carry (words vs numbers), with its line.
  --json   print the normalised trial model and every derived statistic as JSON`;

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, CHECK_USAGE);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new TrialdeckError('USAGE', `expected exactly one file\n\n${CHECK_USAGE}`);
  const { trial, warnings, format } = await loadTrial(file);
  const derived = deriveEvidence(trial, { mcid: trial.evidence?.mcid });
  // The file was read and validated a moment ago; reading it again only to place the flags is cheap.
  const evidence: Evidence = { ...derived, claims: locateClaims(derived.claims, await readFile(file, 'utf8'), file, format) };
  printWarnings([...warnings, ...evidence.warnings]);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ trial, evidence }, null, 2)}\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${green('✓')} ${file}: valid (${trial.results.length} outcomes, ${warnings.length} warning${warnings.length === 1 ? '' : 's'})\n`);
  process.stdout.write(formatAudit(evidence.audit));
  process.stdout.write(formatPrimary(evidence));
  process.stdout.write(formatClaims(evidence.claims, file));
  return EXIT.ok;
}

export function formatPrimary(evidence: Evidence): string {
  const { absolute, power } = evidence;
  if (!absolute && !power) return '';
  let out = '\nPrimary outcome in absolute terms and power\n';
  if (absolute) out += `  ${absolute.text}\n    (${absolute.method})\n`;
  if (power) out += `  Assumed: ${power.assumedText}\n  Actual: ${power.detectableText}\n`;
  return out;
}

export function formatClaims(flags: readonly ClaimFlag[], file: string): string {
  let out = `\nWords vs numbers: ${flags.length} claim${flags.length === 1 ? '' : 's'} the numbers do not carry (categories after Boutron et al. 2010)\n`;
  for (const f of flags) {
    const where = f.line === undefined ? file : `${file}:${f.line}`;
    out += `  ${where} ${f.path} [${yellow(f.category)}]\n    “${f.sentence}”\n`;
    if (f.outcome) out += `    ${f.outcome}: ${f.ciText}\n`;
    out += `    ${dim(f.message)}\n`;
  }
  if (flags.length === 0) out += '  No direction, sameness or power claim in the prose goes beyond its numbers.\n';
  return out;
}

export function formatAudit(findings: readonly AuditFinding[]): string {
  const checked = findings.length;
  const off = findings.filter((f) => f.severity !== 'ok');
  let out = `\nNumber audit: ${checked} reported number${checked === 1 ? '' : 's'} recomputed, ${off.length} differ${off.length === 1 ? 's' : ''}\n`;
  for (const f of off) {
    const tag = f.severity === 'material' ? yellow('material') : dim('minor');
    out += `  [${tag}] ${f.outcomeName}: ${f.compared}\n    reported ${f.reportedText}; recomputed ${f.recomputedText}\n    ${f.message}\n`;
  }
  if (off.length === 0) out += '  Every recomputed number agrees with the paper within rounding.\n';
  return out;
}
