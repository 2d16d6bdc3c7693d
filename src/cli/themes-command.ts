// `trialdeck themes [--gallery [-o file]]`: lists the themes (and departments),
// or writes one HTML page showing each theme on a real deck.
import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { TrialdeckError } from '../errors.js';
import { departmentDirs, listDepartments } from '../themes/department.js';
import { DEFAULT_THEME, listThemes } from '../themes/registry.js';
import { parse } from './args.js';
import { dim, EXIT, green } from './report.js';

export const THEMES_USAGE = `Usage: trialdeck themes [--gallery [-o file]] [options]

Lists the themes (use one with: trialdeck build <trial> -t <theme>) and the
departments found in ./themes/departments/ and the bundled folder.

Options:
      --gallery            write an HTML page showing every theme's title slide,
                           results table, primary outcome and forest plot
  -o, --output <file>      gallery file (default: themes-gallery.html)
      --trial <file>       trial for the gallery (default: the bundled LEVOECMO)
      --department <d>     also show this department's look in the gallery
  -h, --help               show this help`;

export async function themesCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      gallery: { type: 'boolean' },
      output: { type: 'string', short: 'o' },
      trial: { type: 'string' },
      department: { type: 'string' },
    },
    THEMES_USAGE,
  );
  if (positionals.length > 0) throw new TrialdeckError('USAGE', `unexpected argument ${positionals[0]}\n\n${THEMES_USAGE}`);
  if (!values.gallery && (values.output || values.trial || values.department)) {
    throw new TrialdeckError('USAGE', `-o, --trial and --department only go with --gallery\n\n${THEMES_USAGE}`);
  }
  if (values.gallery) return gallery(str(values.output) ?? 'themes-gallery.html', str(values.trial), str(values.department));

  const themes = await listThemes();
  const width = Math.max(...themes.map((t) => t.name.length));
  process.stdout.write('Themes (trialdeck build <trial> -t <theme>):\n');
  for (const t of themes) {
    const tag = t.name === DEFAULT_THEME ? dim(' (default)') : '';
    process.stdout.write(`  ${t.name.padEnd(width)}  ${t.description}${tag}\n`);
  }
  const departments = await listDepartments(departmentDirs());
  process.stdout.write(`\nDepartments (trialdeck build <trial> --department <name>):\n`);
  if (departments.length === 0) process.stdout.write(`  ${dim('none yet: trialdeck theme new <name>')}\n`);
  for (const d of departments) process.stdout.write(`  ${d}\n`);
  return EXIT.ok;
}

async function gallery(output: string, input: string | undefined, department: string | undefined): Promise<number> {
  // The gallery renders a deck per theme: load the pipeline only when asked.
  const { galleryEntries, galleryHtml } = await import('../themes/gallery.js');
  const entries = await galleryEntries({ input, department });
  try {
    await writeFile(output, galleryHtml(entries));
  } catch (err) {
    throw new TrialdeckError('OUTPUT', `${output}: ${(err as Error).message}`);
  }
  process.stdout.write(`${green('✓')} ${relative(process.cwd(), output) || output} ${dim(`(${entries.length} themes: ${entries.map((e) => e.theme).join(', ')})`)}\n`);
  return EXIT.ok;
}

function str(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
