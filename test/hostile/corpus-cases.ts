// The hostile corpus (test/fixtures/hostile/cases.json) made ready to run:
// fixture files copied into an input folder with the canary path filled in,
// big cases generated here instead of committed, template and department
// folders set up (symbolic links cannot be committed portably), and a benign
// twin for every case that should build.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYamlText } from 'yaml';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'test/fixtures/hostile');
export const SUMMARY = join(ROOT, 'test/fixtures/summaries/LEVOECMO.txt');

export interface HostileCase {
  name: string;
  /** Input file inside the input folder (cases generated at test time get one here). */
  file: string | null;
  attacks: string;
  /** `any`: building and failing cleanly are both fine (no twin to compare with). */
  expect: 'build' | 'fail' | 'any';
  /** Strings that must be shown literally on the slides (after line breaks fold and controls drop). */
  payloads?: string[];
  /** For `fail`: a pattern stderr must match; it names the field or the line. */
  error?: string;
  args?: string[];
  setup?: string;
  note?: string;
}

export function loadCases(): HostileCase[] {
  return JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as HostileCase[];
}

/** Fills in the canary folder, which differs per run. */
export function withCanary(s: string, canary: string): string {
  return s.split('@CANARY@').join(canary);
}

const baseTrial = (): Record<string, unknown> => parseYamlText(readFileSync(join(FIXTURES, 'base.yaml'), 'utf8')) as Record<string, unknown>;
const json = (v: unknown): string => `${JSON.stringify(v, null, 1)}\n`;
const summaryLines = (): string[] => readFileSync(SUMMARY, 'utf8').split('\n');

type Outcome = Record<string, unknown> & { name: string; role: string };

function manyOutcomes(n: number, id: string, compact: boolean): string {
  const t = baseTrial();
  const template = (t.results as Outcome[])[1] as Outcome;
  t.id = id;
  // Compact rows keep 10 000 outcomes under the size limit, so the outcome limit is what refuses them.
  t.results = Array.from({ length: n }, (_, i) => (compact
    ? { name: `O${i + 1}`, arms: {} }
    : { ...structuredClone(template), name: `Outcome number ${i + 1}`, role: i === 0 ? 'primary' : 'secondary' }));
  return compact ? `${JSON.stringify(t)}\n` : json(t);
}

/** Cases too big (or too mechanical) to commit: name -> [file name, content]. */
export const GENERATORS: Record<string, () => [string, string]> = {
  'size-10k-outcomes': () => ['size-10k-outcomes.json', manyOutcomes(10_000, 'size-10k-outcomes', true)],
  'size-200-outcomes': () => ['size-200-outcomes.json', manyOutcomes(200, 'size-200-outcomes', false)],
  'size-1mb-bullet': () => {
    const t = baseTrial();
    t.id = 'size-1mb-bullet';
    t.strengths = ['word '.repeat(200_000)];
    return ['size-1mb-bullet.json', json(t)];
  },
  'size-10k-bullets': () => {
    const t = baseTrial();
    t.id = 'size-10k-bullets';
    t.limitations = Array.from({ length: 10_000 }, (_, i) => `L${i + 1}`);
    t.bibliography = Array.from({ length: 5_000 }, (_, i) => ({ n: i + 1, text: `R${i + 1}` }));
    return ['size-10k-bullets.json', `${JSON.stringify(t)}\n`];
  },
  'size-all-limits': () => {
    const t = baseTrial() as Record<string, Record<string, unknown> & unknown[]>;
    const list = (what: string, n = 500): string[] => Array.from({ length: n }, (_, i) => `${what} ${i + 1} with some words to make it a realistic bullet`);
    t.id = 'size-all-limits' as never;
    t.bibliography = Array.from({ length: 500 }, (_, i) => ({ n: i + 1, text: `Reference ${i + 1}. Journal. 2020.` })) as never;
    (t.context as Record<string, unknown>).background = list('Background');
    ((t.design as Record<string, unknown>).population as Record<string, unknown>).exclusions = list('Exclusion');
    t.controversies = list('Controversy') as never;
    (t.internalValidity as Record<string, unknown>).items = list('Item').map((text) => ({ aspect: 'Aspect', text }));
    (t.externalValidity as Record<string, unknown>).items = list('Item').map((text) => ({ aspect: 'Aspect', text }));
    for (const k of ['strengths', 'limitations', 'summary']) t[k] = list(k) as never;
    const template = (t.results as unknown as Outcome[])[1] as Outcome;
    t.results = Array.from({ length: 200 }, (_, i) => ({ ...structuredClone(template), name: `Outcome ${i + 1}`, role: i ? 'secondary' : 'primary' })) as never;
    return ['size-all-limits.json', `${JSON.stringify(t)}\n`];
  },
  'size-dense-512kb': () => {
    const t = baseTrial();
    t.id = 'size-dense-512kb';
    const head = `${JSON.stringify(t).slice(0, -1)},"junk":[`;
    const cell = '[0,[1]],';
    const n = Math.floor((512 * 1024 - head.length - 4) / cell.length);
    return ['size-dense-512kb.json', `${head}${cell.repeat(n)}0]}`];
  },
  'size-over-limit': () => {
    const t = baseTrial();
    t.id = 'size-over-limit';
    t.strengths = Array.from({ length: 30_000 }, (_, i) => `Strength number ${i} ${'pad '.repeat(20)}`);
    return ['size-over-limit.json', json(t)];
  },
  'size-long-word': () => {
    const t = baseTrial();
    t.id = 'size-long-word';
    (t.publication as Record<string, unknown>).citation = `${'A'.repeat(100_000)}.`;
    t.strengths = ['W'.repeat(100_000)];
    return ['size-long-word.json', `${JSON.stringify(t)}\n`];
  },
  'size-summary-5k-rows': () => {
    const lines = summaryLines();
    const row = lines.findIndex((l) => l.startsWith('| All-cause mortality at day 30'));
    const extra = Array.from({ length: 5_000 }, (_, i) => `| Outcome ${i} | 26/101 (25.7%) | 23/104 (22.1%) | RR 1.16 | 95% CI 0.71 to 1.90 | |`);
    return ['size-summary-5k-rows.txt', [...lines.slice(0, row), ...extra, ...lines.slice(row)].join('\n')];
  },
  'yaml-deep-nesting': () => ['yaml-deep-nesting.yaml', `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`],
  'summary-shuffled': () => ['summary-shuffled.txt', summaryLines().reverse().join('\n')],
  'summary-headings-only': () => ['summary-headings-only.txt', `${summaryLines().filter((l) => l && !/^[-|]/.test(l) && l.length < 40).join('\n')}\n`],
  'summary-no-table': () => ['summary-no-table.txt', summaryLines().filter((l) => !l.startsWith('|')).join('\n')],
  'summary-table-only': () => ['summary-table-only.txt', `${summaryLines().filter((l) => l.startsWith('|')).join('\n')}\n`],
  'summary-crlf-bom': () => ['summary-crlf-bom.txt', `\uFEFF${summaryLines().join('\r\n').replace('- Acronym: ', '-\tAcronym:\t')}`],
  'summary-duplicated-sections': () => {
    const text = readFileSync(SUMMARY, 'utf8');
    return ['summary-duplicated-sections.txt', `${text}\n${text}`];
  },
};

/** Folders a case's command line points at: templates and department files. */
export const SETUPS: Record<string, (input: string, canary: string) => void> = {
  'templates-symlink': (input, canary) => {
    const dir = copyTemplates(input, 'tpl-symlink');
    // Replace one partial by a link to a file outside the templates folder.
    const partial = join(dir, 'partials', 'title.hbs');
    writeFileSync(join(canary, 'title.hbs'), `{{md vm.footer}} ${readFileSync(join(canary, 'secret.txt'), 'utf8')}`);
    rmSync(partial, { force: true });
    symlinkSync(join(canary, 'title.hbs'), partial);
  },
  'templates-symlink-dir': (input, canary) => {
    const dir = join(input, 'tpl-symlink-dir');
    mkdirSync(dir);
    copyFileSync(join(ROOT, 'templates/deck.hbs'), join(dir, 'deck.hbs'));
    mkdirSync(join(canary, 'partials'));
    for (const f of partialNames()) copyFileSync(join(ROOT, 'templates/partials', f), join(canary, 'partials', f));
    symlinkSync(join(canary, 'partials'), join(dir, 'partials'));
  },
  'templates-triple': (input) => {
    const dir = copyTemplates(input, 'tpl-triple');
    writeFileSync(join(dir, 'partials', 'title.hbs'), '<!-- _class: title -->\n\n{{{vm.publication.acronym}}}\n');
  },
  'templates-helper': (input) => {
    const dir = copyTemplates(input, 'tpl-helper');
    const deck = readFileSync(join(dir, 'deck.hbs'), 'utf8');
    writeFileSync(join(dir, 'deck.hbs'), deck.replace('---\n', '---\n{{md (lookup vm "constructor")}}\n'));
  },
  'dept-logo-symlink': (input, canary) => {
    const dir = join(input, 'dept');
    mkdirSync(dir);
    writeFileSync(join(canary, 'secret.svg'), `<svg xmlns="http://www.w3.org/2000/svg"><text>${readFileSync(join(canary, 'secret.txt'), 'utf8')}</text></svg>`);
    symlinkSync(join(canary, 'secret.svg'), join(dir, 'logo.svg'));
    writeFileSync(join(dir, 'evil.yaml'), 'name: Evil\nlogo: logo.svg\n');
  },
  'dept-logo-traversal': (input, canary) => {
    const dir = join(input, 'dept2');
    mkdirSync(dir);
    writeFileSync(join(canary, 'secret.svg'), `<svg xmlns="http://www.w3.org/2000/svg"><text>${readFileSync(join(canary, 'secret.txt'), 'utf8')}</text></svg>`);
    const up = dir.split('/').filter(Boolean).map(() => '..').join('/');
    writeFileSync(join(dir, 'evil.yaml'), `name: Evil\nlogo: ${JSON.stringify(`${up}${canary}/secret.svg`)}\n`);
  },
  'dept-hostile-strings': (input) => {
    const dir = join(input, 'dept3');
    mkdirSync(dir);
    writeFileSync(join(dir, 'hostile.yaml'), 'name: "# Dept --- <!-- _class: invert -->"\npresenter: "*Dr* `Evil` | pipe"\nfooter: "x\\n---\\nmarp: false"\n');
  },
};

function partialNames(): string[] {
  return readdirSync(join(ROOT, 'templates/partials')).filter((f) => f.endsWith('.hbs'));
}

function copyTemplates(input: string, name: string): string {
  const dir = join(input, name);
  mkdirSync(join(dir, 'partials'), { recursive: true });
  copyFileSync(join(ROOT, 'templates/deck.hbs'), join(dir, 'deck.hbs'));
  for (const f of partialNames()) copyFileSync(join(ROOT, 'templates/partials', f), join(dir, 'partials', f));
  return dir;
}

/**
 * Writes every case's input into `input` and returns each case with its
 * file name there. Fixture texts get the canary folder filled in.
 */
export function materialise(cases: readonly HostileCase[], input: string, canary: string): HostileCase[] {
  return cases.map((c) => {
    let file = c.file;
    const gen = GENERATORS[c.name];
    if (gen) {
      const [name, content] = gen();
      writeFileSync(join(input, name), content);
      file = name;
    } else if (file && !existsSync(join(input, file))) {
      const bytes = readFileSync(join(FIXTURES, file));
      // Binary fixtures stay byte-exact; text ones get the canary path.
      const text = bytes.toString('utf8');
      writeFileSync(join(input, file), text.includes('@CANARY@') ? withCanary(text, canary) : bytes);
    }
    if (c.setup && SETUPS[c.setup]) SETUPS[c.setup]?.(input, canary);
    return {
      ...c,
      file,
      args: c.args?.map((a) => withCanary(a, canary)),
      payloads: c.payloads?.map((p) => withCanary(p, canary)),
    };
  });
}

/** Wide characters take two cells in the paginator's estimate; a twin keeps the same widths. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u{1F300}-\u{1FAFF}]/u;

/** Same-length plain text: letters, digits and spaces kept, everything else `x` (two for wide characters). */
export function plain(s: string): string {
  let out = '';
  for (const ch of s) out += /[\p{L}\p{N} ]/u.test(ch) && !/[\uD800-\uDFFF]/.test(ch) ? ch : WIDE.test(ch) ? 'xx' : 'x';
  return out;
}

/** Replaces every payload inside every string of a JSON-like value by its plain twin. */
export function twinValue(value: unknown, payloads: readonly string[]): unknown {
  if (typeof value === 'string') return twinText(value, payloads);
  if (Array.isArray(value)) return value.map((v) => twinValue(v, payloads));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, twinValue(v, payloads)]));
  return value;
}

export function twinText(text: string, payloads: readonly string[]): string {
  // Longest first, so a payload containing another is replaced whole.
  return [...payloads].sort((a, b) => b.length - a.length).reduce((t, p) => t.split(p).join(plain(p)), text);
}

/**
 * The benign twin of a case that should build, written beside it, or
 * undefined when the case has none (its hostility is its shape, not strings).
 */
export function writeTwin(c: HostileCase, input: string, twins: string): string | undefined {
  if (!c.file || c.expect === 'fail') return undefined;
  const source = join(input, c.file);
  const target = join(twins, c.file);
  mkdirSync(dirname(target), { recursive: true });
  if (c.name === 'summary-crlf-bom') {
    copyFileSync(SUMMARY, target);
    return target;
  }
  if (!c.payloads?.length) return undefined;
  if (c.file.endsWith('.txt')) {
    writeFileSync(target, twinText(readFileSync(source, 'utf8'), c.payloads));
    return target;
  }
  const data = c.file.endsWith('.json') ? (JSON.parse(readFileSync(source, 'utf8')) as unknown) : parseYamlText(readFileSync(source, 'utf8'));
  const json = target.replace(/\.ya?ml$/, '.json');
  writeFileSync(json, `${JSON.stringify(twinValue(data, c.payloads), null, 1)}\n`);
  return json;
}
