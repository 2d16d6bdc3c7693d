// Field paths are written by the validators and read back by `trialdeck check`
// and the studio's form (src/trial/field-path.ts): reading must give back
// exactly the segments that were written, whatever the keys hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, parsePath } from '../../src/trial/field-path.js';

describe('field paths', () => {
  it('reads back what formatPath writes, for any keys and indices', () => {
    const segment = fc.oneof(fc.string(), fc.constantFrom('arms', 'levo', 'x y', 'a"b', '0', ''), fc.nat({ max: 500 }));
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segs) => {
        expect(parsePath(formatPath(segs))).toEqual(segs);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the paths the messages use', () => {
    expect(formatPath(['results', 3, 'arms', 'placebo', 'events'])).toBe('results[3].arms.placebo.events');
    expect(formatPath(['arms', 'odd key', 'label'])).toBe('arms["odd key"].label');
  });
});
