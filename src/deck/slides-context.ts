// Where this trial sits among the trials before it (issue 17): the context
// forest plot in the story, what changed with this trial and every context
// study in the backup. Both carry the caveat: different populations and
// definitions, and a pooled estimate on a slide is not a systematic review.
import { buildContextView } from './context-view.js';
import { fit } from './fit.js';
import type { Block, Item, Slide } from './slides.js';
import { refs, type StoryContext } from './story-context.js';

const item = (i: { lead?: string; text: string; refs?: number[] }): Item => ({ ...(i.lead ? { lead: i.lead } : {}), text: `${i.text}${refs(i.refs)}` });

export function contextSlides(ctx: StoryContext): { story: Slide[]; backup: Slide[] } {
  const view = buildContextView(ctx.trial, ctx.evidence);
  if (!view) return { story: [], backup: [] };
  const { sits, changed } = view;
  const chart = sits.chart && ctx.charts.some((c) => c.id === sits.chart) ? sits.chart : null;
  const story: Slide[] = chart
    ? [{ id: 'context', section: 'story', layout: 'chart', title: sits.title, subtitle: sits.subtitle, blocks: [{ type: 'chart', chart }], notes: [sits.pooled, ...(sits.leftOutLine ? [sits.leftOutLine] : []), ...sits.notes], textStep: 0 }]
    : fit({
        id: 'context',
        section: 'story',
        layout: 'content',
        title: sits.title,
        subtitle: sits.subtitle,
        blocks: [{ type: 'paragraph', text: sits.pooled }, { type: 'bullets', items: [...sits.trials, ...sits.leftOut].map(item) }, { type: 'paragraph', text: sits.caveat, tone: 'muted' }],
        notes: sits.notes,
      });
  const backup: Slide[] = [];
  if (changed) {
    const blocks: Block[] = [
      // The lines name the trial themselves ("Without DAPA-HF: …", "With DAPA-HF (2 studies): …").
      { type: 'bullets', items: [{ text: changed.without }, { text: changed.with }] },
      { type: 'paragraph', text: `${changed.heterogeneity} ${changed.prediction}` },
      { type: 'paragraph', text: changed.caveat, tone: 'muted' },
    ];
    backup.push(...fit({ id: 'backup-context-changed', section: 'backup', layout: 'content', title: changed.title, subtitle: changed.subtitle, blocks, notes: changed.notes }));
  }
  if (chart && (sits.trials.length > 0 || sits.leftOut.length > 0)) {
    const blocks: Block[] = [];
    if (sits.trials.length > 0) blocks.push({ type: 'paragraph', text: 'Pooled', tone: 'strong' }, { type: 'bullets', items: sits.trials.map(item) });
    if (sits.leftOut.length > 0) blocks.push({ type: 'paragraph', text: 'Left out', tone: 'strong' }, { type: 'bullets', items: sits.leftOut.map(item) });
    blocks.push({ type: 'paragraph', text: sits.caveat, tone: 'muted' });
    backup.push(...fit({ id: 'backup-context-studies', section: 'backup', layout: 'content', title: 'The context studies', blocks, notes: sits.notes }));
  }
  return { story, backup };
}
