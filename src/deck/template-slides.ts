// The view model's slides as the Handlebars templates read them. Templates run
// in strict mode, where a missing key is an error even inside {{#if}}, so every
// optional field is present here (empty when unused), each block carries one
// flag per block type, and a chart block carries the chart it names.
import type { Block, BlockType, Item, Slide } from './slides.js';
import type { DeckChart, ViewModel } from './view-model.js';

const BLOCK_TYPES: readonly BlockType[] = ['bullets', 'paragraph', 'table', 'stats', 'chart', 'columns', 'title'];

interface TemplateItem {
  lead: string;
  text: string;
  sub: string[];
}

export interface TemplateSlide {
  id: string;
  /** Marp `_class`: layout, slide name, section and text step (e.g. `content design story step-1`). */
  cls: string;
  title: string;
  subtitle: string;
  /** The title slide shows its own headings and no page number. */
  isTitle: boolean;
  isDivider: boolean;
  blocks: Record<string, unknown>[];
  notes: string[];
}

const item = (i: Item): TemplateItem => ({ lead: i.lead ?? '', text: i.text, sub: i.sub ?? [] });

function templateBlock(block: Block, charts: ReadonlyMap<string, DeckChart>): Record<string, unknown> {
  const is = Object.fromEntries(BLOCK_TYPES.map((t) => [t, t === block.type]));
  switch (block.type) {
    case 'bullets':
      return { is, items: block.items.map(item) };
    case 'paragraph':
      return { is, text: block.text, lead: block.lead ?? '', tone: block.tone ?? '' };
    case 'table':
      return { is, columns: block.columns, rows: block.rows.map((r) => ({ cells: r.cells, strong: r.strong === true })) };
    case 'stats':
      return { is, items: block.items.map((s) => ({ label: s.label, big: s.big, small: s.small ?? '' })) };
    case 'chart': {
      const chart = charts.get(block.chart);
      const uri = block.beside && chart?.besideUri ? chart.besideUri : chart?.uri;
      return { is, chart: chart && uri ? { alt: chart.alt, uri } : null };
    }
    case 'columns':
      return { is, columns: block.columns.map((c) => ({ heading: c.heading, items: c.items.map(item) })) };
    case 'title':
      return { is, ...block, byline: block.byline ?? '', subline: block.subline ?? '' };
  }
}

/**
 * Two lists in a row would merge into one loose Markdown list (CommonMark),
 * whose items are spaced as paragraphs: taller than the view model measured.
 * A list right after another uses the other bullet marker, which starts a new list.
 */
function alternateLists(blocks: Record<string, unknown>[]): Record<string, unknown>[] {
  let previousAlt: boolean | null = null;
  return blocks.map((b) => {
    const isList = (b.is as Record<string, boolean>).bullets === true || (b.is as Record<string, boolean>).stats === true;
    const alt = isList && previousAlt === false;
    previousAlt = isList ? alt : null;
    return { ...b, alt };
  });
}

const LAYOUT_CLASS: Record<Slide['layout'], string> = {
  title: 'title',
  divider: 'divider',
  content: 'content',
  primary: 'primary',
  chart: 'chart',
  table: 'table',
  columns: 'cols',
  split: 'chart-beside',
};

export function templateSlides(vm: ViewModel): TemplateSlide[] {
  const charts = new Map(vm.charts.map((c) => [c.id, c]));
  return vm.slides.map((s) => ({
    id: s.id,
    // The id without its page number names the slide for themes (e.g. `question` for the PICO slide).
    cls: [LAYOUT_CLASS[s.layout], s.id.replace(/-\d+$/, ''), s.section, s.textStep > 0 ? `step-${s.textStep}` : ''].filter(Boolean).join(' '),
    title: s.title,
    subtitle: s.subtitle ?? '',
    isTitle: s.layout === 'title',
    isDivider: s.layout === 'divider',
    blocks: alternateLists(s.blocks.map((b) => templateBlock(b, charts))),
    notes: s.notes,
  }));
}
