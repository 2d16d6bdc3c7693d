// Department files: found by name in the departments folders (or at a path
// the user gives), parsed with the same safe YAML parser as trial data,
// validated with zod (errors carry field path and line), logo embedded.
//
//   "icu"             -> <project>/themes/departments/icu.yaml, else the bundled one
//   "../our-dept.yaml" -> that file (a path the user typed is theirs to choose)
//   "../x", "%2e%2e"  -> refused: neither a name nor a .yaml path
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { TrialdeckError } from '../errors.js';
import { parseYaml } from '../trial/parse-yaml.js';
import { plural, zodProblems } from '../trial/zod-problems.js';
import { departmentSchema, type Department } from './department-schema.js';
import { loadLogo, type Logo } from './logo.js';
import { MESSAGES } from './messages.js';
import { DEFAULT_THEME_DIR, isThemeName } from './registry.js';

export const MAX_DEPARTMENT_BYTES = 64 * 1024;
const EXTENSIONS = ['.yaml', '.yml'];

export interface LoadedDepartment {
  /** Name of the generated theme: `dept-<file name>`. */
  themeName: string;
  file: string;
  department: Department;
  logo?: Logo;
}

/** Where department names are looked up, first match wins: the project's folder, then the bundled one. */
export function departmentDirs(cwd: string = process.cwd(), themeDir?: string): string[] {
  const dirs = [join(cwd, 'themes', 'departments'), ...(themeDir ? [join(themeDir, 'departments')] : []), join(DEFAULT_THEME_DIR, 'departments')];
  return [...new Set(dirs.map((d) => resolve(d)))];
}

/** Department names available in `dirs` (files named by the name rule). */
export async function listDepartments(dirs: readonly string[] = departmentDirs()): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of dirs) {
    for (const f of await readdir(dir).catch(() => [] as string[])) {
      const name = basename(f, extname(f));
      if (EXTENSIONS.includes(extname(f)) && isThemeName(name)) names.add(name);
    }
  }
  return [...names].sort();
}

/** A department name or a .yaml path -> the file to read. Names are matched against folder listings, never joined raw. */
export async function findDepartmentFile(spec: string, dirs: readonly string[] = departmentDirs()): Promise<string> {
  if (isThemeName(spec)) {
    for (const dir of dirs) {
      const entries = await readdir(dir).catch(() => [] as string[]);
      const entry = EXTENSIONS.map((ext) => `${spec}${ext}`).find((f) => entries.includes(f));
      if (entry) return join(dir, entry);
    }
    throw new TrialdeckError('THEME', MESSAGES.unknownDepartment(spec, dirs, await listDepartments(dirs)));
  }
  if (!spec.includes('\u0000') && EXTENSIONS.includes(extname(spec).toLowerCase())) return resolve(spec);
  throw new TrialdeckError('THEME', MESSAGES.badDepartmentName(spec));
}

/** `dept-` + the file name reduced to the name rule, so it can never clash with a folder theme's rules. */
export function departmentThemeName(file: string): string {
  const slug = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `dept-${slug || 'custom'}`;
}

export async function loadDepartment(spec: string, dirs?: readonly string[]): Promise<LoadedDepartment> {
  const file = await findDepartmentFile(spec, dirs);
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    size = info.size;
  } catch {
    throw new TrialdeckError('INPUT_NOT_FOUND', MESSAGES.departmentNotFound(file));
  }
  if (size > MAX_DEPARTMENT_BYTES) throw new TrialdeckError('INPUT_TOO_LARGE', MESSAGES.departmentTooLarge(file, MAX_DEPARTMENT_BYTES));
  return parseDepartment(await readFile(file, 'utf8'), file);
}

/** The in-memory half of loadDepartment (the logo is still read from disk, beside `file`). */
export async function parseDepartment(text: string, file: string): Promise<LoadedDepartment> {
  const { data, doc, lines } = parseYaml(text, file, 'department file');
  const parsed = departmentSchema.safeParse(data ?? {}, { reportInput: true });
  if (!parsed.success) {
    const problems = zodProblems(parsed.error, { file, doc, lines });
    throw new TrialdeckError('DATA_INVALID', MESSAGES.departmentInvalid(file, plural(problems.length, 'problem')), problems);
  }
  const department = parsed.data;
  const logo = department.logo === undefined ? undefined : await loadLogo(department.logo, dirname(file), file);
  return { themeName: departmentThemeName(file), file, department, logo };
}
