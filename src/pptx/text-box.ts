// Paragraphs → a pptxgenjs text box. Sizes come from text-fit.ts; the box
// never shrinks or grows its text by itself (`fit: 'none'`), in PowerPoint or
// LibreOffice, so what was measured is what is shown.
import type { PptxSlide, TextProps } from './pptxgen-types.js';
import type { Item } from '../deck/slides.js';
import { at, type Box } from './geometry.js';
import { BULLET_INDENT, PARA_SPACE, paraSize, pt, type Para } from './text-fit.js';

/** The document language, on every run (PowerPoint's spelling and screen readers use it). */
export const LANG = 'en-US';

export interface TextStyle {
  font: string;
  color: string;
  size: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  fill?: string;
  line?: { color: string; width: number };
  name?: string;
  /** Exact line pitch in px (charts that follow their builder's layout); PowerPoint's single spacing when absent. */
  lineSpacing?: number;
  /** No insets: the text starts at the box's edge (charts placing text at computed positions). */
  flush?: boolean;
}

/** An item as one paragraph: `**lead** · text`, then its sub-bullets. */
export function itemParas(item: Item): Para[] {
  const runs = item.lead ? [{ text: item.lead, bold: true }, { text: ` \u00b7 ${item.text}` }] : [{ text: item.text }];
  return [{ runs, bullet: true }, ...(item.sub ?? []).map((s): Para => ({ runs: [{ text: s }], bullet: true, level: 1 }))];
}

export function textRuns(paras: readonly Para[], style: TextStyle): TextProps[] {
  const out: TextProps[] = [];
  for (const [pi, p] of paras.entries()) {
    const size = paraSize(p, style.size);
    const runs = p.runs.filter((r) => r.text !== '');
    for (const [ri, r] of (runs.length > 0 ? runs : [{ text: ' ' }]).entries()) {
      const first = ri === 0;
      const last = ri === runs.length - 1 || runs.length === 0;
      out.push({
        text: r.text,
        options: {
          bold: r.bold ?? style.bold ?? false,
          ...(r.color ? { color: r.color } : {}),
          fontSize: pt(size),
          lang: LANG,
          // Paragraph properties on the paragraph's first run only (the package step drops repeats).
          ...(first
            ? {
                bullet: p.bullet ? { indent: pt(BULLET_INDENT * size) } : false,
                indentLevel: p.level ?? 0,
                paraSpaceBefore: pi > 0 ? pt(PARA_SPACE * size) : 0,
              }
            : {}),
          breakLine: last && pi < paras.length - 1,
        },
      });
    }
  }
  return out;
}

export function addParas(slide: PptxSlide, paras: readonly Para[], box: Box, style: TextStyle): void {
  slide.addText(textRuns(paras, style), {
    ...at(box),
    fontFace: style.font,
    fontSize: pt(style.size),
    color: style.color,
    align: style.align ?? 'left',
    valign: style.valign ?? 'top',
    fit: 'none',
    wrap: true,
    lang: LANG,
    ...(style.fill ? { fill: { color: style.fill } } : {}),
    ...(style.line ? { line: { color: style.line.color, width: style.line.width } } : {}),
    ...(style.name ? { objectName: style.name } : {}),
    ...(style.lineSpacing ? { lineSpacing: pt(style.lineSpacing) } : {}),
    ...(style.flush ? { margin: 0 } : {}),
  });
}
