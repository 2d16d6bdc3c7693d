// The output folder name: the trial's `id`, or its acronym slugified.
import type { Trial } from './schema.js';

export function slugify(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return slug || 'trial';
}

export function trialId(trial: Trial): string {
  return trial.id ?? slugify(trial.publication.acronym);
}
