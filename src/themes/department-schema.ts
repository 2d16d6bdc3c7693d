// The department file: who presents, where, and how their slides look.
// Every value that reaches the generated CSS is constrained here (hex
// colours, plain font-family names, a theme name), so the CSS generator
// never has to escape anything; free text (names, footer) only ever reaches
// the slides through the Markdown escaper.
import { z } from 'zod';
import { NAME_RULE_TEXT } from './messages.js';
import { MAX_NAME_LENGTH, NAME_RULE } from './registry.js';

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const COLOUR_MSG = 'expected a colour like "#0b6e99" (quote it: YAML reads an unquoted # as the start of a comment)';
/** A font family name such as `DejaVu Sans`: no quotes, commas, url() or other CSS. */
const FONT_FAMILY = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

const colour = z.string({ error: COLOUR_MSG }).regex(HEX_COLOUR, COLOUR_MSG);
/** One line of text: line breaks and tabs become spaces (a footer has one line); other control characters are refused. */
const line = (max: number) =>
  z
    .string({ error: 'expected text' })
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, 'expected text, got an empty string')
        .max(max, `expected at most ${max} characters`)
        .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'expected text without control characters'),
    );
const font = z
  .string({ error: 'expected a font family name' })
  .regex(FONT_FAMILY, 'expected one installed font family name such as "Liberation Sans" or "DejaVu Sans" (letters, digits, spaces; no CSS, no URLs)');

export const departmentSchema = z.strictObject({
  /** Shown in the footer and on the title slide, e.g. "Intensive Care". */
  name: line(80),
  hospital: line(120).optional(),
  /** The presenter's name, on the title slide. */
  presenter: line(80).optional(),
  /** Replaces the department name in the footer, e.g. "ICU journal club". */
  footer: line(80).optional(),
  /** The theme this department's look builds on. */
  extends: z
    .string({ error: 'expected a theme name' })
    .max(MAX_NAME_LENGTH, `expected at most ${MAX_NAME_LENGTH} characters`)
    .regex(NAME_RULE, `expected a theme name: ${NAME_RULE_TEXT} (see \`trialdeck themes\`)`)
    .optional(),
  /** PNG or SVG, relative to the department file and inside its folder. */
  logo: z
    .string({ error: 'expected a file name such as logo.png' })
    .min(1, 'expected a file name such as logo.png')
    .max(255, 'expected a file name of at most 255 characters')
    .refine((s) => !s.includes('\u0000'), 'expected a file name without NUL bytes')
    .optional(),
  colors: z
    .strictObject({
      /** Headings, rules, table headers. */
      primary: colour.optional(),
      /** Second accent: the primary outcome in charts. */
      accent: colour.optional(),
      background: colour.optional(),
      text: colour.optional(),
      /** Secondary text (footer, captions). */
      muted: colour.optional(),
      /** Tinted panels; default: primary mixed into the background. */
      soft: colour.optional(),
      /** One colour per arm, by arm index, on slides and in every chart. */
      arms: z.array(colour, { error: 'expected a list of colours' }).min(1, 'expected at least one colour').max(4, 'expected at most 4 arm colours').optional(),
    })
    .optional(),
  fonts: z
    .strictObject({
      body: font.optional(),
      headings: font.optional(),
    })
    .optional(),
});

export type Department = z.infer<typeof departmentSchema>;
