// The Handlebars environment: an isolated instance with only our helpers.
// Templates are trusted (they live in the project or a department folder);
// data is not, so every data string reaches Markdown through a helper below.
// Compiled with strict + knownHelpersOnly so a typo or unknown helper fails.
import Handlebars from 'handlebars';
import { TrialdeckError } from '../errors.js';
import { escapeAlt, escapeMarkdown, escapeNote } from './escape-markdown.js';

type HB = typeof Handlebars;

/** Helpers templates may call; the template lint test uses this list. */
export const HELPERS = ['md', 'note', 'alt', 'uri', 'yaml', 'notes', 'eq', 'inc'] as const;
export type HelperName = (typeof HELPERS)[number];

export const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPERS.map((h) => [h, true])) as Record<HelperName, true>,
  preventIndent: true,
} as const;
/** The options as written here, before any compile: Handlebars writes defaults into the object it is given. */
export const COMPILE_OPTIONS_KEY = JSON.stringify(COMPILE_OPTIONS);

const SAFE_URI = /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]*$/;

function str(value: unknown, helper: string): string {
  // Helper arguments escape Handlebars' strict mode, so catch misspelt fields here.
  if (value === undefined) {
    throw new TrialdeckError('TEMPLATE', `{{${helper}}} got no value: a misspelt field, or an optional field used without {{#if}}`);
  }
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TrialdeckError('TEMPLATE', `{{${helper}}} expects text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
}

export function createHandlebars(): HB {
  const hb = Handlebars.create();
  const safe = (s: string): Handlebars.SafeString => new hb.SafeString(s);
  hb.registerHelper('md', (v: unknown) => safe(escapeMarkdown(str(v, 'md'))));
  hb.registerHelper('note', (v: unknown) => safe(escapeNote(str(v, 'note'))));
  hb.registerHelper('alt', (v: unknown) => safe(escapeAlt(str(v, 'alt'))));
  hb.registerHelper('uri', (v: unknown) => {
    const s = str(v, 'uri');
    if (!SAFE_URI.test(s)) throw new TrialdeckError('TEMPLATE', '{{uri}} only embeds SVG data URIs produced by the chart stage');
    return safe(s);
  });
  // A YAML double-quoted scalar (JSON string syntax) holding escaped Markdown, for front-matter directives.
  hb.registerHelper('yaml', (v: unknown) => safe(JSON.stringify(escapeMarkdown(str(v, 'yaml')))));
  // Speaker notes. The fixed first line keeps Marp from reading a note as directives
  // (a comment is a directive only if the whole body parses as a YAML mapping).
  hb.registerHelper('notes', function (this: unknown, label: unknown, options: Handlebars.HelperOptions) {
    const body = options.fn(this).replace(/\n{3,}/g, '\n\n').trim();
    return safe(`<!--\n${escapeNote(str(label, 'notes'))}\n\n${body}\n-->`);
  });
  hb.registerHelper('eq', (x: unknown, y: unknown) => x === y);
  hb.registerHelper('inc', (x: unknown) => (typeof x === 'number' ? x + 1 : 0));
  return hb;
}
