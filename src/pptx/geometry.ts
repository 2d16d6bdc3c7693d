// Where things sit on a slide, in CSS px of the 1280×720 Marp slide (the HTML
// deck's own coordinates, so a PPTX slide lines up with its HTML twin), and
// the conversion to the inches pptxgenjs takes.

export const SLIDE_W = 1280;
export const SLIDE_H = 720;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The theme's padding: 48px 60px 64px 60px. */
export const MARGIN_X = 60;
/** The title: a heading of up to two lines, then the accent rule. */
export const TITLE: Box = { x: MARGIN_X, y: 30, w: SLIDE_W - 2 * MARGIN_X, h: 84 };
export const TITLE_RULE_Y = 118;
/** What the slide's blocks share. */
export const BODY: Box = { x: MARGIN_X, y: 132, w: SLIDE_W - 2 * MARGIN_X, h: 528 };
export const FOOTER: Box = { x: MARGIN_X, y: 672, w: 900, h: 30 };
export const SLIDE_NUMBER: Box = { x: SLIDE_W - MARGIN_X - 100, y: 672, w: 100, h: 30 };
/** A department logo: 34 px high, top right, as the HTML theme places it. */
export const LOGO: Box = { x: SLIDE_W - 22 - 120, y: 12, w: 120, h: 34 };
/** Room between stacked blocks. */
export const BLOCK_GAP = 16;

/** Heading sizes in px below the theme's h2 size (38 px in clinical), for titles that need two lines or more. */
export const TITLE_SIZES = [34, 30, 28] as const;

/** CSS px → inches (96 px per inch). */
export function inch(px: number): number {
  return Math.round((px / 96) * 10000) / 10000;
}

/** A box in the `{ x, y, w, h }` inches pptxgenjs takes. */
export function at(b: Box): { x: number; y: number; w: number; h: number } {
  return { x: inch(b.x), y: inch(b.y), w: inch(b.w), h: inch(b.h) };
}
