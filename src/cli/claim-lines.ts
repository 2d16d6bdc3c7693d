// Where a flagged sentence sits in the input file, for `trialdeck check`.
// YAML/JSON: the field path leads to its node through the YAML document the
// loader parses (values keep their source ranges), then the sentence's first
// words are found inside that node; folded scalars wrap lines at spaces, so
// words are matched across any whitespace. Summary text: the same search over
// the whole file.
import type { LineCounter, Document } from 'yaml';
import type { ClaimFlag } from '../evidence/types.js';
import { parsePath } from '../trial/field-path.js';
import { parseYaml, type ParsedYaml } from '../trial/parse-yaml.js';

/** A regex for the sentence's first words, tolerant of line breaks and indentation between them. */
function opening(sentence: string, words = 6): RegExp {
  const parts = sentence.split(/\s+/).filter(Boolean).slice(0, words).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('\\s+'));
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function yamlLine(text: string, doc: Document.Parsed, lines: LineCounter, flag: ClaimFlag): number | undefined {
  const segments = parsePath(flag.path);
  const node = (segments ? doc.getIn(segments, true) : undefined) as { range?: [number, number, number] } | undefined;
  const range = node?.range;
  if (!range) return undefined;
  const m = opening(flag.sentence).exec(text.slice(range[0], range[1]));
  return lines.linePos(range[0] + (m?.index ?? 0)).line;
}

/** Flags with `line` set where the sentence could be found in `text`. */
export function locateClaims(flags: readonly ClaimFlag[], text: string, file: string, format: 'data' | 'summary', parsed?: ParsedYaml): ClaimFlag[] {
  if (format === 'data') {
    // `parsed` is `text` already parsed (the studio has it from the build); otherwise parse it here.
    const { doc, lines } = parsed ?? parseYaml(text, file);
    return flags.map((f) => {
      const line = yamlLine(text, doc, lines, f);
      return line === undefined ? { ...f } : { ...f, line };
    });
  }
  return flags.map((f) => {
    const m = opening(f.sentence).exec(text);
    return m ? { ...f, line: lineAt(text, m.index) } : { ...f };
  });
}
