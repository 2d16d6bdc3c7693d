// Participant flow: enrolment ──► each arm's allocation ──► its analysis,
// drawn as boxes and arrows. Only numbers the data gives are shown; a box
// says "not reported" rather than inventing one.
import type { Trial } from '../trial/schema.js';
import type { ChartTheme } from './chart-theme.js';
import { armsOf, CANVAS_WIDTH, commonParams, lineHeight, type ArmInfo } from './chart-data.js';
import { textWidth, wrapText } from './text-metrics.js';
import type { JsonObject } from './prepare-spec.js';
import type { ChartSpecInput } from './spec-files.js';

interface Box { cx: number; top: number; width: number; title: string[]; lines: string[]; stroke: string; strokeWidth: number }

const PAD_X = 18;
const PAD_Y = 12;
const ROW_GAP = 64;
const PLOT_WIDTH = CANVAS_WIDTH - 24; // template padding left + right

const count = (n: number): string => n.toLocaleString('en-US');

function enrolmentLines(trial: Trial, arms: readonly ArmInfo[]): string[] {
  const enrolled = trial.enrolment.enrolled;
  const planned = trial.design.statistics.plannedSampleSize;
  const randomised = trial.arms.every((a) => a.randomised !== undefined)
    ? trial.arms.reduce((s, a) => s + (a.randomised ?? 0), 0) : undefined;
  const lines: string[] = [];
  if (enrolled !== undefined) lines.push(`Enrolled: ${count(enrolled)}`);
  if (randomised !== undefined && randomised !== enrolled) lines.push(`Randomised: ${count(randomised)}`);
  if (planned !== undefined) lines.push(`Planned sample size: ${count(planned)}`);
  if (lines.length === 0) lines.push(`${arms.length} arms`);
  return lines;
}

export function buildFlowChart(trial: Trial, theme: ChartTheme): ChartSpecInput | null {
  const arms = armsOf(trial, theme);
  const hasNumbers = trial.enrolment.enrolled !== undefined || trial.arms.some((a) => a.randomised !== undefined || a.analysed !== undefined);
  if (!hasNumbers) return null;
  const f = theme.fontSize;
  const lh = lineHeight(theme);
  const boxHeight = (b: Box): number => PAD_Y * 2 + (b.title.length + b.lines.length) * lh;
  const fit = (title: readonly string[], lines: readonly string[]): number =>
    Math.ceil(Math.max(...title.map((t) => textWidth(t, f, true)), ...lines.map((l) => textWidth(l, f)))) + 2 * PAD_X;

  const column = PLOT_WIDTH / arms.length;
  const maxBox = column - 24;
  // Long arm names wrap inside their box instead of widening it past its column.
  const titleLines = (t: string): string[] => wrapText(t, { maxWidth: maxBox - 2 * PAD_X, fontSize: f, bold: true, maxLines: 3 });

  const top: Box = { cx: PLOT_WIDTH / 2, top: 4, width: 0, title: ['Enrolment'], lines: enrolmentLines(trial, arms), stroke: theme.mutedColor, strokeWidth: 1.5 };
  top.width = Math.max(260, fit(top.title, top.lines));

  const allocation: Box[] = trial.arms.map((a, i) => ({
    cx: column * (i + 0.5), top: 0, width: 0, title: titleLines(a.label),
    lines: [a.randomised !== undefined ? `Randomised: ${count(a.randomised)}` : 'Randomised: not reported'],
    stroke: arms[i]?.color ?? theme.mutedColor, strokeWidth: 3,
  }));
  const showAnalysis = trial.arms.some((a) => a.analysed !== undefined);
  const analysis: Box[] = showAnalysis
    ? trial.arms.map((a, i) => {
        const lines = [a.analysed !== undefined ? `Analysed: ${count(a.analysed)}` : 'Analysed: not reported'];
        if (a.analysed !== undefined && a.randomised !== undefined && a.randomised > a.analysed) {
          lines.push(`Not analysed: ${count(a.randomised - a.analysed)}`);
        }
        return { cx: column * (i + 0.5), top: 0, width: 0, title: ['Analysis'], lines, stroke: theme.mutedColor, strokeWidth: 1.5 };
      })
    : [];
  // Boxes in a row share one width, capped by the column they sit in; a line
  // wider than that (four arms at a large theme size) wraps at its spaces.
  for (const b of [...allocation, ...analysis]) b.lines = b.lines.flatMap((l) => wrapText(l, { maxWidth: maxBox - 2 * PAD_X, fontSize: f, maxLines: 3 }));
  for (const row of [allocation, analysis]) {
    const w = Math.min(maxBox, Math.max(220, ...row.map((b) => fit(b.title, b.lines))));
    for (const b of row) b.width = Math.max(w, fit(b.title, b.lines));
  }
  const rowTop = (prev: readonly Box[]): number => Math.max(...prev.map((b) => b.top + boxHeight(b))) + ROW_GAP;
  for (const b of allocation) b.top = rowTop([top]);
  for (const b of analysis) b.top = rowTop(allocation);
  const boxes = [top, ...allocation, ...analysis];
  const bottom = Math.max(...boxes.map((b) => b.top + boxHeight(b)));

  // Elbow connector from enrolment to each arm, straight arrows to analysis.
  const links: JsonObject[] = [];
  const heads: JsonObject[] = [];
  const topBottom = top.top + boxHeight(top);
  const splitY = topBottom + ROW_GAP / 2;
  links.push({ x: top.cx, y: topBottom, x2: top.cx, y2: splitY });
  links.push({ x: Math.min(...allocation.map((b) => b.cx)), y: splitY, x2: Math.max(...allocation.map((b) => b.cx)), y2: splitY });
  const arrow = (x: number, y1: number, y2: number): void => {
    links.push({ x, y: y1, x2: x, y2: y2 - 6 });
    heads.push({ x, y: y2 - 6 });
  };
  for (const b of allocation) arrow(b.cx, splitY, b.top);
  analysis.forEach((b, i) => {
    const from = allocation[i];
    if (from) arrow(b.cx, from.top + boxHeight(from), b.top);
  });

  const alt =
    `Participant flow. ${top.lines.join('; ')}. ` +
    trial.arms.map((a, i) => `${a.label}: ${[...(allocation[i]?.lines ?? []), ...(analysis[i]?.lines ?? [])].join(', ').toLowerCase()}`).join('. ') + '.';

  return {
    id: 'flow',
    title: 'Participant flow',
    alt,
    width: CANVAS_WIDTH,
    height: Math.round(bottom + 8 + 16 + 44),
    datasets: {
      boxes: boxes.map((b) => ({ x: b.cx - b.width / 2, x2: b.cx + b.width / 2, y: b.top, y2: b.top + boxHeight(b), fill: theme.background, stroke: b.stroke, strokeWidth: b.strokeWidth })),
      titles: boxes.map((b) => ({ x: b.cx, y: b.top + PAD_Y, text: b.title.join('\n'), color: theme.textColor })),
      bodies: boxes.map((b) => ({ x: b.cx, y: b.top + PAD_Y + b.title.length * lh, text: b.lines.join('\n') })),
      links,
      heads,
    },
    params: commonParams(trial, theme),
  };
}
