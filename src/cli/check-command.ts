// `trialdeck check <file> [--json]`: validation problems, then the number audit.
import { deriveEvidence } from '../evidence/index.js';
import type { AuditFinding } from '../evidence/types.js';
import { TrialdeckError } from '../errors.js';
import { loadTrial } from '../trial/load.js';
import { parse } from './args.js';
import { dim, EXIT, green, printWarnings, yellow } from './report.js';

export const CHECK_USAGE = `Usage: trialdeck check <file> [--json]

Validates trial data or a summary, prints every problem, then audits the
paper's numbers against recomputed ones (percentages, RR, RD, CI vs P).
  --json   print the normalised trial model and every derived statistic as JSON`;

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, CHECK_USAGE);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new TrialdeckError('USAGE', `expected exactly one file\n\n${CHECK_USAGE}`);
  const { trial, warnings } = await loadTrial(file);
  const evidence = deriveEvidence(trial, { mcid: trial.evidence?.mcid });
  printWarnings([...warnings, ...evidence.warnings]);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ trial, evidence }, null, 2)}\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${green('✓')} ${file}: valid (${trial.results.length} outcomes, ${warnings.length} warning${warnings.length === 1 ? '' : 's'})\n`);
  process.stdout.write(formatAudit(evidence.audit));
  return EXIT.ok;
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
