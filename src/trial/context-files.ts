// `context.trials[i].file`: another trial file in the same data folder, e.g.
// `eolia.yaml`. The loader reads it (with the same size limits and parsers),
// finds the named outcome and fills the entry's missing fields from it. Only
// files inside the folder of the trial being loaded are read: a name with
// `..`, an absolute path or a symlink leading out is refused with the field's
// path, as templates and themes are resolved inside known folders.
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { TrialdeckError } from '../errors.js';
import { COUNT_MEASURES, isContextMeasure, type ContextTrial } from './context-schema.js';
import type { Outcome, Trial } from './schema.js';

/** "Successful weaning (primary; competing risk)" and "successful  weaning" are the same outcome. */
export function outcomeKey(name: string): string {
  return name
    .replace(/\s*\((?:primary|secondary|competing|safety)\b[^()]*\)\s*$/i, '')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function findOutcome(trial: Trial, name: string): { outcome: Outcome; index: number } | undefined {
  const key = outcomeKey(name);
  const index = trial.results.findIndex((o) => outcomeKey(o.name) === key);
  return index >= 0 ? { outcome: trial.results[index]!, index } : undefined;
}

function escapeError(path: string, file: string, why: string): TrialdeckError {
  return new TrialdeckError('PATH_ESCAPE', `${path}: ${file} ${why}`, [{ path, message: `${file} ${why}` }]);
}

/** The absolute path of `name` inside `folder`, or a PATH_ESCAPE error naming `path`. */
export async function resolveInside(folder: string, name: string, path: string): Promise<string> {
  if (isAbsolute(name) || name.includes('\0')) throw escapeError(path, name, 'must be a file name inside the data folder');
  const target = resolve(folder, name);
  const rel = relative(folder, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) throw escapeError(path, name, 'is outside the data folder');
  let real: string;
  try {
    real = await realpath(target);
  } catch {
    throw new TrialdeckError('INPUT_NOT_FOUND', `${path}: ${name}: no such file in the data folder`, [{ path, message: `${name}: no such file` }]);
  }
  const realRel = relative(await realpath(folder), real);
  if (realRel.startsWith(`..${sep}`) || realRel === '..' || isAbsolute(realRel)) throw escapeError(path, name, 'leads outside the data folder');
  return real;
}

/** The other trial's numbers for one outcome, in the entry's measure when it has one. */
export function fillFromTrial(entry: ContextTrial, other: Trial, outcome: Outcome): ContextTrial {
  const filled: ContextTrial = {
    ...entry,
    name: entry.name ?? other.publication.acronym,
    year: entry.year ?? other.publication.year,
    design: entry.design ?? other.design.studyType,
    n: entry.n ?? (other.arms.every((a) => a.randomised !== undefined) ? other.arms.reduce((s, a) => s + (a.randomised ?? 0), 0) : other.enrolment.enrolled),
    definition: entry.definition ?? (outcomeKey(outcome.name) === outcomeKey(entry.outcome) ? undefined : outcome.name),
  };
  if (entry.ci || entry.counts) return filled;
  const effects = [outcome.effect, ...outcome.otherEffects].filter((e) => e?.reported && isContextMeasure(e.measure) && e.ci && e.ci.lower > 0);
  const effect = effects.find((e) => !entry.measure || e?.measure === entry.measure);
  if (effect?.ci && isContextMeasure(effect.measure)) {
    return { ...filled, measure: effect.measure, estimate: effect.estimate, ci: effect.ci };
  }
  const [a, b] = other.arms;
  const e = a && outcome.arms[a.id];
  const c = b && outcome.arms[b.id];
  const measure = entry.measure ?? 'RR';
  if (e?.kind === 'events' && c?.kind === 'events' && COUNT_MEASURES.includes(measure)) {
    return { ...filled, measure, counts: { experimental: { events: e.events, total: e.total }, control: { events: c.events, total: c.total } } };
  }
  return filled;
}

export type TrialLoader = (file: string) => Promise<Trial>;

/**
 * Fills every `file:` entry of `trial.context.trials` from the named file in
 * `trialFile`'s folder. `load` reads one trial without resolving its own
 * context (no chains, no cycles).
 */
export async function resolveContextFiles(trial: Trial, trialFile: string, load: TrialLoader): Promise<Trial> {
  try {
    return await resolveAll(trial, trialFile, load);
  } catch (err) {
    // Name the trial file whose field is wrong, not only the field.
    if (err instanceof TrialdeckError && err.problems.some((p) => p.path?.startsWith('context.'))) {
      throw new TrialdeckError(err.code, `${trialFile}: ${err.message}`, err.problems.map((p) => ({ file: trialFile, ...p })));
    }
    throw err;
  }
}

async function resolveAll(trial: Trial, trialFile: string, load: TrialLoader): Promise<Trial> {
  const entries = trial.context.trials;
  if (!entries.some((t) => t.file)) return trial;
  const folder = dirname(resolve(trialFile));
  // Several entries often name one file (one per outcome): read and validate it once.
  const loaded = new Map<string, Promise<Trial>>();
  const resolved: ContextTrial[] = [];
  for (const [i, entry] of entries.entries()) {
    if (!entry.file) {
      resolved.push(entry);
      continue;
    }
    const path = `context.trials[${i}]`;
    const real = await resolveInside(folder, entry.file, `${path}.file`);
    let pending = loaded.get(real);
    if (!pending) {
      pending = load(real);
      loaded.set(real, pending);
    }
    const other = await pending;
    const wanted = entry.fileOutcome ?? entry.outcome;
    const found = findOutcome(other, wanted);
    if (!found) {
      const field = entry.fileOutcome ? 'fileOutcome' : 'outcome';
      const names = other.results.map((o) => o.name).join('; ');
      throw new TrialdeckError('DATA_INVALID', `${path}.${field}: ${entry.file} has no outcome named "${wanted}"`, [
        { path: `${path}.${field}`, message: `${entry.file} has no outcome named "${wanted}" (it has: ${names})` },
      ]);
    }
    resolved.push(fillFromTrial(entry, other, found.outcome));
  }
  return { ...trial, context: { ...trial.context, trials: resolved } };
}
