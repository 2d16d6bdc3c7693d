// The two context slides as `Slide`s (src/deck/slides.ts), for the slide
// list to place after the results. A suggestion of layout only: the content
// is ContextView's, and pagination stays the slide list's decision.
//
//   "Where this trial sits"         the chart alone, full-width (it prints who
//                                   was left out and the caveat under the plot);
//                                   who was pooled and why the others were left
//                                   out in full, and the method, in the notes
//   "What changed with this trial"  without / with (one line each, the second
//                                   strong), k · τ² · I² · prediction interval
//                                   as stats, Q and what the PI means, caveat
import type { ContextView } from './context-view.js';
import type { Block, Slide } from './slides.js';

const muted = (text: string): Block => ({ type: 'paragraph', text, tone: 'muted' });

export function contextSlides(view: ContextView): Slide[] {
  const { sits, changed } = view;
  // The chart prints the left-out line and the caveat under the plot (and its rows say who was
  // pooled): a chart slide holds the chart alone. Without a chart the same lines are the slide.
  const first: Block[] = sits.chart
    ? [{ type: 'chart', chart: sits.chart }]
    : [{ type: 'paragraph', text: sits.pooled, tone: 'strong' }, ...(sits.leftOutLine ? [muted(sits.leftOutLine)] : []), muted(sits.caveat)];
  const slides: Slide[] = [
    { id: 'context', section: 'story', layout: sits.chart ? 'chart' : 'content', title: sits.title, subtitle: sits.subtitle, blocks: first, notes: sits.notes, textStep: 2 },
  ];
  if (changed) {
    slides.push({
      id: 'context-changed',
      section: 'story',
      layout: 'content',
      title: changed.title,
      subtitle: changed.subtitle,
      blocks: [
        { type: 'paragraph', text: changed.without },
        { type: 'paragraph', text: changed.with, tone: 'strong' },
        { type: 'stats', items: changed.stats },
        muted(changed.heterogeneity),
        muted(changed.prediction),
        muted(changed.caveat),
      ],
      notes: changed.notes,
      textStep: 1,
    });
  }
  return slides;
}
