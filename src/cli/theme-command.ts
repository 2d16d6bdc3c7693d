// `trialdeck theme new <name>`: scaffolds themes/departments/<name>.yaml in
// the current project, with a comment on every field.
import { relative } from 'node:path';
import { TrialdeckError } from '../errors.js';
import { listThemes } from '../themes/registry.js';
import { scaffoldDepartment } from '../themes/scaffold.js';
import { parse } from './args.js';
import { EXIT, green } from './report.js';

export const THEME_USAGE = `Usage: trialdeck theme new <name>

Creates themes/departments/<name>.yaml in the current folder: a department
file (name, hospital, presenter, logo, colours, fonts, footer, the theme it
extends) with a comment on every field. It never overwrites a file.
<name> is lower-case letters, digits and hyphens. Then:
  trialdeck build <trial> --department <name>

See also: trialdeck themes`;

export async function themeCommand(argv: string[]): Promise<number> {
  const { positionals } = parse(argv, {}, THEME_USAGE);
  const [action, name, ...extra] = positionals;
  if (action !== 'new' || !name || extra.length > 0) {
    throw new TrialdeckError('USAGE', `${action && action !== 'new' ? `unknown action "${action}"` : 'expected: theme new <name>'}\n\n${THEME_USAGE}`);
  }
  const themes = (await listThemes()).map((t) => t.name);
  const file = await scaffoldDepartment(name, process.cwd(), themes);
  const shown = relative(process.cwd(), file) || file;
  process.stdout.write(`${green('✓')} created ${shown}: edit it, then run: trialdeck build <trial> --department ${name}\n`);
  return EXIT.ok;
}
