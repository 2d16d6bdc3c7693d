// The LEVOECMO PPTX read back with jszip and fast-xml-parser: the slides, their
// titles and notes, tables, chart data, facts as text, accessibility marks,
// package integrity and byte-identical rebuilds.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCompetingChart, buildEventRatesChart } from '../../src/charts/index.js';
import { LAYOUTS } from '../../src/deck/slides.js';
import { resolveLook } from '../../src/themes/look.js';
import { loadTrial } from '../../src/trial/load.js';
import { validatePackage } from '../../src/pptx/validate.js';
import { hex } from '../../src/pptx/pptx-look.js';
import { buildLevoecmo, TRIAL, type Built } from './levoecmo-deck.js';
import { isWellFormed, openPackage, relTargets, runs, shapes, slideNames, titleOf, type Package } from './pptx-reader.js';

let built: Built;
let pkg: Package;
let slides: string[];

beforeAll(async () => {
  built = await buildLevoecmo();
  pkg = await openPackage(built.bytes);
  slides = slideNames(pkg);
}, 60_000);

const slideXml = (title: string): string => {
  const i = built.slides.findIndex((s) => s.title === title);
  return pkg.text(slides[i] ?? '');
};

describe('slides', () => {
  it('has exactly the slide list: same count, same titles, same order', () => {
    expect(slides.length).toBe(built.slides.length);
    expect(slides.map((s) => titleOf(pkg.text(s)))).toEqual(built.slides.map((s) => s.title));
    expect(built.titles).toEqual(built.slides.map((s) => s.title));
    expect(new Set(built.titles).size).toBe(built.titles.length);
  });

  it('puts the title placeholder first in reading order on every slide', () => {
    for (const s of slides) expect(shapes(pkg.text(s))[0], s).toMatch(/<p:ph\b[^>]*type="title"/);
  });

  it('has speaker notes on every slide, paragraph by paragraph', () => {
    for (const [i, s] of slides.entries()) {
      const rel = relTargets(pkg, s).find((r) => r.type === 'notesSlide');
      expect(rel, s).toBeDefined();
      const text = runs(pkg.text(rel?.target ?? ''));
      for (const note of built.slides[i]?.notes.filter(Boolean) ?? []) expect(text, s).toContain(note);
    }
  });

  it('uses one layout per theme and slide layout, each slide on its own kind', () => {
    const layouts = pkg.names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n));
    const names = layouts.map((l) => /<p:cSld name="([^"]+)"/.exec(pkg.text(l))?.[1]);
    // pptxgenjs always adds an empty DEFAULT layout; no slide uses it.
    expect(names.filter((n) => n !== 'DEFAULT').sort()).toEqual(LAYOUTS.map((l) => `clinical:${l}`).sort());
    expect(pkg.names.filter((n) => /^ppt\/slideMasters\/slideMaster\d+\.xml$/.test(n))).toEqual(['ppt/slideMasters/slideMaster1.xml']);
    for (const [i, s] of slides.entries()) {
      const layout = relTargets(pkg, s).find((r) => r.type === 'slideLayout')?.target ?? '';
      expect(/<p:cSld name="([^"]+)"/.exec(pkg.text(layout))?.[1]).toBe(`clinical:${built.slides[i]?.layout}`);
    }
  });

  it('shows every LEVOECMO fact the PDF test looks for as text runs', () => {
    const all = slides.map((s) => runs(pkg.text(s)).join(' ')).join('\n');
    for (const fact of ['69/101', '71/104', '1.02', '0.74', '1.39', 'Successful VA-ECMO weaning', 'All-cause mortality at day 30']) expect(all).toContain(fact);
  });

  it('has no slide that is only a picture', () => {
    for (const s of slides) {
      const xml = pkg.text(s);
      const texts = shapes(xml).filter((sp) => sp.startsWith('<p:sp>') && runs(sp).join('').trim() !== '');
      expect(texts.length, s).toBeGreaterThan(0);
    }
    // Only the continuous-outcomes chart (no native form) is a picture.
    expect(slides.filter((s) => pkg.text(s).includes('<p:pic>')).map((s) => titleOf(pkg.text(s)))).toEqual(['Continuous outcomes']);
  });
});

describe('tables', () => {
  it('writes each results page as a native table with its header row marked', () => {
    for (const title of ['Results', 'Results (cont.)']) {
      const slide = built.slides.find((s) => s.title === title);
      const block = slide?.blocks.find((b) => b.type === 'table');
      if (block?.type !== 'table') throw new Error('fixture has no table');
      const xml = slideXml(title);
      const rows = [...xml.matchAll(/<a:tr\b[\s\S]*?<\/a:tr>/g)].map((m) => runs(m[0]).join('|'));
      expect(rows.length).toBe(block.rows.length + 1);
      expect(rows[0]).toBe(block.columns.join('|'));
      expect(rows.slice(1)).toEqual(block.rows.map((r) => r.cells.join('|')));
      expect(xml).toContain('<a:tblPr firstRow="1" bandRow="1"/>');
    }
  });
});

describe('charts', () => {
  it('keeps event rates and competing outcomes as native charts whose values equal the builders\' data', async () => {
    const { trial } = await loadTrial(TRIAL);
    const look = await resolveLook({});
    const events = buildEventRatesChart(trial, look.chart);
    const competing = buildCompetingChart(trial, look.chart);
    const chartOf = (title: string): string => {
      const i = built.slides.findIndex((s) => s.title === title);
      const rel = relTargets(pkg, slides[i] ?? '').find((r) => r.type === 'chart');
      return pkg.text(rel?.target ?? '');
    };
    const series = (xml: string): { name: string; values: number[]; color?: string }[] =>
      [...xml.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => ({
        name: /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(m[0])?.[1] ?? '',
        values: [...(/<c:val>[\s\S]*?<\/c:val>/.exec(m[0])?.[0] ?? '').matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])),
        color: /<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})"/.exec(m[0])?.[1],
      }));

    const dots = events?.datasets.dots as { percent: number }[];
    const got = series(chartOf('Event rates by arm'));
    expect(got.map((s) => s.name)).toEqual(trial.arms.map((a) => a.label));
    for (const [a, s] of got.entries()) {
      expect(s.values).toEqual(dots.filter((_, i) => i % trial.arms.length === a).map((d) => d.percent));
      expect(s.values.length).toBeGreaterThan(5);
      // The same arm colour as the HTML charts.
      expect(s.color).toBe(hex(look.chart.armColors[a], ''));
    }
    const segments = competing?.datasets.segments as { armOrder: number; category: string; percent: number }[];
    const cats = competing?.params.categories as string[];
    const comp = series(chartOf('How the primary window ended'));
    expect(comp.map((s) => s.name)).toEqual(cats);
    for (const s of comp) expect(s.values).toEqual(segments.filter((g) => g.category === s.name).sort((x, y) => x.armOrder - y.armOrder).map((g) => g.percent));
    // The data is editable: each chart has its workbook.
    expect(pkg.names.filter((n) => n.startsWith('ppt/embeddings/') && n.endsWith('.xlsx')).length).toBe(2);
  });

  it('draws the forest plot and the flow from shapes, with every number as text', () => {
    const forest = runs(slideXml('Ratio outcomes')).join(' ');
    for (const s of ['sHR 1.02 (0.74\u20131.39)', 'RR 3.09 (1.07\u20138.93)', '0.5', '2']) expect(forest).toContain(s);
    expect(slideXml('Ratio outcomes')).not.toMatch(/<p:pic>|<c:chart/);
    const flow = runs(slideXml('Participant flow')).join(' ');
    for (const s of ['Enrolled: 205', 'Randomised: 101', 'Randomised: 104', 'Analysed: 104']) expect(flow).toContain(s);
  });

  it('gives every chart and picture alt text', () => {
    for (const s of slides) {
      for (const frame of shapes(pkg.text(s)).filter((x) => x.includes('<c:chart') || x.startsWith('<p:pic>'))) {
        expect(/descr="([^"]+)"/.exec(frame)?.[1]?.length ?? 0, s).toBeGreaterThan(40);
      }
    }
  });
});

describe('package', () => {
  it('is well-formed XML throughout, judged by fast-xml-parser', () => {
    for (const n of pkg.names.filter((x) => /\.(xml|rels)$/.test(x))) expect(isWellFormed(pkg.text(n)), n).toBe(true);
  });

  it('has a content type and an existing target for every part and relationship (no phantom masters, #1444)', () => {
    const files = new Map(pkg.names.map((n) => [n, /\.(xml|rels)$/.test(n) ? pkg.text(n) : pkg.bytes(n)] as const));
    expect(validatePackage(files)).toEqual([]);
    expect(pkg.text('[Content_Types].xml').match(/slideMaster\d+\.xml/g)).toEqual(['slideMaster1.xml']);
  });

  it('repairs pptxgenjs 4.0.1: txBody on every shape (#1441), effectLst on backgrounds (#1442), one pPr per paragraph, unique ids', () => {
    const parts = pkg.names.filter((n) => /^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(n));
    for (const n of parts) {
      const xml = pkg.text(n);
      for (const sp of xml.match(/<p:sp>[\s\S]*?<\/p:sp>/g) ?? []) expect(sp, n).toContain('<p:txBody>');
      for (const bg of xml.match(/<p:bgPr>[\s\S]*?<\/p:bgPr>/g) ?? []) expect(bg, n).toContain('<a:effectLst/>');
      for (const p of xml.match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) expect((p.match(/<a:pPr\b/g) ?? []).length, n).toBeLessThanOrEqual(1);
      expect(xml, n).not.toContain('<a:ln></a:ln>');
      // Sizes are ours: no box asks the viewer to shrink its text.
      expect(xml, n).not.toMatch(/normAutofit|spAutoFit/);
      const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size, n).toBe(ids.length);
    }
  });

  it('writes the notes master as PowerPoint repairs it (#1443) and no content types for unused extensions', () => {
    expect(pkg.text('ppt/notesMasters/notesMaster1.xml')).not.toContain('<p:sp>');
    const defaults = [...pkg.text('[Content_Types].xml').matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]);
    expect(defaults.sort()).toEqual(['png', 'rels', 'xlsx', 'xml']);
  });

  it('marks decorative shapes and sets the document language', () => {
    const layouts = pkg.names.filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => pkg.text(n)).join('');
    expect(layouts).toMatch(/name="Decorative title rule"[^>]*>[\s\S]*?<adec:decorative [^>]*val="1"/);
    expect(pkg.text('docProps/core.xml')).toContain('<dc:language>en-US</dc:language>');
    for (const s of slides) for (const m of pkg.text(s).matchAll(/<a:rPr\b[^>]*>/g)) expect(m[0], s).toContain('lang="en-US"');
  });

  it('is at most 1 MB', () => {
    expect(built.bytes.length).toBeLessThan(1024 * 1024);
  });

  it('is byte-identical when built again (fixed dates, sorted entries, workbooks too)', async () => {
    const again = await buildLevoecmo();
    expect(Buffer.from(again.bytes).equals(Buffer.from(built.bytes))).toBe(true);
    expect(pkg.names).toEqual([...pkg.names].sort());
    expect(pkg.text('docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>');
    for (const n of pkg.names.filter((x) => x.endsWith('.xlsx'))) {
      const wb = await openPackage(pkg.bytes(n));
      expect(wb.text('docProps/core.xml')).toContain('2000-01-01T00:00:00Z');
    }
  }, 60_000);
});

describe('a theme with capital headings (icu)', () => {
  it('shows titles in capitals without changing their text, in the theme\'s colours', async () => {
    const icu = await buildLevoecmo({ theme: 'icu' });
    const p = await openPackage(icu.bytes);
    const xml = p.text(slideNames(p)[1] ?? '');
    const title = shapes(xml)[0] ?? '';
    expect(titleOf(xml)).toBe(icu.slides[1]?.title);
    expect(title).toMatch(/<a:rPr cap="all" /);
    const layout = p.names.filter((n) => /slideLayout\d+\.xml$/.test(n)).map((n) => p.text(n)).find((x) => x.includes('name="icu:content"')) ?? '';
    expect(layout).toContain('<a:srgbClr val="0D1B2A"/>'); // --td-bg
  }, 60_000);
});
