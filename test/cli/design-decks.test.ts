// The built decks of the example trials of other designs (issue 13, "done
// when"): no slide names a pair of arms the paper did not compare; the
// non-inferiority verdict and margin reach the primary slide and the forest
// plot; each comparison gets its own "favours" label.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { parseTrialText } from '../../src/trial/load.js';
import { assertCliBuilt, ROOT, runCliSync } from '../helpers/cli.js';

const IDS = ['rocket-af', 'pegasus-timi-54', 'isis-2', 'surmount-1', 'gilron-2005'] as const;
let work: string;
const decks = new Map<string, string>();

beforeAll(() => {
  assertCliBuilt();
  work = mkdtempSync(join(tmpdir(), 'td-design-decks-'));
  for (const id of IDS) {
    const r = runCliSync(['build', join(ROOT, `data/${id}.yaml`), '-f', 'md', '-o', 'out'], { cwd: work, timeout: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    decks.set(id, readFileSync(join(work, 'out', id, 'deck.md'), 'utf8'));
  }
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('decks of the design examples', () => {
  it.each(IDS)('%s: every "A vs B" naming two arms is a pair the paper compared (lists of all arms aside)', (id) => {
    const md = decks.get(id) ?? '';
    const trial = parseTrialText(readFileSync(join(ROOT, `data/${id}.yaml`), 'utf8'), `${id}.yaml`, 'data').trial;
    const compared = new Set(deriveEvidence(trial).outcomes.flatMap((o) => o.comparisons.map((c) => `${c.arm.label} vs ${c.vs.label}`)));
    const found: string[] = [];
    for (const a of trial.arms) {
      for (const b of trial.arms) {
        if (a === b) continue;
        // A pair, not part of a list: "A vs B vs C" (a chart of every arm), "A or B or C vs D" (all active arms vs the control).
        const re = new RegExp(`(?<!(?: vs | or |, ))${escape(a.label)} vs ${escape(b.label)}(?! vs )`, 'g');
        if (re.test(md)) found.push(`${a.label} vs ${b.label}`);
      }
    }
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((p) => !compared.has(p)), found.join('; ')).toEqual([]);
  });

  it('ROCKET AF: the primary slide states the verdict and the margin; the forest plot carries the margin on both analyses', () => {
    const md = decks.get('rocket-af') ?? '';
    expect(md).toContain('Rivaroxaban vs Warfarin · per-protocol');
    expect(md).toContain('Non-inferior: upper 95% CI bound 0.96 \\< margin 1.46; superior: upper 95% CI bound 0.96 \\< 1');
    expect(md).toContain('Non-inferiority margin: HR 1.46');
    expect(md).toMatch(/per-protocol as-treated \(primary; non-inferiority\): HR 0\.79 \(95% CI 0\.66 to 0\.96\), non-inferiority margin 1\.46/);
    expect(md).toMatch(/intention-to-treat: HR 0\.88 \(95% CI 0\.74 to 1\.03\), non-inferiority margin 1\.46/);
    // The primary slide never calls a non-inferior result "no difference".
    const primary = md.slice(md.indexOf('Rivaroxaban vs Warfarin · per-protocol'), md.indexOf('Non-inferiority margin: HR 1.46'));
    expect(primary).not.toMatch(/no difference|no significant/i);
  });

  it('PEGASUS-TIMI 54: each dose against placebo, each with its own favours label', () => {
    const md = decks.get('pegasus-timi-54') ?? '';
    expect(md).toContain('Ticagrelor 90 mg vs Placebo: lower is better (ratios below 1: favours Ticagrelor 90 mg)');
    expect(md).toContain('Ticagrelor 60 mg vs Placebo: lower is better (ratios below 1: favours Ticagrelor 60 mg)');
    expect(md).toContain('Superior: upper 95% CI bound 0.95 \\< 1');
  });

  it('SURMOUNT-1 (continuous primary): the direction of benefit for each dose', () => {
    const md = decks.get('surmount-1') ?? '';
    for (const dose of ['15', '10', '5']) expect(md).toContain(`Lower is better: the estimate favours Tirzepatide ${dose} mg`);
  });
});
