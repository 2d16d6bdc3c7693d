import { describe, expect, it } from 'vitest';
import { deriveEvidence } from '../../src/evidence/derive.js';
import { fixed } from '../../src/evidence/format.js';
import type { Evidence, OutcomeEvidence } from '../../src/evidence/types.js';
import { levoecmoTrial } from './fixtures/levoecmo-trial.js';

const outcome = (ev: Evidence, i: number): OutcomeEvidence => {
  const o = ev.outcomes[i];
  if (!o) throw new Error(`no outcome ${i}`);
  return o;
};

describe('deriveEvidence on LEVOECMO', () => {
  const ev = deriveEvidence(levoecmoTrial());

  it('keys outcomes by index and names the arms', () => {
    expect(ev.outcomes.map((o) => o.index)).toEqual([0, 1, 2, 3, 4]);
    expect(ev.arms).toEqual({ experimental: { id: 'levosimendan', label: 'Levosimendan' }, comparator: { id: 'placebo', label: 'Placebo' } });
    expect(ev.primaryIndex).toBe(0);
    expect(ev.warnings).toEqual([]);
    // Medians have no event counts and no ratio effect.
    expect(outcome(ev, 4).binary).toBeNull();
    expect(outcome(ev, 4).bayes).toBeNull();
  });

  it('primary 69/101 vs 71/104: RD 0.0%, Wilson risks, Fisher P = 1', () => {
    const b = outcome(ev, 0).binary!;
    expect(Math.abs(b.riskDifference.estimate)).toBeLessThan(0.0005);
    expect(fixed(100 * b.riskDifference.estimate, 1)).toBe('0.0');
    expect(b.riskDifference.lower).toBeCloseTo(-0.1255174903, 9);
    expect(b.experimental.lower).toBeCloseTo(0.5871490857, 9);
    expect(b.comparator.upper).toBeCloseTo(0.7642684633, 9);
    expect(b.fisher.p).toBeCloseTo(1, 12);
    expect(b.nnt?.text).toBe('NNTB 2101 (95% CI NNTB 8 to ∞ to NNTH 8)');
  });

  it('ventricular arrhythmia: RR 2.06 (0.97 to 4.37), OR, NNTH 10.9 → 11', () => {
    const b = outcome(ev, 1).binary!;
    expect(b.riskRatio.estimate).toBeCloseTo(2.0594059406, 9);
    expect(b.riskRatio.lower).toBeCloseTo(0.9710007635, 9);
    expect(b.riskRatio.upper).toBeCloseTo(4.3678161618, 9);
    expect(b.oddsRatio.estimate).toBeCloseTo(2.2891566265, 9);
    expect(b.fisher.p).toBeCloseTo(0.0636069349564, 11);
    expect(b.nnt?.estimate.kind).toBe('NNTH');
    expect(b.nnt?.estimate.value).toBeCloseTo(10.9076, 4);
    expect(b.nnt?.estimate.display).toBe(11);
    expect(b.nnt?.limits[0].value).toBeCloseTo(512.758, 2);
  });

  it('treatment cessation: Katz 1.03 to 9.26, death at day 30: NNTH 28', () => {
    const c = outcome(ev, 2).binary!;
    expect(c.riskRatio.lower).toBeCloseTo(1.0303754338, 9);
    expect(c.riskRatio.upper).toBeCloseTo(9.261278511, 8);
    expect(c.nnt?.text).toBe('NNTH 13 (95% CI NNTH 7 to 186)');
    expect(outcome(ev, 3).binary?.nnt?.text).toBe('NNTH 28 (95% CI NNTB 13 to ∞ to NNTH 7)');
  });

  it('primary analysed as a Fine–Gray sHR: no fragility index, and the slide says why', () => {
    expect(ev.fragility).toBeNull();
    const f = ev.fragilities.find((x) => x.outcomeIndex === 0)!;
    expect(f.applies).toBe(false);
    expect(f.result).toBeNull();
    expect(f.reason).toMatch(/^Not applicable: analysed as competing-risks time to event \(Fine–Gray subdistribution HR\)/);
    expect(f.reason).toMatch(/death as "no event"/);
  });

  it('the same counts analysed as a risk ratio: reverse fragility index 13, read as CI width, not robustness', () => {
    const rr = deriveEvidence(
      levoecmoTrial((t) => {
        t.results[0]!.effect = { reported: true, measure: 'RR', estimate: 1.0, ci: { lower: 0.84, upper: 1.19, level: 0.95 } };
      }),
    );
    const f = rr.fragility!;
    expect(f.outcomeIndex).toBe(0);
    expect(f.kind).toBe('reverse');
    expect(f.value).toBe(13);
    expect(f.pFinal).toBeCloseTo(0.0377065063, 9);
    expect(f.text).toContain('Levosimendan arm');
    const entry = rr.fragilities[0]!;
    expect(entry.meaning).toMatch(/Khan et al\. 2020/);
    expect(entry.meaning).toMatch(/restates how wide the confidence interval is; a large value does not make the neutral result robust/);
  });

  it('Bayes: design target sHR 1.75 sets the primary\'s priors but is not called MCID', () => {
    const p = outcome(ev, 0).bayes!;
    expect(p.measure).toBe('sHR');
    expect(p.mcid).toBeNull();
    expect(p.designEffect).toBe(1.75);
    expect(p.posteriors.map((x) => x.prior)).toEqual(['flat', 'sceptical', 'enthusiastic']);
    expect(p.posteriors[0]?.pBenefit).toBeCloseTo(0.5489995754, 9);
    expect(p.posteriors[2]?.pBenefit).toBeCloseTo(0.7922525351, 9);
    const d30 = outcome(ev, 3).bayes!;
    expect(d30.mcid).toBeNull();
    expect(d30.designEffect).toBeNull();
    expect(d30.posteriors.map((x) => x.prior)).toEqual(['flat', 'neutral']);
    expect(d30.posteriors[0]?.pHarm).toBeCloseTo(0.7227562313, 9);
  });

  it('Bayes: a user MCID applies to every ratio outcome, on its benefit side', () => {
    const user = deriveEvidence(levoecmoTrial(), { mcid: 1.5 });
    const va = outcome(user, 1).bayes!;
    expect(va.mcidSource).toBe('user');
    expect(va.mcid).toBeCloseTo(1 / 1.5, 14);
    expect(va.posteriors[0]?.pBenefit).toBeCloseTo(0.0299122721, 9);
    expect(va.posteriors[0]?.pBenefitBeyondMcid).toBeCloseTo(0.001651662, 9);
    const sc = va.posteriors.find((x) => x.prior === 'sceptical')!;
    expect(sc.mean).toBeCloseTo(0.2109124404, 9);
    expect(sc.pHarm).toBeCloseTo(0.8453611449, 9);
    expect(outcome(user, 0).bayes?.mcid).toBe(1.5);
  });

  it('carries the audit, with the treatment-cessation CI discrepancy', () => {
    const f = ev.audit.find((x) => x.outcomeIndex === 2 && x.check === 'risk-ratio');
    expect(f?.severity).toBe('minor');
    expect(f?.reportedText).toBe('3.09 (95% CI 1.07 to 8.93)');
    expect(f?.recomputedText).toBe('3.09 (95% CI 1.03 to 9.26)');
  });

  it('is JSON-serialisable without loss and deterministic', () => {
    // JSON.stringify silently turns Infinity/NaN into null: walk the numbers first.
    const numbers: number[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'number') numbers.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(ev);
    expect(numbers.length).toBeGreaterThan(100);
    expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
    const json = JSON.stringify(ev);
    expect(JSON.parse(json)).toStrictEqual(ev);
    expect(JSON.stringify(deriveEvidence(levoecmoTrial()))).toBe(json);
  });
});

describe('deriveEvidence edge cases', () => {
  it('warns and skips NNT when the benefit direction is missing', () => {
    const ev = deriveEvidence(levoecmoTrial((t) => delete t.results[1]!.benefit));
    expect(outcome(ev, 1).binary?.nnt).toBeNull();
    expect(outcome(ev, 1).binary?.riskRatio.estimate).toBeCloseTo(2.0594059406, 9);
    expect(outcome(ev, 1).bayes?.posteriors[0]?.pBenefit).toBeNull();
    expect(ev.warnings).toEqual([expect.objectContaining({ level: 'warning', code: 'evidence/no-benefit', path: 'results[1].benefit' })]);
  });

  it('warns and skips binary figures when events exceed the total', () => {
    const ev = deriveEvidence(
      levoecmoTrial((t) => {
        t.results[2]!.arms.placebo = { kind: 'events', events: 120, total: 104 };
      }),
    );
    expect(outcome(ev, 2).binary).toBeNull();
    expect(ev.warnings[0]?.code).toBe('evidence/impossible-counts');
    expect(ev.warnings[0]?.path).toBe('results[2].arms.placebo.events');
    // The audit leaves the impossible outcome's counts alone too.
    expect(ev.audit.some((f) => f.outcomeIndex === 2 && f.check === 'risk-ratio')).toBe(false);
  });

  it('significant primary gets a fragility index', () => {
    const ev = deriveEvidence(
      levoecmoTrial((t) => {
        t.results[0]!.arms = {
          levosimendan: { kind: 'events', events: 3, total: 50 },
          placebo: { kind: 'events', events: 12, total: 50 },
        };
        t.results[0]!.effect = undefined;
      }),
    );
    expect(ev.fragility?.kind).toBe('fragility');
    expect(ev.fragility?.value).toBe(1);
  });

  it('no primary outcome: no fragility; a third arm is compared with the control, never with the first arm', () => {
    const ev = deriveEvidence(
      levoecmoTrial((t) => {
        t.results[0]!.role = 'secondary';
        t.arms.push({ id: 'dobutamine', label: 'Dobutamine' });
      }),
    );
    expect(ev.primaryIndex).toBeNull();
    expect(ev.fragility).toBeNull();
    expect(ev.warnings).toEqual([]);
    const pairs = outcome(ev, 0).comparisons.map((c) => [c.label, c.headline, c.binary !== null]);
    expect(pairs).toEqual([
      ['Levosimendan vs Placebo', true, true],
      ['Dobutamine vs Placebo', false, false],
    ]);
    expect(ev.control).toEqual({ id: 'placebo', label: 'Placebo' });
  });

  it('rejects a meaningless MCID as a usage error', () => {
    for (const mcid of [1, 0, -2, Number.NaN]) {
      expect(() => deriveEvidence(levoecmoTrial(), { mcid })).toThrow(expect.objectContaining({ code: 'USAGE' }));
    }
  });

  it('uses a ratio from otherEffects when the main effect is not a ratio', () => {
    const ev = deriveEvidence(
      levoecmoTrial((t) => {
        const o = t.results[3]!;
        o.otherEffects = [{ ...o.effect! }];
        o.effect = { measure: 'RD', unit: '%', estimate: 3.6, ci: { lower: -8.9, upper: 15.8 } };
      }),
    );
    expect(outcome(ev, 3).bayes?.measure).toBe('RR');
    expect(outcome(ev, 3).bayes?.posteriors[0]?.pHarm).toBeCloseTo(0.7227562313, 9);
  });
});
