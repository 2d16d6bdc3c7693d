// `trialdeck check` carries the context meta-analysis: one line per pooled
// outcome in the text output, every number under evidence.context in --json.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, ROOT, runCliSync } from '../helpers/cli.js';

beforeAll(() => assertCliBuilt());

interface Pooled { k: number; ratio: number; ratioLower: number; ratioUpper: number; tau2: number; i2: number; q: number; qDf: number; prediction: unknown }
interface CheckJson {
  trial: { context: { trials: { name: string }[] } };
  evidence: { context: { method: string; headline: number; analyses: { outcome: string; measure: string; with: Pooled; without: Pooled | null; studies: { name: string; kind: string }[] }[]; excluded: { name: string; reason: string; text: string }[] } };
}

describe('check and the context meta-analysis', () => {
  it('--json carries the pooled analyses, the studies and what was left out', () => {
    const r = runCliSync(['check', join(ROOT, 'data/dapa-hf.yaml'), '--json'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CheckJson;
    const ctx = json.evidence.context;
    expect(ctx.method).toBe('REML');
    const a = ctx.analyses[ctx.headline]!;
    expect(a).toMatchObject({ outcome: 'Cardiovascular death or hospitalisation for heart failure', measure: 'HR' });
    expect(a.studies.map((s) => [s.name, s.kind])).toEqual([['DAPA-HF', 'this-trial'], ['EMPEROR-Reduced', 'context']]);
    expect(a.with).toMatchObject({ k: 2, qDf: 1, prediction: null });
    expect(a.with.ratio).toBeCloseTo(0.75, 2);
    expect(a.with.ratioLower).toBeCloseTo(0.681, 3);
    expect(ctx.excluded).toEqual([expect.objectContaining({ name: 'EMPEROR-Preserved', reason: 'presenter' }), expect.objectContaining({ name: 'SOLOIST-WHF', reason: 'presenter' })]);
  });

  it('the text output has one line per pooled outcome and one per study left out', () => {
    const r = runCliSync(['check', join(ROOT, 'data/levoecmo.yaml')], { cwd: ROOT });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Context: 2 pooled analyses \(random effects, REML\), 3 studies left out/);
    expect(r.stdout).toMatch(/Successful VA-ECMO weaning within 30 days \(primary; competing risk\) \(sHR, 2 studies\): 1\.09 \(95% CI 0\.83 to 1\.45\)/);
    expect(r.stdout).toMatch(/left out Massol et al\.: reports an HR; LEVOECMO reports an sHR/);
  });

  it('--dl and --hksj switch the estimator and the interval', () => {
    const r = runCliSync(['check', join(ROOT, 'data/dapa-hf.yaml'), '--json', '--dl', '--hksj'], { cwd: ROOT });
    expect(r.code).toBe(0);
    const ctx = (JSON.parse(r.stdout) as { evidence: { context: { method: string; ciMethod: string; analyses: { with: { lower: number; upper: number; estimate: number } }[] } } }).evidence.context;
    expect([ctx.method, ctx.ciMethod]).toEqual(['DL', 'hksj-floor']);
    // Two studies: HKSJ uses t with 1 df (12.71), far wider than the normal interval.
    const w = ctx.analyses[0]!.with;
    expect(w.upper - w.estimate).toBeGreaterThan(0.1);
    expect(runCliSync(['check', join(ROOT, 'data/levoecmo.yaml'), '--hksj'], { cwd: ROOT }).stdout).toMatch(/random effects, REML, Hartung–Knapp CI \(floored\)/);
  });
});
