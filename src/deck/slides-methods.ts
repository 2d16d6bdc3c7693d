// Methods of the story: design (with the primary outcome's definition, the
// sample-size assumption and the analysis), population (with the baseline
// imbalances), and intervention vs comparator.
import { controlArm } from '../trial/comparisons.js';
import { buildBaselineView } from './baseline-view.js';
import { designNotes } from './design-notes.js';
import { fit } from './fit.js';
import { resultWidths } from './slides-results.js';
import type { Item, Slide } from './slides.js';
import { randomisedText, text, validityItems, type StoryContext } from './story-context.js';

/** Drops a text that another shown text already contains (the analysis is often inside the statistics text). */
const novel = (value: string | undefined, shown: readonly (string | undefined)[]): string | undefined =>
  value && !shown.some((s) => s?.includes(value)) ? value : undefined;

export function designSlides(ctx: StoryContext): Slide[] {
  const { trial, primary } = ctx;
  const d = trial.design;
  const s = d.statistics;
  const items: Item[] = [];
  const add = (lead: string, value: string | undefined): void => {
    if (value) items.push({ lead, text: value });
  };
  add('Study type', d.studyType);
  add('Setting', d.setting);
  add('Randomisation', d.randomisation);
  add('Blinding', d.blinding);
  if (primary) add('Primary outcome', primary.definition ? `${primary.name}: ${primary.definition}` : primary.name);
  const planned = [
    s.plannedSampleSize !== undefined ? `${s.plannedSampleSize} planned` : '',
    trial.enrolment.enrolled !== undefined ? `${trial.enrolment.enrolled} enrolled` : '',
    s.targetEffect ? `powered for ${s.targetEffect.measure} ${s.targetEffect.value}${s.targetEffect.text ? ` (${s.targetEffect.text})` : ''}` : '',
    s.power !== undefined ? `${Math.round(s.power * 100)}% power` : '',
    s.alpha !== undefined ? `α = ${s.alpha}` : '',
  ].filter(Boolean).join(', ');
  add('Sample size and analysis', s.text);
  if (!s.text) add('Sample size', planned || undefined);
  add('Analysis', novel(s.analysis, [s.text]));
  // What the trial assumed beside what its data could detect.
  if (ctx.ev.power) add('Power, assumed vs actual', `${ctx.ev.power.assumed}; ${ctx.ev.power.detectable}`);
  for (const n of designNotes(trial).design) add(n.lead, n.text);
  add('Follow-up', d.followUp);
  return fit({
    id: 'design',
    section: 'story',
    layout: 'content',
    title: 'Design',
    blocks: [{ type: 'bullets', items }],
    notes: [planned ? `Sample size: ${planned}.` : '', trial.enrolment.stoppedEarly === true ? 'The trial was stopped early.' : ''].filter(Boolean),
  });
}

export function populationSlides(ctx: StoryContext): Slide[] {
  const { trial } = ctx;
  const pop = trial.design.population;
  const items: Item[] = [];
  const randomised = randomisedText(trial);
  if (randomised) items.push({ lead: 'Randomised', text: randomised });
  if (trial.resultsIntro) items.push({ lead: 'Enrolment', text: trial.resultsIntro });
  // One criterion reads as a sentence; a list reads better under its own heading.
  if (pop.inclusion.length === 1 && pop.inclusion[0]) items.push({ lead: 'Inclusion', text: pop.inclusion[0].text });
  const after: Item[] = [];
  if (pop.consent) after.push({ lead: 'Consent', text: pop.consent });
  for (const v of validityItems(trial, /baseline/i)) after.push({ lead: v.aspect, text: v.text });
  const blocks: Slide['blocks'] = [];
  if (items.length > 0) blocks.push({ type: 'bullets', items });
  if (pop.inclusion.length > 1) {
    blocks.push({ type: 'paragraph', text: 'Key inclusion criteria', tone: 'strong' });
    blocks.push({ type: 'bullets', items: pop.inclusion.map((b) => ({ text: b.text })) });
  }
  if (pop.exclusions.length > 0) {
    blocks.push({ type: 'paragraph', text: 'Key exclusions', tone: 'strong' });
    blocks.push({ type: 'bullets', items: pop.exclusions.map((b) => ({ text: b.text })) });
  }
  if (after.length > 0) blocks.push({ type: 'bullets', items: after });
  if (blocks.length === 0) return [];
  return fit({
    id: 'population',
    section: 'story',
    layout: 'content',
    title: 'Population',
    blocks,
    notes: ['Who was enrolled, who was kept out, and whether the groups started alike.'],
  });
}

export function interventionSlides(ctx: StoryContext): Slide[] {
  const { trial } = ctx;
  const d = trial.design;
  const column = (label: string, name: string, details: string[]): { heading: string; items: Item[] } => ({
    heading: label,
    items: (details.length > 0 ? details : [name]).map((t) => ({ text: t })),
  });
  const controlId = controlArm(trial).id;
  const control = trial.arms.find((a) => a.id === controlId);
  const experimental = trial.arms.filter((a) => a !== control);
  const interventionLabel = experimental.map((a) => a.label).join(', ') || d.intervention.name;
  return fit({
    id: 'intervention',
    section: 'story',
    layout: 'columns',
    title: 'Intervention vs comparator',
    blocks: [
      {
        type: 'columns',
        columns: [
          column(interventionLabel, d.intervention.name, d.intervention.details.map(text)),
          column(control?.label ?? d.comparator.name, d.comparator.name, d.comparator.details.map(text)),
        ],
      },
    ],
    notes: [`${d.intervention.name} vs ${d.comparator.name}.`],
  });
}

/** Story: a few baseline rows chosen sensibly (age, sex, severity); backup: the whole table. */
export function baselineSlides(ctx: StoryContext, section: Slide['section']): Slide[] {
  const view = buildBaselineView(ctx.trial);
  if (!view) return [];
  const rows = section === 'story' ? view.keyRows : view.allRows;
  if (rows.length === 0) return [];
  const blocks: Slide['blocks'] = [{ type: 'table', columns: view.columns, rows, ...(view.columns.length >= 3 ? { widths: resultWidths(view.columns.length) } : {}) }];
  if (view.note) blocks.push({ type: 'paragraph', text: view.note, tone: 'muted' });
  const more = view.allRows.length - view.keyRows.length;
  return fit({
    id: section === 'story' ? 'baseline' : 'backup-baseline',
    section,
    layout: 'table',
    title: section === 'story' ? 'Baseline characteristics' : 'Baseline characteristics in full',
    blocks,
    notes: [section === 'story' && more > 0 ? `${more} more rows are in the full baseline table in the backup slides.` : 'Baseline characteristics as the registry posted them.'],
  });
}
