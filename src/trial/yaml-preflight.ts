// A cheap pass over YAML/JSON text before the real parse. `yaml`'s parser
// costs ~15 µs per token and recurses per flow bracket, so 512 KB of dense
// structure (`[0,[1]],` repeated) takes 3 s idle and 14 s on a busy machine,
// and 100 000 nested brackets overflow its stack. Its lexer is ~20× cheaper
// and iterative, so we count tokens and flow depth with it and stop at the
// first limit crossed, before anything slow runs.
import { Lexer } from 'yaml';
import { TrialdeckError } from '../errors.js';

/**
 * Far above any real trial: LEVOECMO is ~5 000 tokens; a trial at every list
 * limit at once (200 outcomes, 500 items per list) is ~40 000 as JSON; 512 KB
 * of ordinary block-YAML bullets is ~30 000. The dense attack above is 650 000.
 */
export const MAX_TOKENS = 200_000;
export const MAX_DEPTH = 64;

/** The lexer's markers carry no source text (see yaml's cst.ts). */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);

export function preflight(text: string, file: string): void {
  // Every token is at least one character, so a shorter text cannot cross the
  // token limit, and parsing it takes well under a second. Nesting deeper than
  // MAX_DEPTH still fails there: parse-yaml reports a parser stack overflow and
  // checkKeys anything deeper than the limit.
  // This keeps the ~20–35 ms lexer pass off every ordinary build and preview rebuild.
  if (text.length <= MAX_TOKENS) return;
  let tokens = 0;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    tokens++;
    if (token === '[' || token === '{') depth++;
    else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    if (depth > MAX_DEPTH) fail(text, file, offset, `nesting too deep (more than ${MAX_DEPTH} levels)`);
    if (tokens > MAX_TOKENS) {
      fail(text, file, offset, `too much structure: more than ${MAX_TOKENS.toLocaleString('en')} YAML tokens (a trial with every list at its limit has about 40 000); is this the right file?`);
    }
    offset += token.length;
  }
}

function fail(text: string, file: string, offset: number, message: string): never {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  throw new TrialdeckError('YAML_SYNTAX', `${file}: not valid YAML/JSON`, [{ file, line, column, message }]);
}
