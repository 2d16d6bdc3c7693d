// The one Markdown escaper every data string goes through. Handlebars' own
// escaping is for HTML; in Markdown, data such as `---`, `|`, `# `, `1. ` or
// `<!-- _class: x -->` would change the deck's structure. We backslash-escape
// (CommonMark allows it for any ASCII punctuation) only what has meaning, so
// deck.md stays readable: inline syntax anywhere, block syntax at the line
// start; and we fold line breaks, so data is always one line of literal text.

/** Inline syntax: emphasis, code, links/images, HTML, entities, math, strikethrough, table cells. */
const SPECIAL = /[\\`*_[\]<>&$~|]/g;
/** Block syntax that only counts at the start of a line: headings, quotes, lists, setext, `---` slide breaks. */
const LEADING_BLOCK = /^(?:[#>+=-]|\d{1,9}(?=[.)](?:[ \t]|$)))/;
// Everything but \t, \n, \r among C0/C1 controls; NUL and friends never reach a slide.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/g;
// A lone surrogate is not a character; replace it so the output stays valid UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Normalises text to something printable on one line: no controls, no breaks, no lone surrogates. */
export function cleanText(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    // Breaks first: NEL (U+0085) is also a C1 control, but it means a new line.
    .replace(LINE_BREAK, ' ')
    .replace(CONTROL, '')
    .replace(/\t/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Escapes a data string for inline Markdown: the result renders as exactly `cleanText(value)`. */
export function escapeMarkdown(value: string): string {
  return escapeLeading(cleanText(value).replace(SPECIAL, (c) => `\\${c}`));
}

function escapeLeading(s: string): string {
  const m = LEADING_BLOCK.exec(s);
  if (!m) return s;
  // `1.` -> `1\.`; `#`, `>`, `-`, `+`, `=` -> backslash-escaped.
  return /^\d/.test(m[0]) ? `${m[0]}\\${s.slice(m[0].length)}` : `\\${s}`;
}

/**
 * Escapes text for a Marp speaker-note comment. Comment bodies are not
 * Markdown, so only the comment terminator is dangerous; we also keep lines.
 */
export function escapeNote(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CONTROL, '')
    .replace(/\r\n|[\r\u2028\u2029\u0085]/g, '\n')
    // "--" could close the comment (`-->`) or open another; U+2010 hyphens look the same.
    .replace(/--/g, '\u2010\u2010')
    .trim();
}

/** Image alt text: escaped, and Marp's image keywords (bg, w:100px, sepia…) neutralised. */
const MARP_IMAGE_KEYWORD = /^(?:bg|contain|cover|fit|auto|left|right|vertical|\d+(?:\.\d+)?%|(?:w|h|width|height|blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia|x)(?::.*)?)$/i;
export function escapeAlt(value: string): string {
  // Marpit splits alt text into keywords at any JS whitespace (/\s+/: also NBSP,
  // U+2003, U+3000, U+FEFF), not just spaces; split the same way.
  const parts = cleanText(value).split(/(\s+)/);
  // A zero-width space (not \s) stops Marp from reading a data word as an image keyword.
  const safe = parts.map((w, i) => (i % 2 === 0 && MARP_IMAGE_KEYWORD.test(w) ? `\u200B${w}` : w)).join('');
  return escapeLeading(safe.replace(SPECIAL, (c) => `\\${c}`));
}
