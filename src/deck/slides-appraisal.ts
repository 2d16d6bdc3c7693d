// Appraisal: validity and risk of bias, strengths and limitations, the numbers
// that matter, the Bayesian re-reading; in the backup, every validity item and
// the RoB 2 support text in full, and the number audit.
import { designNotes } from './design-notes.js';
import { fit, fitTogether, type SlideSource } from './fit.js';
import type { Block, Item, Slide } from './slides.js';
import type { StoryContext } from './story-context.js';

export function validitySlides(ctx: StoryContext): Slide[] {
  const { trial, ev } = ctx;
  const blocks: Block[] = [];
  const assessed = ev.rob2.filter((r) => r.judgement !== 'not assessed');
  if (assessed.length > 0) {
    blocks.push({
      type: 'table',
      columns: ['RoB 2 domain (primary outcome)', 'Judgement'],
      rows: [
        ...ev.rob2.map((r) => ({ cells: [r.domain, `${r.judgement}${r.inferred ? ' (inferred)' : ''}`] })),
        ...(ev.rob2Overall ? [{ cells: ['Overall', ev.rob2Overall], strong: true }] : []),
      ],
      widths: [0.62, 0.38],
    });
  }
  const verdicts: Item[] = [];
  if (trial.internalValidity.conclusion) verdicts.push({ lead: 'Internal validity', text: trial.internalValidity.conclusion });
  if (trial.externalValidity.conclusion) verdicts.push({ lead: 'External validity', text: trial.externalValidity.conclusion });
  if (ev.grade) verdicts.push({ lead: 'GRADE', text: ev.grade });
  // What this design needs the room to check (cluster recruitment, carry-over, the NI margin…).
  for (const n of designNotes(trial).validity) verdicts.push({ lead: n.lead, text: n.text });
  if (verdicts.length > 0) blocks.push({ type: 'bullets', items: verdicts });
  if (blocks.length === 0) return [];
  return fit({
    id: 'validity',
    section: 'story',
    layout: 'content',
    title: 'Validity and risk of bias',
    blocks,
    notes: [
      'Cochrane RoB 2 for the primary outcome. Judgements marked "inferred" were guessed by trialdeck from the Internal Validity wording: check them before presenting. The supporting text for each domain and every validity item are in the backup slides.',
    ],
  });
}

export function strengthsSlides(ctx: StoryContext): Slide[] {
  const { trial } = ctx;
  if (trial.strengths.length === 0 && trial.limitations.length === 0) return [];
  const items = (list: typeof trial.strengths): Item[] => (list.length > 0 ? list.map((b) => ({ text: b.text })) : [{ text: 'None stated' }]);
  const columns: Block = { type: 'columns', columns: [{ heading: 'Strengths', items: items(trial.strengths) }, { heading: 'Limitations', items: items(trial.limitations) }] };
  return fit({ id: 'strengths', section: 'story', layout: 'columns', title: 'Strengths and limitations', blocks: [columns], notes: ['As the summary states them; the validity slides say where they come from.'] });
}

/**
 * The numbers that matter (absolute risks, differences, NNT) and how fragile
 * they are (Walsh 2014, Khan 2020): on one slide when both are short.
 */
export function numbersSlides(ctx: StoryContext): Slide[] {
  const { ev } = ctx;
  const numbers: SlideSource = {
    id: 'numbers',
    section: 'story',
    layout: 'content',
    title: 'The numbers that matter',
    blocks: [{ type: 'bullets', items: ev.numbers.map((n) => ({ lead: n.name, text: n.arms, sub: [n.rd, n.nnt] })) }],
    notes: [
      'Absolute risks with Wilson 95% CIs; risk differences as the paper reports them, or recomputed with Newcombe’s method 10 where it reports none (labelled); NNT/NNH after Altman, with a point value only when the CI of the difference excludes zero, otherwise "no clear difference" and an interval through infinity.',
    ],
  };
  const f = ev.fragility;
  const fragility: SlideSource = {
    id: 'fragility',
    section: 'story',
    layout: 'content',
    title: 'How fragile?',
    blocks: [{ type: 'bullets', items: f.map((x) => ({ lead: `${x.outcome}: ${x.label}${x.applies ? ` ${x.value}` : ''}`, text: x.text })) }],
    notes: ['Fragility index (Walsh et al. 2014) on two-sided Fisher’s exact test, only for binary outcomes analysed as proportions; reverse fragility index after Khan et al. 2020.', ...f.map((x) => `${x.outcome}: ${x.meaning}`)],
  };
  if (ev.numbers.length === 0) return f.length > 0 ? fit(fragility) : [];
  if (f.length === 0) return fit(numbers);
  return fitTogether(numbers, fragility, { id: 'numbers', title: 'The numbers that matter' });
}

/**
 * "What should we believe?": the posterior under each prior, what each
 * column means for this outcome, and the approximation used. The density
 * chart shares the slide when it fits; otherwise it waits in the backup.
 */
export function bayesSlides(ctx: StoryContext): { slides: Slide[]; chartInStory: boolean } {
  const b = ctx.ev.bayes;
  if (!b) return { slides: [], chartInStory: false };
  const blocks: Block[] = [
    { type: 'paragraph', text: `${b.outcome} · ${b.measure} · ${b.basis}`, tone: 'muted' },
    {
      type: 'table',
      columns: ['Prior', 'Posterior', ...b.columns],
      rows: b.rows.map((r) => ({ cells: [r.prior, r.posterior, ...r.cells] })),
    },
    { type: 'paragraph', text: b.legend.join('; '), tone: 'muted' },
    { type: 'paragraph', text: b.approximation, tone: 'muted' },
  ];
  const source = {
    id: 'bayes',
    section: 'story' as const,
    layout: 'content' as const,
    title: 'What should we believe?',
    notes: [b.approximation, ...b.rows.map((r) => `${r.prior}: ${r.definition}`), ...b.legend, ...b.omitted],
  };
  const hasChart = ctx.charts.some((c) => c.id === 'bayes');
  const withChart = hasChart ? fit({ ...source, blocks: [...blocks, { type: 'chart', chart: 'bayes' }] }) : [];
  if (withChart.length === 1) return { slides: withChart, chartInStory: true };
  return { slides: fit({ ...source, blocks }), chartInStory: false };
}

/**
 * "Words vs numbers": each flagged sentence, verbatim, beside the outcome and
 * CI it is set against (categories after Boutron 2010). A sentence flagged
 * twice is one row with both reasons. The first page is in the story; the
 * rest continues in the backup.
 */
export function claimSlides(ctx: StoryContext): { story: Slide[]; backup: Slide[] } {
  const c = ctx.ev.claims;
  if (!c.show) return { story: [], backup: [] };
  const rows = new Map<string, { cells: string[]; categories: string[] }>();
  for (const i of c.items) {
    const against = [i.outcome, i.ci].filter(Boolean).join(': ') || '—';
    const key = `${i.sentence}\u0000${against}`;
    const row = rows.get(key) ?? { cells: [i.sentence, against], categories: [] };
    if (!row.categories.includes(i.category)) row.categories.push(i.category);
    rows.set(key, row);
  }
  const pages = fit({
    id: 'claims',
    section: 'story',
    layout: 'table',
    title: 'Words vs numbers',
    blocks: [
      {
        type: 'table',
        columns: ['What the paper says', 'Outcome and CI', 'Why it is flagged'],
        rows: [...rows.values()].map((r) => ({ cells: [...r.cells, r.categories.join('; ')] })),
        widths: [0.5, 0.28, 0.22],
      },
    ],
    notes: [c.source, ...c.items.map((i) => `${i.where} (${i.path}): ${i.message}`)],
  });
  const [first, ...rest] = pages;
  return { story: first ? [first] : [], backup: rest.map((p) => ({ ...p, section: 'backup' as const, id: `backup-${p.id}` })) };
}

/** Backup: every validity item in full (internal, then external), then the RoB 2 support text. */
export function validityDetailSlides(ctx: StoryContext): Slide[] {
  const { trial, ev } = ctx;
  const slides: Slide[] = [];
  const blocks: Block[] = [];
  const part = (heading: string, v: typeof trial.internalValidity): void => {
    if (v.items.length === 0) return;
    blocks.push({ type: 'paragraph', text: heading, tone: 'strong' });
    blocks.push({ type: 'bullets', items: v.items.map((i) => ({ lead: i.aspect, text: i.text })) });
  };
  part('Internal validity', trial.internalValidity);
  part('External validity', trial.externalValidity);
  if (blocks.length > 0) {
    slides.push(
      ...fit({
        id: 'backup-validity',
        section: 'backup',
        layout: 'content',
        title: 'Validity in detail',
        blocks,
        notes: [trial.internalValidity.conclusion, trial.externalValidity.conclusion].filter((x): x is string => !!x).concat(['Every validity item of the summary, as written.']),
      }),
    );
  }
  const support = ev.rob2.filter((r) => r.support);
  if (support.length > 0) {
    slides.push(
      ...fit({
        id: 'backup-rob2',
        section: 'backup',
        layout: 'content',
        title: 'Risk of bias: supporting text',
        blocks: [{ type: 'bullets', items: support.map((r) => ({ lead: `${r.domain}: ${r.judgement}${r.inferred ? ' (inferred)' : ''}`, text: r.support })) }],
        notes: ['The text each RoB 2 judgement rests on, from the Internal Validity section.'],
      }),
    );
  }
  return slides;
}

export function auditSlides(ctx: StoryContext): Slide[] {
  const audit = ctx.ev.audit;
  if (!audit.show) return [];
  const rows = audit.pages.flat();
  const items: Item[] = rows.length > 0
    ? rows.map((r) => ({ lead: r.outcome, text: `${r.check}: reported ${r.reported}, recomputed ${r.recomputed}${r.severity === 'material' ? ' (material)' : ''}` }))
    : [{ text: 'Every percentage, ratio, difference and P value we could recompute agrees with the paper within rounding.' }];
  return fit({
    id: 'backup-audit',
    section: 'backup',
    layout: 'content',
    title: 'Are the numbers consistent?',
    blocks: [{ type: 'bullets', items }],
    notes: ['A difference usually means the paper used another method (another CI formula, an adjusted model, another test), not an error.', ...rows.map((r) => `${r.outcome} (${r.severity}): ${r.message}`)],
  });
}
