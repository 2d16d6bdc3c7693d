// One slide master per theme and layout (pptxgenjs calls them masters; in the
// package they are the slide layouts under the one slide master). Each carries
// the theme's background, the title placeholder, the accent rule, the footer,
// the slide number and the department logo, so slides hold only their content
// and a presenter restyles every slide of a kind in one place.
import type { Pptx, SlideMasterProps } from './pptxgen-types.js';
import { LAYOUTS, type Layout } from '../deck/slides.js';
import { at, FOOTER, inch, LOGO, MARGIN_X, SLIDE_H, SLIDE_NUMBER, SLIDE_W, TITLE, TITLE_RULE_Y } from './geometry.js';
import type { PptxLook } from './pptx-look.js';
import { pt } from './text-fit.js';

/** Object names starting with this are marked decorative in the package (screen readers skip them). */
export const DECORATIVE = 'Decorative';

export function masterName(look: PptxLook, layout: Layout): string {
  return `${look.name}:${layout}`;
}

type MasterObject = NonNullable<SlideMasterProps['objects']>[number];

function titlePlaceholder(look: PptxLook, layout: Layout): MasterObject {
  const box = layout === 'title' ? { x: 100, y: 150, w: 1000, h: 120 } : layout === 'divider' ? { x: MARGIN_X, y: 260, w: 1160, h: 150 } : TITLE;
  return {
    placeholder: {
      options: {
        name: 'title',
        type: 'title',
        ...at(box),
        fontFace: look.headingFont,
        fontSize: pt(layout === 'title' ? 76 : layout === 'divider' ? 56 : look.headingSize),
        bold: true,
        // On a title slide painted in the accent, the title takes the text colour drawn on it.
        color: layout === 'title' && look.titleBg !== look.bg ? look.titleFg : look.accent,
        align: 'left',
        valign: layout === 'divider' ? 'middle' : 'top',
        margin: 0,
      },
      text: '',
    },
  };
}

const band = (look: PptxLook, box: { x: number; y: number; w: number; h: number }, name: string): MasterObject =>
  ({ rect: { ...at(box), fill: { color: look.accent }, line: { color: look.accent, width: 0 }, objectName: `${DECORATIVE} ${name}` } }) as never;

function decorations(look: PptxLook, layout: Layout): MasterObject[] {
  if (layout === 'title') {
    // The HTML title slide's frame: a band on the left or along the top (none where the theme paints the whole slide).
    const f = look.titleFrame;
    if (look.titleBg !== look.bg || f.kind === 'none') return [];
    return [f.kind === 'left' ? band(look, { x: 0, y: 0, w: f.width, h: SLIDE_H }, 'accent band') : band(look, { x: 0, y: 0, w: SLIDE_W, h: f.height }, 'accent band')];
  }
  if (layout === 'divider') return [];
  // The heading's mark: a rule under it (clinical), a bar to its left (cardiology) or a short bar (icu).
  const m = look.headingMark;
  if (m.kind === 'left-bar') return [band(look, { x: MARGIN_X - 28, y: TITLE.y, w: m.width, h: 56 }, 'heading bar')];
  if (m.kind === 'short-bar') return [band(look, { x: MARGIN_X, y: TITLE_RULE_Y - m.height, w: m.width, h: m.height }, 'heading bar')];
  if (m.kind === 'none') return [];
  return [{ line: { x: inch(MARGIN_X), y: inch(TITLE_RULE_Y), w: inch(SLIDE_W - 2 * MARGIN_X), h: 0, line: { color: look.accent, width: pt(m.width) }, objectName: `${DECORATIVE} title rule` } as never }];
}

function footer(look: PptxLook, text: string): MasterObject[] {
  return [{ text: { text, options: { ...at(FOOTER), fontFace: look.font, fontSize: pt(16), color: look.muted, valign: 'bottom', margin: 0, objectName: 'Footer' } } }];
}

function logo(look: PptxLook, layout: Layout): MasterObject[] {
  if (!look.logo) return [];
  const box = layout === 'title' ? { x: SLIDE_W - 60 - 300, y: 44, w: 300, h: 104 } : LOGO;
  // sizing 'contain' keeps the logo's own proportions inside the box the HTML theme gives it.
  return [{ image: { ...at(box), data: look.logo.data, altText: 'Department logo', objectName: `${DECORATIVE} department logo`, sizing: { type: 'contain', ...at(box) } } as never }];
}

export function defineMasters(pptx: Pptx, look: PptxLook, footerText: string): void {
  for (const layout of LAYOUTS) {
    const bg = layout === 'title' ? look.titleBg : layout === 'divider' ? look.accentSoft : look.bg;
    pptx.defineSlideMaster({
      title: masterName(look, layout),
      background: { color: bg },
      objects: [
        ...decorations(look, layout),
        titlePlaceholder(look, layout),
        ...(layout === 'title' ? [] : footer(look, footerText)),
        ...logo(look, layout),
      ],
      slideNumber: layout === 'title' ? undefined : { ...at(SLIDE_NUMBER), fontFace: look.font, fontSize: pt(16), color: look.muted, align: 'right', valign: 'bottom', margin: 0 } as never,
    });
  }
}
