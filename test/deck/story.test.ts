// The deck as a story: the journal-club arc, then the backup; no fact cut; every
// slide titled, noted and filled sensibly. Read from the view model, which every
// renderer lays out, and from the Markdown the Marp renderer writes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { composeDeck } from '../../src/deck/compose.js';
import { BOX, blockHeight } from '../../src/deck/fit.js';
import { BODY_PX, TABLE_PX, type Slide } from '../../src/deck/slides.js';
import { buildViewModel, type ViewModel } from '../../src/deck/view-model.js';
import { deriveEvidence } from '../../src/evidence/index.js';
import { inputFormat, loadTrial, parseTrialText } from '../../src/trial/load.js';
import type { Trial } from '../../src/trial/schema.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataFiles = readdirSync(join(root, 'data')).filter((f) => f.endsWith('.yaml')).map((f) => join(root, 'data', f));
const summaryFiles = readdirSync(join(root, 'test/fixtures/summaries')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'test/fixtures/summaries', f));

/** Stand-ins for the chart stage's output: the view model only needs ids and titles. */
const CHARTS = ['forest', 'event-rates', 'bayes', 'context-forest'].map((id) => ({ id, title: `Chart ${id}`, alt: `${id} chart`, uri: 'data:image/svg+xml;base64,', ...(id === 'forest' ? { besideUri: 'data:image/svg+xml;base64,' } : {}) }));

async function vmOf(file: string, backup: 'full' | 'none' = 'full'): Promise<{ trial: Trial; vm: ViewModel }> {
  const { trial } = await loadTrial(file);
  return { trial, vm: buildViewModel(trial, CHARTS, deriveEvidence(trial), { backup }) };
}

/** Every string a slide shows or says, with where it is. */
function slideTexts(s: Slide): string[] {
  const out = [s.title, s.subtitle ?? '', ...s.notes];
  for (const b of s.blocks) {
    if (b.type === 'bullets') for (const i of b.items) out.push(i.lead ?? '', i.text, ...(i.sub ?? []));
    else if (b.type === 'paragraph') out.push(b.lead ?? '', b.text);
    else if (b.type === 'table') out.push(...b.columns, ...b.rows.flatMap((r) => r.cells));
    else if (b.type === 'stats') out.push(...b.items.flatMap((i) => [i.label, i.big, i.small ?? '']));
    else if (b.type === 'columns') out.push(...b.columns.flatMap((c) => [c.heading, ...c.items.flatMap((i) => [i.lead ?? '', i.text])]));
    else if (b.type === 'title') out.push(b.acronym, b.title, b.journal, b.citation);
  }
  return out;
}

/** Ellipses in `texts` that the source does not have: each "…" with the 12 characters before it. */
export function cutEllipses(texts: readonly string[], source: string): string[] {
  const cut: string[] = [];
  for (const t of texts) {
    for (let i = t.indexOf('…'); i >= 0; i = t.indexOf('…', i + 1)) {
      const context = t.slice(Math.max(0, i - 12), i + 1);
      if (!source.includes(context)) cut.push(context);
    }
  }
  return cut;
}

describe('the story, then the backup', () => {
  it('LEVOECMO follows the journal-club arc in at most 22 story slides', async () => {
    const { vm } = await vmOf(join(root, 'data/levoecmo.yaml'));
    const story = vm.slides.filter((s) => s.section === 'story');
    expect(story.length).toBeLessThanOrEqual(22);
    const arc = ['title', 'question', 'background', 'design', 'population', 'intervention', 'primary', 'key-results', 'validity', 'numbers', 'bayes', 'controversies', 'discussion', 'bottom-line'];
    expect(story.find((s) => s.id === 'discussion')?.title).toBe('Questions for discussion');
    const order = arc.map((id) => story.findIndex((s) => s.id === id));
    expect(order.every((i) => i >= 0), `every arc slide present: ${arc.filter((_, k) => order[k]! < 0).join(', ')}`).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // One chart with the key results, in the story.
    const chartsIn = (slides: Slide[]): string[] => slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'chart' ? [b.chart] : [])));
    // The forest plot goes with the key results; the Bayesian chart shares its slide only when it fits there.
    expect(chartsIn(story)[0]).toBe('forest');
    expect(chartsIn(story.slice(story.findIndex((s) => s.id === 'key-results'), story.findIndex((s) => s.id === 'key-results') + 2))).toContain('forest');
    // Every chart appears exactly once: the rest are in the backup.
    expect(chartsIn(vm.slides).sort()).toEqual(['bayes', 'context-forest', 'event-rates', 'forest']);
    // The story ends where the backup begins.
    const firstBackup = vm.slides.findIndex((s) => s.section === 'backup');
    expect(vm.slides[firstBackup]).toMatchObject({ id: 'backup', layout: 'divider', title: 'Backup slides' });
    expect(vm.slides.slice(firstBackup).every((s) => s.section === 'backup')).toBe(true);
  });

  it('every result appears in the backup table, and the story shows each result once', async () => {
    for (const file of dataFiles) {
      const { trial, vm } = await vmOf(file);
      const backupRows = vm.slides.filter((s) => s.id.startsWith('backup-results')).flatMap((s) => s.blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.cells[0]) : [])));
      expect(backupRows, file).toEqual(trial.results.map((o) => o.name));
      const keyRows = vm.slides.filter((s) => s.id === 'key-results').flatMap((s) => s.blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.cells[0]) : [])));
      const primary = trial.results.find((o) => o.role === 'primary');
      expect(keyRows, file).not.toContain(primary?.name);
      expect(new Set(keyRows).size, file).toBe(keyRows.length);
    }
  });

  it('--backup none leaves the backup out; the references close the story', async () => {
    const { vm } = await vmOf(join(root, 'data/levoecmo.yaml'), 'none');
    expect(vm.slides.some((s) => s.section === 'backup')).toBe(false);
    expect(vm.slides[vm.slides.length - 1]?.title).toBe('References');
  });

  it('titles are unique, every slide has notes, text never steps below 20 px (tables 16 px)', async () => {
    for (const file of [...dataFiles, ...summaryFiles]) {
      const { trial } = parseTrialText(readFileSync(file, 'utf8'), file, inputFormat(file) ?? 'data');
      const vm = buildViewModel(trial, [], deriveEvidence(trial));
      const titles = vm.slides.map((s) => s.title);
      expect(new Set(titles).size, `${file}: ${titles.join(' | ')}`).toBe(titles.length);
      for (const s of vm.slides) {
        expect(s.notes.join('').trim().length, `${file}: notes of ${s.title}`).toBeGreaterThan(0);
        expect(BODY_PX[s.textStep]).toBeGreaterThanOrEqual(20);
        expect(TABLE_PX[s.textStep]).toBeGreaterThanOrEqual(16);
      }
    }
  });

  it('no content slide is below a quarter full (title, dividers, big numbers and charts aside)', async () => {
    for (const file of dataFiles) {
      const { vm } = await vmOf(file);
      for (const s of vm.slides.filter((x) => x.layout === 'content' || x.layout === 'table' || x.layout === 'columns')) {
        const used = s.blocks.reduce((h, b) => h + blockHeight(b, s.textStep), 0);
        expect(used / BOX.height, `${file}: ${s.title}`).toBeGreaterThanOrEqual(0.25);
      }
    }
  });
});

describe('no fact is cut', () => {
  it('no slide, note or handout text has a "…" the source does not have, for every example trial', async () => {
    for (const file of [...dataFiles, ...summaryFiles]) {
      const source = readFileSync(file, 'utf8');
      const { trial } = parseTrialText(source, file, inputFormat(file) ?? 'data');
      const vm = buildViewModel(trial, [], deriveEvidence(trial));
      const h = vm.handout;
      const handout = [h.question ?? '', ...h.pico.map((p) => p.text), ...h.design.map((d) => d.text), h.primary?.definition ?? '', ...h.absolutes.flatMap((a) => [a.arms, a.difference, a.nnt]), ...h.questions, ...h.bottomLine];
      expect(cutEllipses([...vm.slides.flatMap(slideTexts), ...handout], source), file).toEqual([]);
      const { markdown } = await composeDeck(trial, deriveEvidence(trial), [], { theme: 'clinical' });
      expect(cutEllipses([markdown.replace(/\\(?=[\p{P}\p{S}])/gu, '')], source), `${file}: deck.md`).toEqual([]);
    }
  });

  it('the check catches a cut: a shortened sentence is reported with its context', () => {
    expect(cutEllipses(['Sample size assumptions did not…'], 'Sample size assumptions did not match observed event rates')).toEqual(['ions did not…']);
    expect(cutEllipses(['as printed: 12…'], 'the paper printed 12… as is: as printed: 12…')).toEqual([]);
  });

  it('a 20 000-character validity item is shown whole over "(cont.)" slides', async () => {
    const { trial } = await loadTrial(join(root, 'data/levoecmo.yaml'));
    const sentence = 'Blinding was maintained with identical infusates prepared centrally, and outcome assessors did not know the allocation. ';
    const long = sentence.repeat(Math.ceil(20_000 / sentence.length)).trim();
    const hostile: Trial = { ...trial, internalValidity: { ...trial.internalValidity, items: [{ aspect: 'Blinding', text: long }] } };
    const vm = buildViewModel(hostile, [], deriveEvidence(hostile));
    const pages = vm.slides.filter((s) => s.id.startsWith('backup-validity'));
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.map((s) => s.title).slice(0, 3)).toEqual(['Validity in detail', 'Validity in detail (cont.)', 'Validity in detail (cont. 2)']);
    const shown = pages.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'bullets' ? b.items.filter((i) => i.lead?.startsWith('Blinding')).map((i) => i.text) : []))).join(' ');
    expect(shown.replace(/\s+/g, ' ')).toBe(long.replace(/\s+/g, ' '));
  });
});
