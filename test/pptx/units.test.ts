// The writer's parts on their own: text measurement, table pagination, the
// log scale, the XML checks and repairs, the zip, and a table too long for
// any slide (continued under its repeated header, never cut).
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { logDomain } from '../../src/charts/forest.js';
import { logX } from '../../src/pptx/forest-shapes.js';
import { layoutTable, paginateRows } from '../../src/pptx/table.js';
import { fitParas, paraLines, parasHeight } from '../../src/pptx/text-fit.js';
import { xmlProblem } from '../../src/pptx/well-formed.js';
import { addMissingTxBody, dropRepeatedParagraphProps, markDecorative, renumberShapeIds } from '../../src/pptx/xml-repairs.js';
import { readZip, writeZip } from '../../src/pptx/zip.js';
import { repairContentTypes } from '../../src/pptx/package.js';
import { writePptx } from '../../src/pptx/index.js';
import { resolveLook } from '../../src/themes/look.js';
import { listThemes } from '../../src/themes/registry.js';
import { headingMark, titleFrame, withImports } from '../../src/pptx/theme-rules.js';
import type { Slide } from '../../src/deck/slides.js';
import { openPackage, runs, slideNames } from './pptx-reader.js';

describe('text fitting', () => {
  it('wraps with real advance widths: a long bullet takes more lines in a narrower box and at a larger size', () => {
    const p = { runs: [{ text: 'VA-ECMO is increasingly used for refractory cardiogenic shock as a bridge to recovery, durable mechanical support, or transplantation.' }] };
    expect(paraLines(p, 2000, 24)).toBe(1);
    expect(paraLines(p, 600, 24)).toBeGreaterThan(paraLines(p, 1160, 24));
    expect(paraLines(p, 600, 24)).toBeGreaterThanOrEqual(paraLines(p, 600, 20));
  });

  it('takes the first text step that fits, and says so when none does', () => {
    const paras = Array.from({ length: 8 }, () => ({ runs: [{ text: 'Levosimendan increased ventricular arrhythmias (17.8% vs 8.7%) and treatment cessation (11.9% vs 3.8%).' }], bullet: true }));
    const h20 = parasHeight(paras, 1160, 20);
    expect(fitParas(paras, 1160, h20 + 1, [24, 22, 20])).toMatchObject({ size: 20, fits: true });
    expect(fitParas(paras, 1160, 10_000, [24, 22, 20])).toMatchObject({ size: 24, fits: true });
    expect(fitParas(paras, 1160, 40, [24, 22, 20])).toMatchObject({ size: 20, fits: false });
  });
});

describe('tables', () => {
  const table = {
    columns: ['Outcome', 'Levosimendan', 'Placebo', 'Effect (95% CI)'],
    rows: Array.from({ length: 40 }, (_, i) => ({ cells: [`Outcome ${i + 1} with a fairly long name that wraps`, '69/101 (68.3%)', '71/104 (68.3%)', 'sHR 1.02 (95% CI 0.74 to 1.39)'] })),
  };

  it('splits rows into pages that fit, each under the header, keeping every row once and in order', () => {
    const layout = layoutTable(table, 1160, 18);
    const pages = paginateRows(layout, 500);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat()).toEqual(table.rows.map((_, i) => i));
    for (const page of pages) expect(layout.header + page.reduce((s, r) => s + (layout.rows[r] ?? 0), 0)).toBeLessThanOrEqual(500);
  });
});

describe('a table too long for one slide', () => {
  it('continues on "(cont.)" slides with the header repeated and the notes kept, with a warning', async () => {
    const look = await resolveLook({});
    const rows = Array.from({ length: 45 }, (_, i) => ({ cells: [`Outcome ${i + 1}`, `${i}/101`, `${i}/104`, `RR 1.0${i % 10}`] }));
    const slide: Slide = { id: 'results', section: 'story', layout: 'table', title: 'Results', textStep: 0, notes: ['All 45 outcomes.'], blocks: [{ type: 'table', columns: ['Outcome', 'A', 'B', 'Effect'], rows }] };
    const next: Slide = { id: 'results-2', section: 'story', layout: 'content', title: 'Results (cont.)', textStep: 0, notes: ['Next.'], blocks: [{ type: 'bullets', items: [{ text: 'x' }] }] };
    const r = await writePptx({ meta: { footer: 'TEST' }, slides: [slide, next], charts: [], chartInputs: [], look, info: { title: 't', author: 'a', subject: 's' } });
    expect(r.titles.length).toBeGreaterThan(2);
    expect(new Set(r.titles).size).toBe(r.titles.length);
    expect(r.titles[0]).toBe('Results');
    expect(r.titles).toContain('Results (cont.)');
    expect(r.warnings.map((w) => w.code)).toContain('PPTX_TABLE_SPLIT');
    const pkg = await openPackage(r.bytes);
    const slides = slideNames(pkg).slice(0, r.titles.length - 1);
    const seen: string[] = [];
    for (const s of slides) {
      const trs = [...pkg.text(s).matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((m) => runs(m[0]).join('|'));
      expect(trs[0]).toBe('Outcome|A|B|Effect');
      seen.push(...trs.slice(1).map((t) => t.split('|')[0] ?? ''));
    }
    expect(seen).toEqual(rows.map((row) => row.cells[0]));
  }, 30_000);
});

describe('log scale', () => {
  it('places ratios by their logarithm: 1 in the middle of a symmetric domain, reciprocals mirrored', () => {
    const { domain } = logDomain([0.37, 0.53], [2.79, 8.93]);
    expect(logX(1, domain, 100, 400)).toBeCloseTo(300, 6);
    expect(logX(2, domain, 100, 400) - 300).toBeCloseTo(300 - logX(0.5, domain, 100, 400), 6);
    expect(logX(domain[1], domain, 100, 400)).toBeCloseTo(500, 6);
  });
});

describe('XML checks and repairs', () => {
  it('accepts what fast-xml-parser accepts and rejects what it rejects', () => {
    const cases = ['<a><b x="1"/>t&amp;</a>', '<a><b></a>', '<a x="1" x="2"/>', '<a>&</a>', '<?xml version="1.0"?><a:p xmlns:a="u"><a:r>x</a:r></a:p>', '<a>x<</a>'];
    for (const c of cases) expect(xmlProblem(c) === undefined, c).toBe(XMLValidator.validate(c) === true);
    // Stricter than fast-xml-parser where XML is: one root element.
    expect(xmlProblem('<a/><b/>')).toMatch(/second root/);
  });

  it('gives a text-less shape a txBody (#1441), keeps one pPr per paragraph, numbers ids once', () => {
    const sp = '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape 1"></p:cNvPr></p:nvSpPr><p:spPr/></p:sp>';
    expect(addMissingTxBody(sp)).toContain('<p:txBody><a:bodyPr/><a:lstStyle/><a:p>');
    const p = '<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr indent="0" marL="0"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r></a:p>';
    expect(dropRepeatedParagraphProps(p)).toBe('<a:p><a:pPr marL="1"><a:buChar char="•"/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p>');
    expect(renumberShapeIds('<p:cNvPr id="1" name=""/><p:cNvPr id="2" name="a"/><p:cNvPr id="2" name="b"/>')).toBe('<p:cNvPr id="1" name=""/><p:cNvPr id="2" name="a"/><p:cNvPr id="3" name="b"/>');
    const marked = markDecorative('<p:cNvPr id="3" name="Decorative rule" descr="x"></p:cNvPr>', 'Decorative');
    expect(marked).toMatch(/^<p:cNvPr id="3" name="Decorative rule"><a:extLst><a:ext uri="\{C183D7F6-B498-43B3-948B-1728B52AA6E4\}"><adec:decorative [^>]*val="1"\/><\/a:ext><\/a:extLst><\/p:cNvPr>$/);
  });

  it('drops content-type overrides for parts that do not exist (#1444)', () => {
    const types = '<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="m"/><Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="m"/></Types>';
    expect(repairContentTypes(types, new Set(['ppt/slideMasters/slideMaster1.xml']))).toBe('<Types><Override PartName="/ppt/slideMasters/slideMaster1.xml" ContentType="m"/></Types>');
  });
});

describe('zip', () => {
  it('writes what jszip reads back, sorted, with one fixed date, and the same bytes every time', async () => {
    const files = new Map<string, Uint8Array | string>([['b.xml', '<b/>'.repeat(100)], ['a.png', new Uint8Array([1, 2, 3])], ['[Content_Types].xml', '<Types/>']]);
    const bytes = writeZip(files);
    expect(Buffer.from(writeZip(new Map([...files].reverse()))).equals(Buffer.from(bytes))).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'a.png', 'b.xml']);
    expect(await zip.file('b.xml')?.async('string')).toBe('<b/>'.repeat(100));
    expect(zip.file('a.png')?.date.getUTCFullYear()).toBe(2000);
    expect([...readZip(bytes).keys()]).toEqual(['[Content_Types].xml', 'a.png', 'b.xml']);
  });
});

describe('theme rules the masters copy', () => {
  it('reads each bundled theme\'s heading mark and title frame from its CSS, imports included', async () => {
    const all = await listThemes();
    const of = (name: string): ReturnType<typeof withImports> => withImports(all.find((t) => t.name === name) as (typeof all)[number], all);
    expect(headingMark(of('clinical'))).toEqual({ kind: 'rule', width: 3 });
    expect(headingMark(of('accessible'))).toEqual({ kind: 'rule', width: 5 });
    expect(headingMark(of('cardiology'))).toEqual({ kind: 'left-bar', width: 10 });
    expect(headingMark(of('icu'))).toEqual({ kind: 'short-bar', width: 96, height: 4 });
    expect(titleFrame(of('clinical'))).toEqual({ kind: 'left', width: 28 });
    expect(titleFrame(of('accessible'))).toEqual({ kind: 'none' });
    expect(titleFrame(of('icu'))).toEqual({ kind: 'top', height: 10 });
  });
});
