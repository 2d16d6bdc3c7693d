// `trialdeck theme new <name>`: a commented department file to fill in,
// written to <project>/themes/departments/<name>.yaml and never over an
// existing file.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TrialdeckError } from '../errors.js';
import { MESSAGES } from './messages.js';
import { DEFAULT_THEME, isThemeName } from './registry.js';

export function departmentTemplate(name: string, themes: readonly string[] = [DEFAULT_THEME]): string {
  return `# trialdeck department file: your department's look and the presenter.
#   trialdeck build <trial> --department ${name}
#   (or --department path/to/${name}.yaml)
# Every field except "name" is optional: delete what you do not need.
# Colours are hex and must be quoted ("#0b6e99"): YAML reads an unquoted # as
# the start of a comment.

# Department name: in the footer and on the title slide.
name: ${JSON.stringify(name)}

# Hospital: on the title slide, after the department name.
# hospital: St Elsewhere General Hospital

# Presenter: on the title slide, with the department and the date.
# presenter: Dr Jane Doe

# Footer text instead of the department name. Every slide's footer reads
# "<trial acronym> · <footer or name> · <date>"; the date comes from
# "--date 2026-03-12" or "--date today" (none by default, so rebuilding the
# same trial gives identical files).
# footer: ICU journal club

# The theme this look builds on: ${themes.join(', ')}
# (see "trialdeck themes"). "-t <theme>" on the command line overrides it.
extends: ${DEFAULT_THEME}

# Logo: a PNG or SVG file of at most 2 MB in this folder (the path is relative
# to this file and may not lead out of its folder). Shown small in the top
# right corner of every slide and larger on the title slide. It is embedded in
# the deck, so the HTML still works offline.
# logo: logo.png

colors:
  # Headings, rules and table headers. Text drawn on it turns white or black,
  # whichever reads better.
  primary: "#0b6e99"
  # Second accent: marks the primary outcome in the charts.
  accent: "#d55e00"
  # Slide background and body text. Keep them at least 4.5:1 apart (WCAG AA):
  # the build warns when they are not.
  # background: "#ffffff"
  # text: "#1f2933"
  # Secondary text (footer, captions); default: text mixed into the background.
  # muted: "#52606d"
  # Tinted panels (PICO, quotes, primary outcome); default: primary mixed into
  # the background.
  # soft: "#e3f1f8"
  # One colour per arm, in the trial's arm order (up to 4). The slides and
  # every chart use the same colours, so an arm looks the same everywhere.
  arms: ["#0072b2", "#e69f00"]

fonts:
  # Installed font family names only; nothing is downloaded. Offline choices:
  # Liberation Sans, DejaVu Sans, Liberation Serif, DejaVu Serif. Charts keep
  # Liberation Sans unless the body font is Arial-compatible (Liberation Sans,
  # Arial, Helvetica): chart labels are laid out with its measurements.
  body: Liberation Sans
  headings: Liberation Sans
`;
}

/** Writes the template; returns the file written. Refuses an existing file. */
export async function scaffoldDepartment(name: string, projectDir: string, themes?: readonly string[]): Promise<string> {
  if (!isThemeName(name)) throw new TrialdeckError('USAGE', MESSAGES.badDepartmentName(name));
  const dir = join(projectDir, 'themes', 'departments');
  // `name` passed the name rule, so it cannot lead out of `dir`.
  const file = join(dir, `${name}.yaml`);
  await mkdir(dir, { recursive: true });
  // <name>.yml would be found by the same name: refuse that too.
  const yml = join(dir, `${name}.yml`);
  if (await stat(yml).then(() => true, () => false)) throw new TrialdeckError('OUTPUT', MESSAGES.scaffoldExists(yml));
  try {
    await writeFile(file, departmentTemplate(name, themes), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new TrialdeckError('OUTPUT', MESSAGES.scaffoldExists(file));
    throw new TrialdeckError('OUTPUT', `${file}: ${(err as Error).message}`);
  }
  return file;
}
