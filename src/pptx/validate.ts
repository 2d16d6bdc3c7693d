// Checks a finished package the way PowerPoint's loader would before the
// repair dialog: every XML part well-formed, every content-type override
// naming a part that exists, every part with a content type, and every
// internal relationship pointing at a part that exists.
import { posix } from 'node:path';
import { xmlProblem } from './well-formed.js';

const text = (v: Uint8Array | string): string => (typeof v === 'string' ? v : Buffer.from(v).toString('utf8'));

/** The part a relationship in `relsName` points at (`ppt/slides/_rels/slide1.xml.rels` + `../media/a.png`). */
export function relTarget(relsName: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  // `<folder>/_rels/<part>.rels` describes `<folder>/<part>`; `_rels/.rels` the package root.
  const folder = posix.dirname(posix.dirname(relsName));
  return posix.normalize(posix.join(folder, target));
}

export function validatePackage(files: ReadonlyMap<string, Uint8Array | string>): string[] {
  const problems: string[] = [];
  for (const [name, content] of files) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const problem = xmlProblem(text(content));
    if (problem) problems.push(`${name}: not well-formed (${problem})`);
  }
  const types = text(files.get('[Content_Types].xml') ?? '');
  const overrides = [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1] ?? '');
  for (const part of overrides) if (!files.has(part)) problems.push(`[Content_Types].xml: override for missing part /${part}`);
  const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => (m[1] ?? '').toLowerCase()));
  for (const name of files.keys()) {
    if (name === '[Content_Types].xml') continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!defaults.has(ext) && !overrides.includes(name)) problems.push(`${name}: no content type`);
  }
  for (const [name, content] of files) {
    if (!name.endsWith('.rels')) continue;
    for (const m of text(content).matchAll(/<Relationship\b([^>]*)\/?>/g)) {
      const attrs = m[1] ?? '';
      if (/TargetMode="External"/.test(attrs)) continue;
      const target = /Target="([^"]*)"/.exec(attrs)?.[1];
      if (target === undefined) continue;
      const part = relTarget(name, target);
      if (!files.has(part)) problems.push(`${name}: relationship target ${target} (${part}) does not exist`);
    }
  }
  return problems;
}
