// Results: the primary outcome in large type, one slide of key secondary and
// safety results with one chart, and in the backup the full results table
// (every row) and every other chart.
import { isRatioMeasure, type Effect, type Outcome, type Trial } from '../trial/schema.js';
import { BOX, blockHeight, fit, paginateBlocks } from './fit.js';
import { formatCI, formatEffect, formatEstimate, formatP, formatQuantity } from './format.js';
import { primaryView } from './primary-view.js';
import type { Block, Slide, TableRow } from './slides.js';
import type { DeckChart, StoryContext } from './story-context.js';

/** The table's column on a `split` slide: 1160 px less the chart's 620 px column and the 24 px gap (themes/clinical.css). */
const SPLIT_TABLE_WIDTH = 516;

/** The paper's own wording when we have it (e.g. `1.90`, not `1.9`), else formatted. */
export function effectCell(e: Effect | undefined): string {
  if (!e) return '—';
  if (!e.reported) return e.text ?? 'Not reported';
  if (e.text || e.ciText) return [e.text, e.ciText].filter(Boolean).join('; ');
  return [formatEstimate(e), formatCI(e), formatP(e)].filter(Boolean).join('; ');
}

function resultRow(o: Outcome, trial: Trial): TableRow {
  const cells = trial.arms.map((arm) => {
    const q = o.arms[arm.id];
    return q ? formatQuantity(q) : '—';
  });
  return { cells: [o.name, ...cells, effectCell(o.effect)], strong: o.role === 'primary' };
}

function resultColumns(trial: Trial): string[] {
  return ['Outcome', ...trial.arms.map((a) => a.label), 'Effect (CI; P)'];
}

/** The results table's column widths, as the theme sets them (section.table: outcome 34%, effect 32%, the arms share the rest). */
export function resultWidths(columns: number): number[] {
  const arms = columns - 2;
  return [0.34, ...Array.from({ length: arms }, () => 0.34 / arms), 0.32];
}

function tableWidths(trial: Trial): number[] {
  return resultWidths(trial.arms.length + 2);
}

export function primarySlides(ctx: StoryContext): Slide[] {
  const { primary: o } = ctx;
  const view = primaryView(ctx.trial);
  if (!o || !view) return [];
  const blocks: Block[] = [{ type: 'stats', items: view.arms }];
  for (const r of view.results) {
    blocks.push({ type: 'paragraph', text: r.effect, ...(r.lead ? { lead: r.lead } : {}), tone: 'strong' });
    if (r.verdict) blocks.push({ type: 'paragraph', text: r.verdict });
    if (r.continuous) blocks.push({ type: 'paragraph', text: r.continuous, tone: 'muted' });
  }
  if (view.margin) blocks.push({ type: 'paragraph', text: view.margin, tone: 'muted' });
  // What the ratio's CI allows in absolute terms, from the control arm's risk.
  if (ctx.ev.absolute) blocks.push({ type: 'paragraph', text: ctx.ev.absolute.text, tone: 'muted' });
  // Differences the paper reports beside the main effect (e.g. the risk difference), when not already a result line.
  const shown = new Set(view.results.map((r) => r.effect));
  for (const e of o.otherEffects) {
    const text = formatEffect(e);
    if (e.reported && !isRatioMeasure(e.measure) && !e.comparison && !e.population && !shown.has(text)) blocks.push({ type: 'paragraph', text });
  }
  return fit({
    id: 'primary',
    section: 'story',
    layout: 'primary',
    title: 'Primary outcome',
    subtitle: o.name,
    blocks,
    notes: [o.definition, o.notes, ctx.ev.absolute ? `Absolute terms: ${ctx.ev.absolute.method}.` : undefined, ...[o.effect, ...o.otherEffects].filter((e) => e?.reported).map((e) => formatEffect(e!))].filter((x): x is string => !!x),
  });
}

/** No effect inside the CI: 1 for ratios, 0 for differences. */
function excludesNoEffect(o: Outcome): boolean {
  const e = o.effect;
  if (!e?.reported || !e.ci) return false;
  const none = isRatioMeasure(e.measure) ? 1 : 0;
  return e.ci.lower > none || e.ci.upper < none;
}

/**
 * The key-results slide's candidates, most important first: safety outcomes,
 * then secondary outcomes whose CI excludes no effect, then the other
 * secondary outcomes with an effect. Competing events belong to the primary.
 */
function keyOutcomes(trial: Trial, primary: Outcome | undefined): Outcome[] {
  const rest = trial.results.filter((o) => o !== primary && o.role !== 'competing');
  const safety = rest.filter((o) => o.role === 'safety');
  const secondary = rest.filter((o) => o.role !== 'safety' && o.effect?.reported);
  return [...safety, ...secondary.filter(excludesNoEffect), ...secondary.filter((o) => !excludesNoEffect(o))];
}

export function keyResultSlides(ctx: StoryContext): Slide[] {
  const { trial, primary } = ctx;
  const key = keyOutcomes(trial, primary);
  const forest = ctx.charts.find((c) => c.id === 'forest');
  const forestSlide = forest ? [chartSlide(forest, 'story')] : [];
  if (key.length === 0) return forestSlide;
  // One slide: as many key rows as fit at the smallest step; every row is in the backup table.
  const columns = resultColumns(trial);
  const candidates: Extract<Block, { type: 'table' }> = { type: 'table', columns, rows: key.map((o) => resultRow(o, trial)), widths: tableWidths(trial) };
  const first = paginateBlocks([candidates], 2, BOX.height)[0]?.[0];
  const count = first?.type === 'table' ? first.rows.length : key.length;
  // The rows that fit, shown in the paper's order.
  const shownOutcomes = trial.results.filter((o) => key.slice(0, count).includes(o));
  const rows = shownOutcomes.map((o) => resultRow(o, trial));
  const notes = [
    ...shownOutcomes.map((o) => `${o.name} (${o.role}): ${effectCell(o.effect)}${o.notes ? `. ${o.notes}` : ''}`),
    ...(rows.length < key.length ? [`${key.length - rows.length} more rows are in the full results table in the backup slides.`] : []),
  ];
  // The table and the forest plot's column drawing share the slide when the table fits its column.
  // Four columns at most (two arms): in a 516 px column a fifth leaves words broken mid-letter.
  // Beside a chart the table's columns share its width equally (no results-table widths there).
  const splitTable: Extract<Block, { type: 'table' }> = { type: 'table', columns, rows };
  const step = forest?.besideUri && columns.length <= 4 ? ([0, 1, 2] as const).find((k) => blockHeight(splitTable, k, SPLIT_TABLE_WIDTH) <= BOX.height) : undefined;
  if (forest && step !== undefined) {
    return [{ id: 'key-results', section: 'story', layout: 'split', title: 'Key secondary and safety results', blocks: [splitTable, { type: 'chart', chart: forest.id, beside: true }], notes: [...notes, forest.alt], textStep: step }];
  }
  const table = fit({ id: 'key-results', section: 'story', layout: 'table', title: 'Key secondary and safety results', blocks: [{ ...candidates, rows }], notes });
  return [...table.slice(0, 1), ...forestSlide];
}

export function chartSlide(chart: DeckChart, section: Slide['section']): Slide {
  return {
    id: `${section === 'backup' ? 'backup-' : ''}chart-${chart.id}`,
    section,
    layout: 'chart',
    title: chart.title,
    blocks: [{ type: 'chart', chart: chart.id }],
    notes: [chart.alt],
    textStep: 0,
  };
}

export function fullResultsSlides(ctx: StoryContext): Slide[] {
  const { trial } = ctx;
  return fit({
    id: 'backup-results',
    section: 'backup',
    layout: 'table',
    title: 'All results',
    blocks: [{ type: 'table', columns: resultColumns(trial), rows: trial.results.map((o) => resultRow(o, trial)), widths: tableWidths(trial) }],
    notes: trial.resultsIntro ? [trial.resultsIntro] : [],
    pageNotes: (blocks) =>
      blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => `${r.cells[0] ?? ''}: ${r.cells.slice(1).join(' | ')}`) : [])),
  });
}
