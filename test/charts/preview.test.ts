// Not a check: writes every chart of the test trials as SVG (and the inputs
// as JSON) for a person to look at. Runs only with TRIALDECK_CHART_PREVIEW
// set to an output folder, e.g.
//   TRIALDECK_CHART_PREVIEW=/tmp/trialdeck-charts npx vitest run test/charts/preview
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { chartTrial } from '../../src/charts/index.js';
import { dapaHf, levoecmo } from './trials.js';

const out = process.env.TRIALDECK_CHART_PREVIEW;

describe.runIf(out)('chart previews', () => {
  it('writes SVGs', async () => {
    const dir = out as string;
    mkdirSync(dir, { recursive: true });
    for (const [name, trial] of [['levoecmo', levoecmo()], ['dapa-hf', dapaHf()]] as const) {
      const { charts } = await chartTrial(trial);
      for (const c of charts) {
        writeFileSync(join(dir, `${name}-${c.id}.svg`), c.svg);
        console.log(`${name}-${c.id}.svg ${c.width}×${c.height}`);
      }
    }
  });
});
