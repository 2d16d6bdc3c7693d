// compose stage: Trial + charts -> Marp Markdown, through Handlebars templates.
import { readdir, readFile, realpath } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TrialdeckError } from '../errors.js';
import type { Evidence } from '../evidence/types.js';
import type { Trial } from '../trial/schema.js';
import { COMPILE_OPTIONS, createHandlebars } from './handlebars-env.js';
import type { Occasion } from './occasion.js';
import { lintAst } from './template-lint.js';
import { buildViewModel, type BackupMode, type DeckChart, type ViewModel } from './view-model.js';
import { templateSlides } from './template-slides.js';
import { PromiseCache } from '../cache/promise-cache.js';

export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

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

async function compileTemplates(dir: string): Promise<TemplateSet> {
  const hb = createHandlebars();
  const read = confinedReader(dir);
  const partialDir = join(dir, 'partials');
  let names: string[] = [];
  try {
    names = (await readdir(partialDir)).filter((f) => f.endsWith('.hbs')).sort();
  } catch {
    // A template folder without partials is allowed: deck.hbs may be self-contained.
  }
  for (const name of names) {
    const file = join(partialDir, name);
    hb.registerPartial(basename(name, '.hbs'), precompile(hb, await read(file), file));
  }
  const deckFile = join(dir, 'deck.hbs');
  const deck = precompile(hb, await read(deckFile), deckFile);
  return {
    render: (context) => {
      try {
        return deck(context);
      } catch (err) {
        if (err instanceof TrialdeckError) throw err;
        throw new TrialdeckError('TEMPLATE', `${deckFile}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
  };
}

function precompile(hb: ReturnType<typeof createHandlebars>, source: string, file: string): Handlebars.TemplateDelegate {
  const fail = (err: unknown): never => {
    throw new TrialdeckError('TEMPLATE', `${file}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  };
  let ast: hbs.AST.Program;
  try {
    // Parse now so a syntax error names its file; compiling again from text would parse twice.
    ast = hb.parse(source);
  } catch (err) {
    return fail(err);
  }
  // Refused at load time, naming file and line: {{{triple}}}, a bare {{field}}, an unknown helper.
  const problems = lintAst(ast);
  const first = problems[0];
  if (first) {
    const where = first.line === undefined ? file : `${file}:${first.line}:${first.column ?? 1}`;
    throw new TrialdeckError('TEMPLATE', `${where}: ${first.message}`, problems.map((p) => ({ file, line: p.line, column: p.column, message: p.message })));
  }
  const template = hb.compile(ast, COMPILE_OPTIONS);
  // Handlebars compiles on first call; wrap it so errors from then (an unknown helper) still name the file.
  return (context, options) => {
    try {
      return template(context, options);
    } catch (err) {
      if (err instanceof TrialdeckError) throw err;
      return fail(err);
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
