// Slides are composed and rendered before their charts are drawn (the chart
// worker draws them meanwhile: src/build.ts). Each chart image first points
// at a placeholder URI named by its drawing's content hash; the real data URI
// replaces it in the Markdown and the rendered HTML afterwards. The result is
// byte-identical to rendering with the real URIs: markdown-it leaves both
// kinds of URI unchanged (base64 and hex need no escaping).
//
// The placeholders also keep ~300 KB of base64 out of markdown-it, and keep
// the render cache's key (the Markdown) independent of the SVG bytes.
import type { RenderedDeck } from '../marp/render.js';
import type { DeckChart } from './story-context.js';
import type { ViewModel } from './view-model.js';

const PREFIX = 'data:image/svg+xml;base64,trialdeckChart';

/** The stand-in for a drawing whose cache key is `key` (a sha256 hex string: no text can produce it by chance). */
export function placeholderUri(key: string): string {
  return `${PREFIX}${key}`;
}

interface Composed {
  markdown: string;
  viewModel: ViewModel;
  rendered: RenderedDeck;
}

/** Swaps each draft chart's placeholders for the drawn chart's URIs (same order, same beside drawings). */
export function fillPlaceholders<C extends DeckChart>(composed: Composed, drafts: readonly DeckChart[], charts: readonly C[]): Composed & { viewModel: ViewModel & { charts: C[] } } {
  const swaps = new Map<string, string>();
  drafts.forEach((draft, i) => {
    const chart = charts[i];
    if (!chart || chart.id !== draft.id) throw new Error(`chart ${i} is ${chart?.id ?? 'missing'}, expected ${draft.id}`);
    swaps.set(draft.uri, chart.uri);
    if (draft.besideUri && chart.besideUri) swaps.set(draft.besideUri, chart.besideUri);
  });
  const fill = (s: string): string => (s.includes(PREFIX) ? s.replace(/data:image\/svg\+xml;base64,trialdeckChart[0-9a-f]+/g, (uri) => swaps.get(uri) ?? uri) : s);
  const { rendered } = composed;
  return {
    markdown: fill(composed.markdown),
    viewModel: { ...composed.viewModel, charts: [...charts] },
    rendered: { ...rendered, html: fill(rendered.html), slides: rendered.slides.map(fill) },
  };
}
