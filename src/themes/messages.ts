// User-facing texts about themes and department files, in one place so the
// CLI, the docs and the tests agree on them.

export const NAME_RULE_TEXT = 'lower-case letters, digits and hyphens, starting with a letter or digit';

export const MESSAGES = {
  badThemeName: (name: string): string =>
    `invalid theme name ${JSON.stringify(name)}: a theme is named by ${NAME_RULE_TEXT} (see \`trialdeck themes\`), never by a path`,
  unknownTheme: (name: string, available: readonly string[]): string => `unknown theme "${name}"; available themes: ${available.join(', ')}`,
  noThemeComment: (file: string): string => `${file}: no /* @theme <name> */ comment; every theme CSS must name itself`,
  themeNameRule: (file: string, name: string): string => `${file}: theme name "${name}" must be ${NAME_RULE_TEXT}`,
  duplicateTheme: (name: string, a: string, b: string): string => `theme "${name}" is defined twice: ${a} and ${b}`,
  unknownImport: (file: string, name: string): string =>
    `${file}: @import '${name}' names no theme in this folder (a theme may only import another theme, never a file or URL)`,

  badDepartmentName: (name: string): string =>
    `invalid department ${JSON.stringify(name)}: give a name from themes/departments/ (${NAME_RULE_TEXT}) or a path to a .yaml file`,
  unknownDepartment: (name: string, dirs: readonly string[], available: readonly string[]): string =>
    `unknown department "${name}": no ${name}.yaml in ${dirs.join(' or ')}${available.length ? `; available: ${available.join(', ')}` : ''} (create one with \`trialdeck theme new ${name}\`)`,
  departmentNotFound: (file: string): string => `${file}: department file not found`,
  departmentTooLarge: (file: string, max: number): string => `${file}: over the ${formatSize(max)} limit for department files`,
  departmentInvalid: (file: string, problems: string): string => `${file}: invalid department file (${problems})`,

  logoMissing: (logo: string, file: string): string => `logo ${logo} (from ${file}): no such file`,
  logoNotImage: (logo: string): string => `logo ${logo}: not a PNG or SVG image (checked its first bytes, not its name)`,
  logoTooLarge: (logo: string, bytes: number, max: number): string =>
    `logo ${logo}: ${bytes} bytes is over the ${formatSize(max)} (${max}-byte) limit for logos; export a smaller PNG or use SVG`,
  logoEscapes: (logo: string, dir: string): string =>
    `logo ${logo}: resolves outside the department file's folder ${dir} (symbolic links included); put the logo beside the department file`,

  lowContrast: (what: string, ratio: number, min: number): string =>
    `${what}: contrast ${ratio.toFixed(2)}:1 is below WCAG AA (${min}:1); text may be hard to read`,

  scaffoldExists: (file: string): string => `${file} already exists; not overwriting it (pick another name or delete the file)`,
} as const;

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
