// Charts must lay out for any trial, not just the two we looked at: random
// outcome names, arm labels, arm and row counts must never truncate a label
// or draw outside the canvas (the renderer throws if anything would be cut off).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartTrial } from '../../src/charts/index.js';
import { trialSchema } from '../../src/trial/schema.js';
import { svgTexts } from './svg-text.js';

const word = fc.stringMatching(/^[A-Za-zé–≥μ]{1,14}$/);
const name = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(' '));
const armLabel = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));

const outcome = fc.record({
  name,
  role: fc.constantFrom('secondary', 'competing', 'safety'),
  benefit: fc.constantFrom('higher', 'lower', undefined),
  count: fc.integer({ min: 0, max: 30 }),
  est: fc.double({ min: 0.05, max: 20, noNaN: true }),
  spread: fc.double({ min: 1.05, max: 6, noNaN: true }),
  median: fc.boolean(),
});

describe('layout robustness', () => {
  it('renders random trials without truncation or overflow', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(armLabel, { minLength: 2, maxLength: 3 }), fc.array(outcome, { minLength: 1, maxLength: 12 }), async (labels, outs) => {
        const ids = labels.map((_, i) => `arm-${i}`);
        const trial = trialSchema.parse({
          publication: { title: 'T', acronym: 'FUZZ', year: 2024, journal: 'J', citation: 'C' },
          design: { intervention: { name: 'i' }, comparator: { name: 'c' } },
          arms: labels.map((label, i) => ({ id: ids[i], label, randomised: 100, analysed: 100 - i })),
          enrolment: { enrolled: 100 * labels.length },
          results: outs.map((o, i) => ({
            name: o.name,
            role: i === 0 ? 'primary' : o.role,
            benefit: o.benefit,
            arms: Object.fromEntries(ids.map((id, k) => [id, o.median && i > 0
              ? { kind: 'median', median: o.count + k, iqr: [0, o.count + 3 + k] }
              : { kind: 'events', events: o.count + k, total: 100 }])),
            effect: { measure: 'HR', estimate: o.est, ci: { lower: o.est / o.spread, upper: o.est * o.spread } },
          })),
        });
        const { charts } = await chartTrial(trial);
        for (const c of charts) {
          expect(c.svg).not.toContain('\u2026');
          expect(c.width).toBeLessThanOrEqual(1160);
          const shown = svgTexts(c.svg).map((t) => t.text);
          if (c.id === 'forest') for (const o of outs) expect(shown).toContain(o.name);
        }
      }),
      { numRuns: 15, seed: 20260101, endOnFailure: true },
    );
  });
});
