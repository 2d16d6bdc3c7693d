// Appraisal: validity and risk of bias, strengths and limitations, the numbers
// that matter, the Bayesian re-reading; in the backup, every validity item and
// the RoB 2 support text in full, and the number audit.
import { designNotes } from './design-notes.js';
import { fit } from './fit.js';
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

export function numbersSlides(ctx: StoryContext): Slide[] {
  const { ev } = ctx;
  if (ev.numbers.length === 0 && !ev.fragility) return [];
  const items: Item[] = ev.numbers.map((n) => ({ lead: n.name, text: n.arms, sub: [n.rd, n.nnt] }));
  const blocks: Block[] = [{ type: 'bullets', items }];
  if (ev.fragility) blocks.push({ type: 'paragraph', lead: `${ev.fragility.label} (${ev.fragility.outcome})`, text: `${ev.fragility.value}. ${ev.fragility.meaning}` });
  return fit({
    id: 'numbers',
    section: 'story',
    layout: 'content',
    title: 'The numbers that matter',
    blocks,
    notes: [
      'Absolute risks with Wilson 95% CIs, risk differences with Newcombe (method 10) CIs, and NNT/NNH following Altman: when the CI of the difference crosses zero, the NNT interval runs through infinity.',
      ...(ev.fragility ? [`Fragility index (Walsh 2014): ${ev.fragility.text}`] : []),
    ],
  });
}

export function bayesSlides(ctx: StoryContext): Slide[] {
  const b = ctx.ev.bayes;
  if (!b) return [];
  const blocks: Block[] = [
    { type: 'paragraph', text: `${b.outcome} · ${b.measure} · ${b.mcid}`, tone: 'muted' },
    {
      type: 'table',
      columns: ['Prior', 'P(any benefit)', 'P(benefit beyond MCID)', 'P(harm)'],
      rows: b.rows.map((r) => ({ cells: [r.prior, r.benefit, r.beyond, r.harm] })),
      widths: [0.31, 0.23, 0.23, 0.23],
    },
  ];
  if (ctx.charts.some((c) => c.id === 'bayes')) blocks.push({ type: 'chart', chart: 'bayes' });
  return fit({
    id: 'bayes',
    section: 'story',
    layout: 'content',
    title: 'What should we believe?',
    blocks,
    notes: [
      `Bayesian re-reading of the reported ${b.measure} and its 95% CI: normal approximation on the log scale, SE = (ln U − ln L)/(2 × 1.96).`,
      ...b.rows.map((r) => `${r.prior}: P(benefit) ${r.benefit}, P(beyond MCID) ${r.beyond}, P(harm) ${r.harm}.`),
    ],
  });
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
