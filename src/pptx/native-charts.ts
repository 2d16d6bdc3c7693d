// Event rates and competing outcomes as native PowerPoint charts: the numbers
// live in the chart's embedded workbook, so a presenter edits them in
// PowerPoint (Edit Data) like any chart of their own. The data is the chart
// builders' own datasets (src/charts), never recomputed here.
import type { Pptx, PptxSlide } from './pptxgen-types.js';
import { MIN_LABELLED_PERCENT } from '../charts/competing.js';
import type { ChartSpecInput } from '../charts/spec-files.js';
import { at, type Box } from './geometry.js';
import { hex, type PptxLook } from './pptx-look.js';
import { LANG } from './text-box.js';
import { pt } from './text-fit.js';

export interface NativeSeries {
  name: string;
  labels: string[];
  values: number[];
}

export interface NativeChart {
  kind: 'grouped' | 'stacked';
  series: NativeSeries[];
  colors: string[];
  axisTitle: string;
  max?: number;
}

interface Dot { y: number; percent: number; color: string }
interface ChartText { column: string; text: string }
interface Segment { armOrder: number; arm: string; category: string; percent: number }

/**
 * Event rates: one series per arm, one category per outcome, in the builder's
 * order. Its drawing holds a header row ("Outcome", then each arm's name over
 * its symbol) and, per outcome, one dot per arm in arm order.
 */
export function eventRatesData(input: ChartSpecInput): NativeChart {
  const dots = input.datasets.dots as unknown as Dot[];
  const texts = input.datasets.texts as unknown as ChartText[];
  const symbols = input.datasets.symbols as unknown as { color: string }[];
  const one = (t: ChartText): string => t.text.replace(/\n/g, ' ');
  const labels = texts.filter((t) => t.column === 'label').slice(1).map(one);
  const arms = texts.filter((t) => t.column === 'value').slice(0, symbols.length).map(one);
  const series = arms.map((name, k) => ({ name, labels, values: labels.map((_, i) => dots[i * arms.length + k]?.percent ?? 0) }));
  const xDomain = input.params.xDomain as [number, number] | undefined;
  return { kind: 'grouped', series, colors: symbols.map((s) => hex(s.color, '000000')), axisTitle: String(input.params.axisTitle ?? ''), max: xDomain?.[1] };
}

/** Competing outcomes: one series per category (primary event, competing events, the rest), one bar per arm. */
export function competingData(input: ChartSpecInput): NativeChart {
  const segments = input.datasets.segments as unknown as Segment[];
  const categories = input.params.categories as string[];
  const colors = (input.params.categoryColors as string[]).slice(0, categories.length).map((c) => hex(c, '8C8C8C'));
  const arms = [...new Map(segments.map((s) => [s.armOrder, s.arm])).entries()].sort((a, b) => a[0] - b[0]);
  const labels = arms.map(([, name]) => name);
  const series = categories.map((category) => ({
    name: category,
    labels,
    values: arms.map(([order]) => segments.find((s) => s.armOrder === order && s.category === category)?.percent ?? 0),
  }));
  return { kind: 'stacked', series, colors, axisTitle: String(input.params.axisTitle ?? 'Patients (%)'), max: 100 };
}

export function addNativeChart(pptx: Pptx, slide: PptxSlide, look: PptxLook, chart: NativeChart, box: Box, alt: string, title: string): void {
  const size = pt(look.chart.fontSize);
  const text = { fontFace: look.font, fontSize: size, color: look.fg };
  slide.addChart(pptx.ChartType.bar, chart.series, {
    ...at(box),
    altText: alt,
    objectName: title,
    barDir: 'bar',
    barGrouping: chart.kind === 'stacked' ? 'stacked' : 'clustered',
    barGapWidthPct: chart.kind === 'stacked' ? 60 : 40,
    chartColors: chart.colors,
    // Categories top to bottom in the builder's order (PowerPoint draws bar categories bottom-up).
    catAxisOrientation: 'maxMin' as 'minMax', // written as given; the type lists only minMax
    // …and the value axis stays at the bottom, crossing the reversed categories at their end.
    catAxisCrossesAt: 'max' as never,
    catAxisLabelFontFace: text.fontFace,
    catAxisLabelFontSize: size,
    catAxisLabelColor: text.color,
    valAxisLabelFontFace: text.fontFace,
    valAxisLabelFontSize: size,
    valAxisLabelColor: look.muted,
    valAxisMinVal: 0,
    valAxisMaxVal: chart.max,
    valAxisLabelFormatCode: '0',
    valGridLine: { color: look.grid, size: 0.75 },
    catGridLine: { style: 'none' },
    showValAxisTitle: true,
    valAxisTitle: chart.axisTitle,
    valAxisTitleFontFace: text.fontFace,
    valAxisTitleFontSize: size,
    valAxisTitleColor: look.muted,
    showLegend: true,
    legendPos: 't',
    legendFontFace: text.fontFace,
    legendFontSize: size,
    legendColor: text.color,
    showValue: true,
    // Stacked segments too thin for their label stay unlabelled, as in the HTML chart (a conditional number format).
    dataLabelFormatCode: chart.kind === 'stacked' ? `[<${MIN_LABELLED_PERCENT}]"";0.0"%"` : '0.0"%"',
    dataLabelFontFace: text.fontFace,
    dataLabelFontSize: pt(Math.max(14, look.chart.fontSize - 2)),
    dataLabelColor: chart.kind === 'stacked' ? 'FFFFFF' : text.color,
    dataLabelPosition: chart.kind === 'stacked' ? 'ctr' : 'outEnd',
    lang: LANG,
  });
}
