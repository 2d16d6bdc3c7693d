// The title slide: the deck's title (the acronym) in the title placeholder,
// then the paper's title, journal and citation, and who presents it.
import type { PptxSlide } from './pptxgen-types.js';
import type { Block, Slide } from '../deck/slides.js';
import type { PptxLook } from './pptx-look.js';
import { addParas, LANG } from './text-box.js';
import { fitParas, pt, type Para } from './text-fit.js';

type TitleBlock = Extract<Block, { type: 'title' }>;

const LEFT = 100;
const WIDTH = 1080;

export function addTitleSlide(slide: PptxSlide, look: PptxLook, s: Slide): void {
  const block = s.blocks.find((b): b is TitleBlock => b.type === 'title');
  const heading = fitParas([{ runs: [{ text: s.title, bold: true }] }], WIDTH, 130, [76, 64, 56, 48], look.headingScale);
  slide.addText(s.title, { placeholder: 'title', fontSize: pt(heading.size), lang: LANG });
  if (!block) return;
  const fg = look.titleFg;
  const muted = look.titleBg === look.bg ? look.muted : look.titleFg;
  let y = 290;
  const put = (paras: Para[], sizes: number[], maxH: number, color: string): void => {
    const fit = fitParas(paras, WIDTH, maxH, sizes, look.fontScale);
    addParas(slide, paras, { x: LEFT, y, w: WIDTH, h: fit.height }, { font: look.font, color, size: fit.size });
    y += fit.height + 10;
  };
  put([{ runs: [{ text: block.title, bold: true }] }], [34, 30, 28, 26, 24], 170, fg);
  put([{ runs: [{ text: block.journal, bold: true }, { text: ` \u00b7 ${block.citation}` }] }], [20, 18, 16], 120, muted);
  const who = [block.byline, block.subline].filter((t): t is string => Boolean(t)).map((t): Para => ({ runs: [{ text: t }] }));
  if (who.length > 0) put(who, [24, 22, 20], Math.max(40, 680 - y), fg);
}
