// The opening of the story: title, the clinical question as PICO, and why the
// question matters. Every text is shown whole; fit() continues what is long.
import { fit } from './fit.js';
import type { Item, Slide } from './slides.js';
import { text, type StoryContext } from './story-context.js';

export function titleSlide(ctx: StoryContext): Slide {
  const p = ctx.trial.publication;
  return {
    id: 'title',
    section: 'story',
    layout: 'title',
    title: p.acronym,
    blocks: [
      {
        type: 'title',
        acronym: p.acronym,
        title: p.title,
        journal: `${p.journal} ${p.year}`,
        citation: p.citation,
        byline: ctx.occasion.byline,
        subline: ctx.occasion.subline,
      },
    ],
    notes: [p.citation, ...(p.doi ? [`DOI: ${p.doi}`] : [])],
    textStep: 0,
  };
}

/** The treatment as one line: its name, then its first detail unless that already starts with the name. */
function treatment(name: string, details: readonly string[]): string {
  const first = details[0];
  if (!first) return name;
  return first.toLowerCase().startsWith(name.toLowerCase()) ? first : `${name}: ${first}`;
}

export function questionSlides(ctx: StoryContext): Slide[] {
  const { trial, primary } = ctx;
  const d = trial.design;
  // A short inclusion list is the population; a long one (registry criteria) is on the Population slide.
  const inclusion = d.population.inclusion.map(text);
  const population = (inclusion.length <= 2 ? inclusion.join(' ') : `${inclusion[0]} (all ${inclusion.length} inclusion criteria on the Population slide)`) || d.setting || 'Not stated';
  const items: Item[] = [
    { lead: 'P', text: population },
    { lead: 'I', text: treatment(d.intervention.name, d.intervention.details.map(text)) },
    { lead: 'C', text: treatment(d.comparator.name, d.comparator.details.map(text)) },
    { lead: 'O', text: primary ? primary.name : 'Not stated' },
  ];
  const question = d.question ?? trial.context.question;
  return fit({
    id: 'question',
    section: 'story',
    layout: 'content',
    title: 'The clinical question',
    blocks: [{ type: 'bullets', items }],
    notes: [question, trial.context.hypothesis].filter((x): x is string => !!x),
  });
}

/** Background, then why the question matters (and the hypothesis), continued when long. */
export function backgroundSlides(ctx: StoryContext): Slide[] {
  const c = ctx.trial.context;
  if (c.background.length === 0 && c.whyItMatters.length === 0 && !c.hypothesis) return [];
  const blocks: Slide['blocks'] = [];
  if (c.background.length > 0) blocks.push({ type: 'bullets', items: c.background.map((b) => ({ text: b.text })) });
  const why: Item[] = c.whyItMatters.map((b) => ({ lead: 'Why it matters', text: b.text }));
  if (c.hypothesis) why.push({ lead: 'Hypothesis', text: c.hypothesis });
  if (why.length > 0) blocks.push({ type: 'bullets', items: why });
  return fit({
    id: 'background',
    section: 'story',
    layout: 'content',
    title: 'Background and why it matters',
    blocks,
    notes: [
      'Why the trial was done: what was known before it, and why the answer matters at the bedside.',
      ...(c.question ? [c.question] : []),
    ],
  });
}
