// validate stage: unknown data -> Trial, or one TrialdeckError listing every
// problem with its field path and, for YAML/JSON files, its line:column.
import { TrialdeckError, type Diagnostic } from '../errors.js';
import { trialSchema, type Trial } from './schema.js';
import { checkConsistency } from './consistency.js';
import { locateSegments, plural, zodProblems, type SourceMap } from './zod-problems.js';

export type { SourceMap } from './zod-problems.js';

export interface Validated {
  trial: Trial;
  warnings: Diagnostic[];
}

export function validateTrial(data: unknown, source: SourceMap): Validated {
  const parsed = trialSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, source);
    throw new TrialdeckError('DATA_INVALID', `${source.file}: invalid trial data (${plural(problems.length, 'problem')})`, problems);
  }
  const found = checkConsistency(parsed.data).map((d) => ({ ...d, file: source.file, ...locate(d.path ?? '', source) }));
  const errors = found.filter((d) => d.level === 'error');
  if (errors.length > 0) {
    throw new TrialdeckError('DATA_INVALID', `${source.file}: inconsistent trial data (${plural(errors.length, 'problem')})`, errors);
  }
  return { trial: parsed.data, warnings: found };
}

function locate(path: string, source: SourceMap): { line?: number; column?: number } {
  const segs: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segs.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
  return locateSegments(segs, source);
}
