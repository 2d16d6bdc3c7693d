// load stage: a file path -> validated Trial. YAML/JSON are parsed safely;
// .txt/.md summaries go through the importer. Both end in validateTrial().
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { TrialdeckError, type Diagnostic } from '../errors.js';
import { importSummary } from '../import/index.js';
import { resolveContextFiles } from './context-files.js';
import { parseYaml, type ParsedYaml } from './parse-yaml.js';
import type { Trial } from './schema.js';
import { validateTrial } from './validate.js';

/**
 * Trial files are hand-written text (the examples are 8–35 KB); anything far
 * larger is a mistake or an attack. The YAML parser is slow on dense input
 * (1 MB of tiny nested lists took 15–40 s; 512 KB about 2 s on an idle
 * machine), so the limit keeps a hostile file within seconds.
 */
export const MAX_INPUT_BYTES = 512 * 1024;
export const MAX_INPUT_TEXT = `${MAX_INPUT_BYTES / 1024} KB`;

export const INPUT_FORMATS = { data: ['.yaml', '.yml', '.json'], summary: ['.txt', '.md'] } as const;
export type InputFormat = keyof typeof INPUT_FORMATS;

export interface LoadedTrial {
  trial: Trial;
  warnings: Diagnostic[];
  format: InputFormat;
  file: string;
}

export function inputFormat(file: string): InputFormat | undefined {
  const ext = extname(file).toLowerCase();
  if ((INPUT_FORMATS.data as readonly string[]).includes(ext)) return 'data';
  if ((INPUT_FORMATS.summary as readonly string[]).includes(ext)) return 'summary';
  return undefined;
}

export interface LoadOptions {
  /** Read `context.trials[].file` entries from the same folder (default true; false for those files themselves). */
  resolveContext?: boolean;
}

export async function loadTrial(file: string, options: LoadOptions = {}): Promise<LoadedTrial> {
  const format = inputFormat(file);
  if (!format) {
    const all = [...INPUT_FORMATS.data, ...INPUT_FORMATS.summary].join(', ');
    throw new TrialdeckError('INPUT_UNSUPPORTED', `${file}: unsupported file type; expected one of ${all}`);
  }
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new TrialdeckError('INPUT_NOT_FOUND', `${file}: not a file`);
    size = info.size;
  } catch (err) {
    if (err instanceof TrialdeckError) throw err;
    throw new TrialdeckError('INPUT_NOT_FOUND', `${file}: no such file`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new TrialdeckError('INPUT_TOO_LARGE', `${file}: ${Math.ceil(size / 1024)} KB is over the ${MAX_INPUT_TEXT} limit for trial files`);
  }
  const text = await readFile(file, 'utf8');
  const { trial: parsedTrial, warnings } = parseTrialText(text, file, format);
  const parsed = { trial: parsedTrial, warnings };
  if (options.resolveContext === false) return { ...parsed, format, file };
  const trial = await resolveContextFiles(parsed.trial, file, async (f) => (await loadTrial(f, { resolveContext: false })).trial);
  return { ...parsed, trial, format, file };
}

/** The in-memory half of loadTrial, used by the preview server and tests. */
export function parseTrialText(text: string, file: string, format: InputFormat): { trial: Trial; warnings: Diagnostic[]; yaml?: ParsedYaml } {
  if (Buffer.byteLength(text, 'utf8') > MAX_INPUT_BYTES) {
    throw new TrialdeckError('INPUT_TOO_LARGE', `${file}: over the ${MAX_INPUT_TEXT} limit for trial files`);
  }
  if (format === 'summary') {
    const imported = importSummary(text, file);
    const validated = validateTrial(imported.trial, { file });
    return { trial: validated.trial, warnings: [...imported.warnings, ...validated.warnings] };
  }
  const yaml = parseYaml(text, file);
  // The parsed document goes back too: the studio places claim flags with it instead of parsing again.
  return { ...validateTrial(yaml.data, { file, doc: yaml.doc, lines: yaml.lines }), yaml };
}
