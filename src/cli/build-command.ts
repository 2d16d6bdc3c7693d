// `trialdeck build <input...> [-o output] [-f md,html,...] [-t theme] [--department name|file] [--date text] [--handout 3-up|2-up] [--backup full|none] [--browser-path file]`
//
// Exit codes: 0 when every trial built. 1 when a trial failed (the others are
// still built), when --browser-path is wrong, or when browser formats were
// asked for with -f but no browser exists. With the default formats a missing
// browser is only a warning: HTML and Markdown are written and the run exits 0.
import { relative } from 'node:path';
import { buildDecks, DEFAULT_FORMATS, FORMATS, isFormat, type BuildResult, type Format } from '../build.js';
import { occasionDate } from '../deck/occasion.js';
import { TrialdeckError } from '../errors.js';
import { BACKUP_MODES, isBackupMode } from '../deck/view-model.js';
import { DEFAULT_HANDOUT_LAYOUT, HANDOUT_LAYOUTS, isHandoutLayout } from '../export/handout-model.js';
import { list, parse } from './args.js';
import { createProgress } from './progress.js';
import { dim, EXIT, green, printError, printWarnings, red, yellow } from './report.js';

export const BUILD_USAGE = `Usage: trialdeck build <input...> [options]

Builds a journal-club deck from trial data (.yaml/.yml/.json) or a trial summary (.txt/.md).
Each trial goes into <output>/<trial-id>/. Many inputs share one browser.

Options:
  -o, --output <dir>       output folder (default: output)
  -f, --formats <list>     comma-separated: ${FORMATS.join(',')} (default: ${DEFAULT_FORMATS.join(',')})
                           png writes one image per slide: slides/001.png, …
  -t, --theme <name>       theme name (see: trialdeck themes); with --department,
                           the theme the department's look builds on
      --department <d>     department name (themes/departments/<d>.yaml) or a
                           department .yaml file: logo, colours, fonts, footer,
                           presenter (create one: trialdeck theme new <name>)
      --date <text>        date for the footer, e.g. 2026-03-12 or today
                           (default: none, so rebuilds are byte-identical)
      --templates <dir>    use a department's own templates folder
      --audit-slide        always add "Are the numbers consistent?" (default: only
                           when a reported number differs materially)
      --backup <mode>      ${BACKUP_MODES.join(' or ')}: the backup slides after the story
                           (every result, every chart, validity in full); none
                           ends the story with the references (default: full)
      --handout <layout>   handout slides per page: ${HANDOUT_LAYOUTS.join(' or ')} (default: ${DEFAULT_HANDOUT_LAYOUT})
      --browser-path <exe> Chrome/Chromium/Edge for PDF, handout, PNG and PPTX
                           (default: $CHROME_PATH, an installed browser, or @sparticuz/chromium)
  -h, --help               show this help

Without any browser, HTML and Markdown are still written; PDF, handout, PNG and
PPTX are skipped with a warning (an error if you asked for them with -f).

Environment:
  CHROME_PATH               browser executable (a wrong path is an error)
  TRIALDECK_BROWSER_SEARCH  all (default), system, bundled or none: which of the
                            installed-browser and bundled-Chromium searches run
                            (none/bundled simulate machines without a browser in tests)`;

export async function buildCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      output: { type: 'string', short: 'o' },
      formats: { type: 'string', short: 'f', multiple: true },
      theme: { type: 'string', short: 't' },
      department: { type: 'string' },
      date: { type: 'string' },
      'audit-slide': { type: 'boolean' },
      templates: { type: 'string' },
      handout: { type: 'string' },
      backup: { type: 'string' },
      'browser-path': { type: 'string' },
    },
    BUILD_USAGE,
  );
  if (positionals.length === 0) throw new TrialdeckError('USAGE', `no input file given\n\n${BUILD_USAGE}`);
  const requested = list(values.formats);
  const bad = requested.filter((f) => !isFormat(f));
  if (bad.length > 0) throw new TrialdeckError('USAGE', `unknown format ${bad.join(', ')}; expected some of ${FORMATS.join(', ')}`);
  const formats: Format[] = requested.length > 0 ? [...new Set(requested as Format[])] : [...DEFAULT_FORMATS];
  const handout = str(values.handout);
  if (handout !== undefined && !isHandoutLayout(handout)) {
    throw new TrialdeckError('USAGE', `unknown handout layout "${handout}"; expected ${HANDOUT_LAYOUTS.join(' or ')}`);
  }
  const backup = str(values.backup);
  if (backup !== undefined && !isBackupMode(backup)) {
    throw new TrialdeckError('USAGE', `unknown backup mode "${backup}"; expected ${BACKUP_MODES.join(' or ')}`);
  }
  const outDir = str(values.output) ?? 'output';

  const progress = createProgress(formats, positionals.length);
  let batch;
  try {
    batch = await buildDecks(
      positionals,
      {
        outDir,
        formats,
        theme: str(values.theme),
        department: str(values.department),
        auditSlide: values['audit-slide'] === true,
        date: occasionDate(str(values.date)),
        templateDir: str(values.templates),
        handoutLayout: handout,
        backup,
        browserPath: str(values['browser-path']),
      },
      (event) => {
        if (event.kind === 'done') {
          progress.clear();
          printWarnings(event.result.warnings);
          process.stdout.write(`${green('✓')} ${event.result.input} → ${describe(event.result)}\n`);
        } else if (event.kind === 'failed') {
          progress.clear();
          process.stdout.write(`${red('✗')} ${event.input}\n`);
          printError(event.error);
        }
        progress.event(event);
      },
    );
  } finally {
    progress.stop();
  }

  printWarnings(batch.warnings);
  const { results, failures } = batch;
  if (positionals.length > 1) {
    const failed = failures.length ? `, ${failures.length} failed: ${failures.map((f) => f.input).join(', ')}` : '';
    process.stdout.write(`${results.length} built${failed} ${dim(`(${progress.elapsed()})`)}\n`);
  }
  if (failures.length > 0) return EXIT.input;
  // Asked for by name but impossible: that is a failure, not a warning.
  if (requested.length > 0 && batch.skipped.length > 0) {
    process.stderr.write(`${yellow('note')} exit code 1: ${batch.skipped.join(', ')} requested with -f but not written\n`);
    return EXIT.input;
  }
  return EXIT.ok;
}

function str(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function describe(result: BuildResult): string {
  const where = relative(process.cwd(), result.dir) || result.dir;
  const pngs = result.files.filter((f) => f.startsWith('slides/')).length;
  const files = result.files.filter((f) => !f.startsWith('charts/') && !f.startsWith('slides/'));
  if (pngs > 0) files.push(`slides/*.png (${pngs})`);
  return `${where}/ ${dim(`(${result.slides} slides: ${files.join(', ')})`)}`;
}
