// A deck's look: which Marp theme its front matter names, every theme CSS to
// register with Marp, and the matching chart palette.
//
//   -t theme ─────────────────────────────┐
//   --department file ─► department file ─┴─► extended theme ─► generated dept-<name> theme
//                         (schema, logo)                            │
//                                         --td-* custom properties ◄┘ ─► ChartTheme
//
// With a department, `-t` (when given) overrides the theme named by the
// department's `extends:`; without either it is `clinical`.
import type { ChartTheme } from '../charts/chart-theme.js';
import { TrialdeckError, type Diagnostic } from '../errors.js';
import type { Occasion } from '../deck/occasion.js';
import { chartThemeFromVars } from './chart-palette.js';
import { themeVars } from './css-vars.js';
import { contrastWarnings, departmentCss } from './department-css.js';
import { departmentDirs, loadDepartment, type LoadedDepartment } from './department.js';
import { MESSAGES } from './messages.js';
import { DEFAULT_THEME, findTheme, listThemes, parseTheme, type Theme } from './registry.js';

export interface LookOptions {
  /** Theme name from the themes folder; default: the department's `extends`, else clinical. */
  theme?: string;
  themeDir?: string;
  /** A department name (looked up in `departmentDirs`) or a path to a .yaml file. */
  department?: string;
  /** Default: <cwd>/themes/departments, then the bundled themes/departments. */
  departmentDirs?: readonly string[];
}

export interface Look {
  /** The theme the deck's front matter names. */
  name: string;
  /** Every theme Marp must know: the folder's, plus the generated department theme. */
  themes: Theme[];
  chart: ChartTheme;
  /** For the footer and the title slide. */
  occasion: Occasion;
  department?: LoadedDepartment;
  warnings: Diagnostic[];
}

export async function resolveLook(options: LookOptions = {}): Promise<Look> {
  const all = await listThemes(options.themeDir);
  if (!options.department) {
    const theme = findTheme(options.theme ?? DEFAULT_THEME, all);
    return { name: theme.name, themes: all, chart: chartThemeFromVars(themeVars(theme, all)), occasion: {}, warnings: [] };
  }
  const loaded = await loadDepartment(options.department, options.departmentDirs ?? departmentDirs(process.cwd(), options.themeDir));
  const base = findTheme(options.theme ?? loaded.department.extends ?? DEFAULT_THEME, all);
  const css = departmentCss(loaded, base.name, themeVars(base, all));
  const generated = parseTheme(css, loaded.file);
  const clash = all.find((t) => t.name === generated.name);
  if (clash) throw new TrialdeckError('THEME', MESSAGES.duplicateTheme(generated.name, clash.file, loaded.file));
  const themes = [...all, generated];
  const vars = themeVars(generated, themes);
  const { name, hospital, presenter, footer } = loaded.department;
  return {
    name: generated.name,
    themes,
    chart: chartThemeFromVars(vars),
    occasion: { department: { name, hospital, presenter, footer } },
    department: loaded,
    warnings: contrastWarnings(vars, loaded.file),
  };
}
