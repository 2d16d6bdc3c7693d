// Hostile or mistaken theme input: names that try to be paths, CSS that does
// not name itself, logos that are missing, not images, too big or outside the
// department's folder (symbolic links included). Each test fails if its check
// is removed: they assert the specific error, not just "some error".
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrialdeckError } from '../../src/errors.js';
import { findDepartmentFile, loadDepartment } from '../../src/themes/department.js';
import { sniffImage } from '../../src/themes/logo.js';
import { clearThemeCache, listThemes, resolveTheme } from '../../src/themes/registry.js';

const fixtures = fileURLToPath(new URL('./fixtures/department', import.meta.url));
const PNG = join(fixtures, 'logo.png');
let work: string;

async function failure(p: Promise<unknown>): Promise<TrialdeckError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TrialdeckError) return err;
    throw err;
  }
  throw new Error('expected a TrialdeckError, but it succeeded');
}

/** A department folder with a department file whose logo is `logo`. */
function department(name: string, logo: string): { dir: string; file: string } {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'dept.yaml');
  writeFileSync(file, `name: Test\nlogo: ${JSON.stringify(logo)}\n`);
  return { dir, file };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'td-theme-input-'));
  // Outside every department folder below: the target of the escape attempts.
  copyFileSync(PNG, join(work, 'outside.png'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  clearThemeCache();
});

describe('theme names resolve inside the themes folder only', () => {
  it.each(['../clinical', '../../etc/passwd', '/etc/passwd', '%2e%2e', '%2e%2e%2fclinical', 'clin\u0000ical', 'Clinical', 'clinical.css', '', '-x'])(
    'refuses %j as a name, before any lookup',
    async (name) => {
      const err = await failure(resolveTheme(name));
      expect(err.code).toBe('THEME');
      expect(err.message).toMatch(/^invalid theme name .*never by a path/);
    },
  );

  it('an unknown name lists the available themes', async () => {
    const err = await failure(resolveTheme('neurology'));
    expect(err.message).toBe('unknown theme "neurology"; available themes: accessible, cardiology, clinical, icu');
  });

  it('a CSS file without /* @theme */ is an error naming the file', async () => {
    const dir = join(work, 'no-theme');
    mkdirSync(dir);
    writeFileSync(join(dir, 'plain.css'), 'section { color: red; }\n');
    const err = await failure(listThemes(dir));
    expect(err.code).toBe('THEME');
    expect(err.message).toBe(`${join(dir, 'plain.css')}: no /* @theme <name> */ comment; every theme CSS must name itself`);
  });

  it('a theme may only @import a theme of the set (a URL would be fetched by the browser)', async () => {
    const dir = join(work, 'bad-import');
    mkdirSync(dir);
    writeFileSync(join(dir, 'x.css'), "/* @theme x */\n@import 'https://cdn.example/evil.css';\nsection {}\n");
    const err = await failure(listThemes(dir));
    expect(err.message).toMatch(/x\.css: @import 'https:\/\/cdn\.example\/evil\.css' names no theme/);
  });

  it('a theme whose @theme name breaks the name rule is refused', async () => {
    const dir = join(work, 'bad-name');
    mkdirSync(dir);
    writeFileSync(join(dir, 'x.css'), '/* @theme My_Theme */\nsection {}\n');
    expect((await failure(listThemes(dir))).message).toMatch(/theme name "My_Theme" must be lower-case/);
  });
});

describe('department names resolve inside the departments folders only', () => {
  it('finds a name by listing the folder', async () => {
    expect(await findDepartmentFile('ward-7', [fixtures])).toBe(join(fixtures, 'ward-7.yaml'));
  });

  it.each(['../ward-7', '..%2fward-7', '%2e%2e', 'ward\u0000-7', 'Ward-7', '/etc/passwd', 'ward-7.css'])('refuses %j', async (spec) => {
    const err = await failure(findDepartmentFile(spec, [fixtures]));
    expect(err.message).toMatch(/^invalid department .*give a name from themes\/departments\//);
  });

  it('an unknown name lists what is there', async () => {
    const err = await failure(findDepartmentFile('cardio', [fixtures]));
    expect(err.message).toMatch(/^unknown department "cardio": no cardio\.yaml in .*; available: ward-7/);
  });

  it('a .yaml path the user gives is used as given', async () => {
    expect(await findDepartmentFile(join(fixtures, 'ward-7.yaml'), [])).toBe(join(fixtures, 'ward-7.yaml'));
  });
});

describe('logos', () => {
  it('a missing logo is an error naming the file', async () => {
    const { dir, file } = department('missing', 'nope.png');
    const err = await failure(loadDepartment(file));
    expect(err.code).toBe('THEME');
    expect(err.message).toBe(`logo ${join(dir, 'nope.png')} (from ${file}): no such file`);
  });

  it('a file that is not a PNG or SVG is refused whatever its name', async () => {
    const { dir, file } = department('not-image', 'logo.png');
    writeFileSync(join(dir, 'logo.png'), '<html><script>alert(1)</script></html>');
    const err = await failure(loadDepartment(file));
    expect(err.message).toBe(`logo ${join(dir, 'logo.png')}: not a PNG or SVG image (checked its first bytes, not its name)`);
  });

  it('a logo over 2 MB is refused', async () => {
    const { dir, file } = department('too-big', 'big.png');
    const big = Buffer.alloc(2 * 1024 * 1024 + 1);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(big);
    writeFileSync(join(dir, 'big.png'), big);
    const err = await failure(loadDepartment(file));
    expect(err.message).toMatch(/^logo .*big\.png: 2097153 bytes is over the 2 MB \(2097152-byte\) limit for logos/);
  });

  it.each([
    ['a ../ path', '../outside.png'],
    ['an absolute path', '__ABS__'],
  ])('%s out of the department folder is PATH_ESCAPE', async (_, logo) => {
    const { file } = department(`escape-${logo.length}`, logo === '__ABS__' ? join(work, 'outside.png') : logo);
    const err = await failure(loadDepartment(file));
    expect(err.code).toBe('PATH_ESCAPE');
    expect(err.message).toMatch(/resolves outside the department file's folder/);
  });

  it('a symbolic link inside the folder pointing out of it is PATH_ESCAPE', async () => {
    const { dir, file } = department('symlink', 'logo.png');
    symlinkSync(join(work, 'outside.png'), join(dir, 'logo.png'));
    const err = await failure(loadDepartment(file));
    expect(err.code).toBe('PATH_ESCAPE');
  });

  it('a symbolic link to a file inside the folder is fine', async () => {
    const { dir, file } = department('symlink-in', 'logo.png');
    mkdirSync(join(dir, 'img'));
    copyFileSync(PNG, join(dir, 'img', 'real.png'));
    symlinkSync(join(dir, 'img', 'real.png'), join(dir, 'logo.png'));
    expect((await loadDepartment(file)).logo?.type).toBe('png');
  });

  it('recognises images by their first bytes', () => {
    const text = (s: string): Uint8Array => new TextEncoder().encode(s);
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('png');
    expect(sniffImage(text('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('svg');
    expect(sniffImage(text('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<svg width="1"></svg>'))).toBe('svg');
    expect(sniffImage(text('<?xml version="1.0"?><html></html>'))).toBeUndefined();
    expect(sniffImage(text('<html><svg></svg></html>'))).toBeUndefined();
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBeUndefined();
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e]))).toBeUndefined();
  });
});
