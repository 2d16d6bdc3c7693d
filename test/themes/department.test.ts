// Department files: validation with paths and lines, the generated theme,
// the chart palette it implies, and the footer / title-slide text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { occasionDate, occasionView } from '../../src/deck/occasion.js';
import { TrialdeckError } from '../../src/errors.js';
import { loadDepartment, parseDepartment } from '../../src/themes/department.js';
import { resolveLook } from '../../src/themes/look.js';
import { departmentTemplate } from '../../src/themes/scaffold.js';

const fixture = fileURLToPath(new URL('./fixtures/department/ward-7.yaml', import.meta.url));
const publication = { acronym: 'LEVOECMO', journal: 'JAMA', year: 2026 } as Parameters<typeof occasionView>[0];
let work: string;

async function invalid(text: string): Promise<TrialdeckError> {
  const file = join(work, 'dept.yaml');
  writeFileSync(file, text);
  try {
    await loadDepartment(file);
  } catch (err) {
    if (err instanceof TrialdeckError) return err;
    throw err;
  }
  throw new Error('expected the department file to be rejected');
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'td-dept-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('department file validation', () => {
  it('loads the fixture with its PNG logo as a data URI', async () => {
    const d = await loadDepartment(fixture);
    expect(d.themeName).toBe('dept-ward-7');
    expect(d.department.name).toBe('Ward 7 Critical Care');
    expect(d.logo?.type).toBe('png');
    expect(d.logo?.dataUri).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  });

  it('reports every problem with its field path and line', async () => {
    const err = await invalid(['name: Ward 7', 'colors:', '  primary: #0b5d3b', '  arms: ["#123456", "blue"]', 'colour: red', 'extends: ../clinical', ''].join('\n'));
    expect(err.code).toBe('DATA_INVALID');
    expect(err.message).toMatch(/dept\.yaml: invalid department file \(4 problems\)/);
    const lines = err.problems.map((p) => `${p.line}: ${p.path}: ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        // An unquoted # starts a YAML comment: the value is null, and the message says why.
        expect.stringMatching(/^3: colors\.primary: expected a colour like "#0b6e99" \(quote it: .*\), got null$/),
        expect.stringMatching(/^4: colors\.arms\[1\]: expected a colour like "#0b6e99".*got "blue"$/),
        expect.stringMatching(/^\d: \(top level\): unknown field "colour"$/),
        expect.stringMatching(/^6: extends: expected a theme name: lower-case letters.*got "\.\.\/clinical"$/),
      ]),
    );
  });

  it('refuses fonts that would be CSS, and a missing name', async () => {
    const err = await invalid("fonts:\n  body: \"x'; } section { background: url(https://evil.example/) } .y { x: '\"\n");
    const messages = err.problems.map((p) => `${p.path}: ${p.message}`);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/^fonts\.body: expected one installed font family name/), expect.stringMatching(/^name: required field is missing/)]));
  });

  it('uses the safe YAML parser (no prototype keys, no custom tags)', async () => {
    expect((await invalid('name: x\n__proto__: {}\n')).message).toMatch(/invalid department file/);
    expect((await invalid('name: !!js/function x\n')).code).toBe('YAML_SYNTAX');
  });

  it('the scaffold template is a valid department file', async () => {
    const d = await parseDepartment(departmentTemplate('neuro-icu'), join(work, 'neuro-icu.yaml'));
    expect(d.department).toMatchObject({ name: 'neuro-icu', extends: 'clinical', colors: { arms: ['#0072b2', '#e69f00'] } });
  });
});

describe('the generated department theme', () => {
  it('extends the named theme, overrides custom properties and carries the logo', async () => {
    const look = await resolveLook({ department: fixture });
    expect(look.name).toBe('dept-ward-7');
    const css = look.themes.find((t) => t.name === 'dept-ward-7')!.css;
    expect(css).toMatch(/^\/\* @theme dept-ward-7 \*\//);
    expect(css).toContain("@import 'clinical';");
    expect(css).toContain('--td-accent: #0b5d3b;');
    expect(css).toContain('--td-on-accent: #ffffff;');
    expect(css).toContain('--td-arm-2: #7b3fa0;');
    expect(css).toContain("--td-heading-font: 'DejaVu Sans', ");
    expect(css).toMatch(/background-image: url\("data:image\/png;base64,[A-Za-z0-9+/=]+"\);/);
    expect(look.occasion.department).toEqual({ name: 'Ward 7 Critical Care', hospital: 'St Elsewhere General Hospital', presenter: 'Dr Ada Lovelace', footer: 'Ward 7 journal club' });
  });

  it('gives the charts the department palette (arms, highlight) over the theme', async () => {
    const look = await resolveLook({ department: fixture });
    expect(look.chart.armColors.slice(0, 2)).toEqual(['#1b7f5a', '#7b3fa0']);
    expect(look.chart.accent).toBe('#b8336a');
    // Body font Liberation Sans: charts keep the font whose metrics they are measured with.
    expect(look.chart.font).toBe('Liberation Sans, Arial, Helvetica, sans-serif');
  });

  it('-t overrides the theme the department extends', async () => {
    const look = await resolveLook({ department: fixture, theme: 'icu' });
    expect(look.themes.find((t) => t.name === 'dept-ward-7')!.css).toContain("@import 'icu';");
    // icu's dark background comes through where the department sets none.
    expect(look.chart.background).toBe('#0d1b2a');
  });

  it('keeps text out of the CSS comment it is written into', async () => {
    const dir = join(work, 'evil');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'evil.yaml');
    writeFileSync(file, 'name: "Evil */ section { color: red } /*"\n');
    const look = await resolveLook({ department: file });
    const css = look.themes.find((t) => t.name === 'dept-evil')!.css;
    expect(css).not.toContain('*/ section { color: red }');
  });

  it('warns when the department palette is hard to read', async () => {
    const dir = join(work, 'grey');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'grey.yaml');
    writeFileSync(file, 'name: Grey\ncolors:\n  text: "#999999"\n');
    const look = await resolveLook({ department: file });
    expect(look.warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^text on background: contrast 2\.\d\d:1 is below WCAG AA \(4\.5:1\)/)]));
  });
});

describe('footer and title-slide text', () => {
  it('is acronym · journal year without a department', () => {
    expect(occasionView(publication)).toMatchObject({ footer: 'LEVOECMO · JAMA 2026', byline: undefined });
    expect(occasionView(publication, { date: '2026-03-12' }).footer).toBe('LEVOECMO · JAMA 2026 · 2026-03-12');
  });

  it('is acronym · department (or its footer text) · date with one', () => {
    const department = { name: 'Ward 7 Critical Care', hospital: 'St Elsewhere', presenter: 'Dr Ada Lovelace' };
    expect(occasionView(publication, { department }).footer).toBe('LEVOECMO · Ward 7 Critical Care');
    const v = occasionView(publication, { department: { ...department, footer: 'Ward 7 journal club' }, date: '12 March 2026' });
    expect(v.footer).toBe('LEVOECMO · Ward 7 journal club · 12 March 2026');
    expect(v.byline).toBe('Dr Ada Lovelace');
    expect(v.subline).toBe('Ward 7 Critical Care, St Elsewhere · 12 March 2026');
  });

  it('--date accepts short text and "today", nothing else', () => {
    expect(occasionDate(undefined)).toBeUndefined();
    expect(occasionDate('today', new Date(2026, 2, 5))).toBe('2026-03-05');
    expect(occasionDate(' 12 March 2026 ')).toBe('12 March 2026');
    expect(() => occasionDate('x'.repeat(41))).toThrow(/--date expects a short date/);
    expect(() => occasionDate('2026\n---')).toThrow(/--date expects/);
  });

  it('the bundled example department is valid', async () => {
    const example = fileURLToPath(new URL('../../themes/departments/example.yaml', import.meta.url));
    const d = await loadDepartment(example);
    expect(d.logo?.type).toBe('svg');
    expect(readFileSync(example, 'utf8')).toContain('extends:');
  });
});
