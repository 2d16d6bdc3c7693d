import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importSummary, trialToYaml } from '../../src/import/index.js';
import { trialSchema, type TrialInput } from '../../src/trial/schema.js';
import { EXAMPLES, readSummary } from './examples.js';

const minimal = (extra: Partial<TrialInput> = {}): TrialInput => ({
  publication: { title: 'T', acronym: 'A', year: 2020, journal: 'J', citation: 'C' },
  design: { intervention: { name: 'Drug' }, comparator: { name: 'Placebo' } },
  arms: [
    { id: 'drug', label: 'Drug' },
    { id: 'placebo', label: 'Placebo' },
  ],
  results: [{ name: 'Death', arms: { drug: { kind: 'text', text: 'x' }, placebo: { kind: 'text', text: 'y' } } }],
  ...extra,
});

describe('trialToYaml', () => {
  it.each(EXAMPLES)('round-trips $id to exactly the same data', ({ summary }) => {
    const { trial } = importSummary(readSummary(summary));
    const yaml = trialToYaml(trial);
    expect(parse(yaml)).toEqual(trial);
    expect(trialSchema.parse(parse(yaml))).toEqual(trialSchema.parse(trial));
  });

  it('writes readable YAML: schema comment first, block scalars, inline number lists, no JSON', () => {
    const yaml = trialToYaml(importSummary(readSummary('LEVOECMO.txt')).trial);
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/trial.schema.json');
    expect(yaml).toMatch(/^id: levoecmo$/m);
    expect(yaml).toMatch(/^ {6}refs: \[4, 5\]$/m);
    expect(yaml).toMatch(/^ {8}iqr: \[4, 7\]$/m);
    expect(yaml).toMatch(/^takeaway: >-$/m);
    expect(yaml).not.toMatch(/^\s*[{[]/m);
    expect(yaml).not.toMatch(/"\w+":/);
    // A blank line between top-level sections.
    expect(yaml).toMatch(/\n\npublication:\n/);
    for (const line of yaml.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
  });

  it('round-trips awkward strings', () => {
    const awkward = [
      'key: value # not a comment',
      '- starts like a list',
      '"quoted" and \'single\'',
      '  leading and trailing spaces  ',
      'line one\nline two\n',
      'yes',
      '1.02',
      '@at & *star ! bang % percent',
      'x'.repeat(300),
      `${'word '.repeat(40)}end`,
      'tab\there',
    ];
    const trial = minimal({ summary: awkward, takeaway: awkward.join(' ') });
    expect(parse(trialToYaml(trial))).toEqual(trial);
  });

  it('round-trips any bullet text and takeaway (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), fc.string({ minLength: 1 }), (bullets, takeaway) => {
        const trial = minimal({ summary: bullets, takeaway });
        expect(parse(trialToYaml(trial))).toEqual(trial);
      }),
      { numRuns: 300 },
    );
  });
});
