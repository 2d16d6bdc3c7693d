// `trialdeck check <file> [--json]`: validation problems, then the number audit.
import { deriveEvidence } from '../evidence/index.js';
import type { ContextEvidence } from '../evidence/context-types.js';
import { methodLabel } from '../evidence/context-words.js';
import { ciLabel, formatRatio } from '../evidence/format.js';
import type { AuditFinding } from '../evidence/types.js';
import { TrialdeckError } from '../errors.js';
import { loadTrial } from '../trial/load.js';
import { parse } from './args.js';
import { dim, EXIT, green, printWarnings, yellow } from './report.js';

export const CHECK_USAGE = `Usage: trialdeck check <file> [--json] [--dl] [--hksj]

Validates trial data or a summary, prints every problem, then audits the
paper's numbers against recomputed ones (percentages, RR, RD, CI vs P).
  --json   print the normalised trial model and every derived statistic as JSON
  --dl     context meta-analysis: DerSimonian-Laird tau² instead of REML
  --hksj   context meta-analysis: Hartung-Knapp-Sidik-Jonkman CI instead of normal,
           its scale factor floored at 1 (identical studies would otherwise give a zero-width CI)`;

export async function checkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' }, dl: { type: 'boolean' }, hksj: { type: 'boolean' } }, CHECK_USAGE);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new TrialdeckError('USAGE', `expected exactly one file\n\n${CHECK_USAGE}`);
  const { trial, warnings } = await loadTrial(file);
  const evidence = deriveEvidence(trial, { mcid: trial.evidence?.mcid, meta: { method: values.dl ? 'DL' : 'REML', ci: values.hksj ? 'hksj-floor' : 'z' } });
  printWarnings([...warnings, ...evidence.warnings]);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ trial, evidence }, null, 2)}\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${green('✓')} ${file}: valid (${trial.results.length} outcomes, ${warnings.length} warning${warnings.length === 1 ? '' : 's'})\n`);
  process.stdout.write(formatAudit(evidence.audit));
  if (evidence.context) process.stdout.write(formatContext(evidence.context));
  return EXIT.ok;
}

/** One line per pooled outcome; `--json` carries every number (evidence.context). */
export function formatContext(ctx: ContextEvidence): string {
  let out = `\nContext: ${ctx.analyses.length} pooled analys${ctx.analyses.length === 1 ? 'is' : 'es'} (random effects, ${methodLabel(ctx)}), ${ctx.excluded.length} stud${ctx.excluded.length === 1 ? 'y' : 'ies'} left out\n`;
  for (const a of ctx.analyses) {
    const w = a.with;
    out += `  ${a.outcome} (${a.measure}, ${w.k} studies): ${formatRatio(w.ratio)} (${ciLabel(w.level)} ${formatRatio(w.ratioLower)} to ${formatRatio(w.ratioUpper)}); I² ${w.i2.toFixed(0)}%\n`;
  }
  for (const e of ctx.excluded) out += `  ${dim('left out')} ${e.name}: ${e.text}\n`;
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
