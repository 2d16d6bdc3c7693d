import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrialdeckError } from '../../src/errors.js';
import { MAX_INPUT_BYTES } from '../../src/trial/load.js';
import { MAX_DEPTH, MAX_TOKENS, preflight } from '../../src/trial/yaml-preflight.js';

const DATA = join(import.meta.dirname, '../../data');

function problem(text: string): { line?: number; column?: number; message: string } {
  try {
    preflight(text, 'x.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(TrialdeckError);
    const p = (err as TrialdeckError).problems[0];
    expect(p?.file).toBe('x.yaml');
    return p as { line?: number; column?: number; message: string };
  }
  throw new Error('preflight accepted it');
}

describe('YAML preflight', () => {
  it('accepts every real trial file', () => {
    for (const f of readdirSync(DATA).filter((n) => n.endsWith('.yaml'))) {
      expect(() => preflight(readFileSync(join(DATA, f), 'utf8'), f)).not.toThrow();
    }
  });

  it('accepts a trial padded to the input size limit with ordinary block YAML', () => {
    const base = readFileSync(join(DATA, 'levoecmo.yaml'), 'utf8');
    const lists = ['strengths', 'limitations', 'controversies', 'summary', 'background', 'exclusions', 'inclusion', 'interpretation', 'discussion', 'notes'];
    let text = base;
    for (const key of lists) {
      text += `\n${key}_padding:\n`;
      for (let i = 0; i < 500 && text.length < MAX_INPUT_BYTES - 200; i++) text += `  - "Point ${i}: the trial enrolled 205 patients, 101 vs 104, with a primary sHR of 1.17 (0.84–1.63)"\n`;
    }
    expect(text.length).toBeGreaterThan(MAX_INPUT_BYTES * 0.9);
    expect(() => preflight(text, 'x.yaml')).not.toThrow();
  });

  it('refuses dense structure by its token count, at the line where the limit is crossed', () => {
    const text = `id: dense\ntitle: x\njunk: [${'[0,[1]],'.repeat(MAX_TOKENS / 4)}0]\n`;
    const p = problem(text);
    expect(p.message).toMatch(/too much structure: more than 200,000 YAML tokens/);
    expect(p.line).toBe(3);
    expect(p.column).toBeGreaterThan(100_000);
  });

  it('refuses flow nesting deeper than the limit, where it starts, without recursing', () => {
    expect(() => preflight(`a: ${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}\n`, 'x.yaml')).not.toThrow();
    const p = problem(`a: 1\nb: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    expect(p).toMatchObject({ line: 2, column: 4 + MAX_DEPTH, message: `nesting too deep (more than ${MAX_DEPTH} levels)` });
  });

  it('does not count brackets inside quoted or block scalars as nesting', () => {
    const text = `a: "${'['.repeat(200)}"\nb: |\n  ${'{'.repeat(200)}\nc: '${'['.repeat(200)}'\n`;
    expect(() => preflight(text, 'x.yaml')).not.toThrow();
  });
});
