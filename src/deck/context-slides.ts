// The two context slides as `Slide`s (src/deck/slides.ts), for the slide
// list to place after the results. A suggestion of layout only: the content
// is ContextView's, and pagination stays the slide list's decision.
//
//   "Where this trial sits"         chart full-width; under it one line of what
//                                   was pooled, one of what was left out (a few
//                                   words each), the caveat; the full reasons,
//                                   each study's details and the method in notes
//   "What changed with this trial"  without / with (one line each, the second
//                                   strong), k · τ² · I² · prediction interval
//                                   as stats, Q and what the PI means, caveat
import type { ContextView } from './context-view.js';
import type { Block, Slide } from './slides.js';

const muted = (text: string): Block => ({ type: 'paragraph', text, tone: 'muted' });

export function contextSlides(view: ContextView): Slide[] {
  const { sits, changed } = view;
  const first: Block[] = [
    ...(sits.chart ? [{ type: 'chart', chart: sits.chart } as const] : []),
    ...(sits.chart ? [muted(sits.pooled)] : [{ type: 'paragraph', text: sits.pooled, tone: 'strong' } as const]),
    ...(sits.leftOutLine ? [muted(sits.leftOutLine)] : []),
    muted(sits.caveat),
  ];
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
