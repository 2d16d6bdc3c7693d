// compose stage: Trial + charts -> Marp Markdown, through Handlebars templates.
import { createHash } from 'node:crypto';
import { readdir, readFile, realpath } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrialdeckError } from '../errors.js';
import type { Evidence } from '../evidence/types.js';
import type { Trial } from '../trial/schema.js';
import Handlebars from 'handlebars';
import { COMPILE_OPTIONS, COMPILE_OPTIONS_KEY, createHandlebars } from './handlebars-env.js';
import type { Occasion } from './occasion.js';
import { lintAst } from './template-lint.js';
import { buildViewModel, type BackupMode, type DeckChart, type ViewModel } from './view-model.js';
import { templateSlides } from './template-slides.js';
import { PromiseCache } from '../cache/promise-cache.js';

export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../../templates', import.meta.url));
/** dist/deck/, from src/deck (tests), dist/deck and the CLI bundle in dist/cli alike. */
export const PRECOMPILED_TEMPLATES = fileURLToPath(new URL('../../dist/deck/precompiled-templates.cjs', import.meta.url));

export interface DeckMarkdown {
  markdown: string;
  viewModel: ViewModel;
}

export interface ComposeOptions {
  theme: string;
  templateDir?: string;
  /** Add the "Are the numbers consistent?" slide even without a material mismatch. */
  auditSlide?: boolean;
  /** Department, presenter and date for the footer and title slide. */
  occasion?: Occasion;
  /** `none` leaves the backup section out. */
  backup?: BackupMode;
}

interface TemplateSet {
  render: (context: unknown) => string;
}

const cache = new PromiseCache<TemplateSet>();

/** Compiles `deck.hbs` and `partials/*.hbs` from a folder once per process. */
export function loadTemplates(dir: string = DEFAULT_TEMPLATE_DIR): Promise<TemplateSet> {
  return cache.get(dir, () => compileTemplates(dir));
}

/** Forget compiled templates (the preview server calls this when a template changes). */
export function clearTemplateCache(): void {
  cache.clear();
}

interface TemplateSource {
  /** Partial name (file name without .hbs), or `deck` for deck.hbs. */
  name: string;
  file: string;
  source: string;
}

const DECK = 'deck';

/** `partials/*.hbs` (sorted) then `deck.hbs`, read through the confined reader. */
async function readTemplateSources(dir: string): Promise<TemplateSource[]> {
  const read = confinedReader(dir);
  const partialDir = join(dir, 'partials');
  let names: string[] = [];
  try {
    names = (await readdir(partialDir)).filter((f) => f.endsWith('.hbs')).sort();
  } catch {
    // A template folder without partials is allowed: deck.hbs may be self-contained.
  }
  const out: TemplateSource[] = [];
  for (const name of names) {
    const file = join(partialDir, name);
    out.push({ name: basename(name, '.hbs'), file, source: await read(file) });
  }
  const deckFile = join(dir, 'deck.hbs');
  out.push({ name: DECK, file: deckFile, source: await read(deckFile) });
  return out;
}

/** What precompiled templates must have been made from: the sources, Handlebars and our options. */
function templatesHash(sources: readonly TemplateSource[]): string {
  const hash = createHash('sha256').update(Handlebars.VERSION).update('\0').update(COMPILE_OPTIONS_KEY);
  for (const t of sources) hash.update('\0').update(t.name).update('\0').update(t.source);
  return hash.digest('hex');
}

/**
 * This package's templates, precompiled by `npm run build` (src/build-tools/precompile-templates.ts),
 * while the files are still the ones they were made from: Handlebars' compiler is ~50 ms of a cold
 * build. Any other folder, or a template edited since, is compiled here as before.
 */
function precompiledFor(dir: string, sources: readonly TemplateSource[]): Record<string, TemplateSpecification> | undefined {
  if (dir !== DEFAULT_TEMPLATE_DIR) return undefined;
  try {
    const made = createRequire(import.meta.url)(PRECOMPILED_TEMPLATES) as { hash: string; templates: Record<string, TemplateSpecification> };
    return made.hash === templatesHash(sources) ? made.templates : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `dir`'s templates would come precompiled (tests: npm run build made them, and they are current). */
export async function usesPrecompiledTemplates(dir: string = DEFAULT_TEMPLATE_DIR): Promise<boolean> {
  return precompiledFor(dir, await readTemplateSources(dir)) !== undefined;
}

async function compileTemplates(dir: string): Promise<TemplateSet> {
  const hb = createHandlebars();
  const sources = await readTemplateSources(dir);
  const precompiled = precompiledFor(dir, sources);
  let deck: Handlebars.TemplateDelegate | undefined;
  let deckFile = '';
  for (const t of sources) {
    const spec = precompiled?.[t.name];
    const template = spec ? guarded(hb.template(spec), t.file) : precompile(hb, t.source, t.file);
    if (t.name === DECK) [deck, deckFile] = [template, t.file];
    else hb.registerPartial(t.name, template);
  }
  const render = deck as Handlebars.TemplateDelegate;
  return {
    render: (context) => {
      try {
        return render(context);
      } catch (err) {
        if (err instanceof TrialdeckError) throw err;
        throw new TrialdeckError('TEMPLATE', `${deckFile}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}

/** The JavaScript source of a module holding every template of `dir`, linted and precompiled. */
export async function precompileTemplates(dir: string = DEFAULT_TEMPLATE_DIR): Promise<string> {
  const hb = createHandlebars();
  const sources = await readTemplateSources(dir);
  const specs = sources.map((t) => `${JSON.stringify(t.name)}: ${hb.precompile(checkedAst(hb, t.source, t.file), compileOptions())}`);
  return `// Made by npm run build from templates/ (src/build-tools/precompile-templates.ts); do not edit.\nmodule.exports = { hash: ${JSON.stringify(templatesHash(sources))}, templates: {\n${specs.join(',\n')}\n} };\n`;
}

/** A fresh copy each time: Handlebars writes defaults (`data: true`) into the options it is given. */
function compileOptions(): typeof COMPILE_OPTIONS {
  return { ...COMPILE_OPTIONS, knownHelpers: { ...COMPILE_OPTIONS.knownHelpers } };
}

function templateError(file: string, err: unknown): TrialdeckError {
  return new TrialdeckError('TEMPLATE', `${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
}

/** Parses and lints one template; a syntax error or a refused construct names its file and line. */
function checkedAst(hb: ReturnType<typeof createHandlebars>, source: string, file: string): hbs.AST.Program {
  let ast: hbs.AST.Program;
  try {
    // Parse now so a syntax error names its file; compiling again from text would parse twice.
    ast = hb.parse(source);
  } catch (err) {
    throw templateError(file, err);
  }
  // Refused at load time, naming file and line: {{{triple}}}, a bare {{field}}, an unknown helper.
  const problems = lintAst(ast);
  const first = problems[0];
  if (first) {
    const where = first.line === undefined ? file : `${file}:${first.line}:${first.column ?? 1}`;
    throw new TrialdeckError('TEMPLATE', `${where}: ${first.message}`, problems.map((p) => ({ file, line: p.line, column: p.column, message: p.message })));
  }
  return ast;
}

function precompile(hb: ReturnType<typeof createHandlebars>, source: string, file: string): Handlebars.TemplateDelegate {
  return guarded(hb.compile(checkedAst(hb, source, file), compileOptions()), file);
}

/** Handlebars compiles on first call; wrap it so errors from then (an unknown helper) still name the file. */
function guarded(template: Handlebars.TemplateDelegate, file: string): Handlebars.TemplateDelegate {
  return (context, options) => {
    try {
      return template(context, options);
    } catch (err) {
      if (err instanceof TrialdeckError) throw err;
      throw templateError(file, err);
    }
  };
}

/**
 * Reads template files of one folder, refusing any whose real path (symbolic
 * links resolved) is outside it: a department folder cannot pull in files
 * from elsewhere on the machine.
 */
function confinedReader(dir: string): (file: string) => Promise<string> {
  let root: Promise<string> | undefined;
  return async (file) => {
    root ??= realpath(dir).catch(() => {
      throw new TrialdeckError('TEMPLATE', `${dir}: templates folder not found`);
    });
    const base = await root;
    let real: string;
    try {
      real = await realpath(file);
    } catch {
      throw new TrialdeckError('TEMPLATE', `${file}: template not found`);
    }
    const rel = relative(base, real);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new TrialdeckError('PATH_ESCAPE', `${file}: resolves outside the templates folder ${dir} (symbolic links included); templates must live inside it`);
    }
    try {
      return await readFile(real, 'utf8');
    } catch {
      throw new TrialdeckError('TEMPLATE', `${file}: template cannot be read`);
    }
  };
}

export async function composeDeck(trial: Trial, evidence: Evidence, charts: DeckChart[], options: ComposeOptions): Promise<DeckMarkdown> {
  const templates = await loadTemplates(options.templateDir);
  const viewModel = buildViewModel(trial, charts, evidence, { auditSlide: options.auditSlide, occasion: options.occasion, backup: options.backup });
  const markdown = templates.render({ vm: viewModel, slides: templateSlides(viewModel), theme: options.theme });
  return { markdown: `${markdown.replace(/\n{3,}/g, '\n\n').trim()}\n`, viewModel };
}
