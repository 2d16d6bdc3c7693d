// The end of the story: controversies, questions for discussion and the bottom
// line; in the backup, what the paper says (interpretation, results, summary) and the references.
import { fit, fitTogether, type SlideSource } from './fit.js';
import type { Block, Section, Slide } from './slides.js';
import { refs, type StoryContext } from './story-context.js';

const CONTROVERSY_NOTE = 'Numbers in square brackets are the references in the last slides.';
const DISCUSSION_NOTE = 'Built from the trial’s own tensions: the power it assumed, harm signals near no effect, subgroups, blinding and competing events.';

/**
 * Controversies, where this trial sits (when it has a context), then questions
 * for discussion; controversies and questions share a slide when both are short.
 */
export function controversyAndDiscussionSlides(ctx: StoryContext, context: readonly Slide[] = []): Slide[] {
  const c = ctx.trial.controversies;
  const discussion: SlideSource = {
    id: 'discussion',
    section: 'story',
    layout: 'content',
    title: 'Questions for discussion',
    blocks: [{ type: 'bullets', items: ctx.ev.questions.map((q) => ({ text: q })) }],
    notes: [DISCUSSION_NOTE],
  };
  if (c.length === 0) return [...context, ...fit(discussion)];
  const controversies: SlideSource = {
    id: 'controversies',
    section: 'story',
    layout: 'content',
    title: 'Controversies and later evidence',
    blocks: [{ type: 'bullets', items: c.map((b) => ({ text: `${b.text}${refs(b.refs)}` })) }],
    notes: [CONTROVERSY_NOTE],
  };
  if (context.length > 0) return [...fit(controversies), ...context, ...fit(discussion)];
  return fitTogether(controversies, discussion, { id: 'controversies', title: 'Controversies and questions for discussion' });
}

export function bottomLineSlides(ctx: StoryContext): Slide[] {
  const { trial } = ctx;
  const blocks: Block[] = [];
  if (trial.takeaway) blocks.push({ type: 'paragraph', text: trial.takeaway, tone: 'callout' });
  const points = trial.overallSummary.length > 0 ? trial.overallSummary : trial.takeaway ? [] : trial.summary;
  if (points.length > 0) blocks.push({ type: 'bullets', items: points.map((b) => ({ text: b.text })) });
  if (blocks.length === 0) return [];
  return fit({ id: 'bottom-line', section: 'story', layout: 'content', title: 'Bottom line', blocks, notes: trial.summary.map((b) => b.text) });
}

export function summarySlides(ctx: StoryContext): Slide[] {
  const { trial } = ctx;
  // The summary is the story's bottom line when there is neither a takeaway nor an overall summary.
  const summary = trial.takeaway || trial.overallSummary.length > 0 ? trial.summary : [];
  const blocks: Block[] = [];
  const interpretation = trial.interpretation.flatMap((g) => g.bullets.map((b) => ({ lead: g.heading, text: b.text })));
  if (interpretation.length > 0) blocks.push({ type: 'bullets', items: interpretation });
  if (trial.resultsSummary.length > 0) blocks.push({ type: 'bullets', items: trial.resultsSummary.map((b) => ({ lead: 'Results', text: b.text })) });
  if (summary.length > 0) blocks.push({ type: 'bullets', items: summary.map((b) => ({ lead: 'Summary', text: b.text })) });
  if (blocks.length === 0) return [];
  return fit({
    id: 'backup-summary',
    section: 'backup',
    layout: 'content',
    title: 'What the paper says',
    blocks,
    notes: ['The summary’s interpretation (clinical practice, mechanism, research direction) and the paper’s own statements of its results, as written; the words-vs-numbers check reads them against the CIs.'],
  });
}

export function referenceSlides(ctx: StoryContext, section: Section): Slide[] {
  const bib = ctx.trial.bibliography;
  if (bib.length === 0) return [];
  return fit({
    id: section === 'backup' ? 'backup-references' : 'references',
    section,
    layout: 'content',
    title: 'References',
    blocks: [{ type: 'bullets', items: bib.map((r) => ({ lead: String(r.n), text: r.text })) }],
    notes: bib.map((r) => `${r.n}. ${r.text}`),
  });
}
