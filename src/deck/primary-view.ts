// What the primary-outcome slide says, as plain formatted data: every arm's
// number (no stray " · " when a cell has no count), then one line per result
// the paper reports for the primary outcome (each comparison, each analysis
// population) with its verdict (superiority, non-inferiority, equivalence)
// and, for differences, the direction of benefit and the MCID. The view
// model lays it out; nothing here is cut short.
import { continuousText } from '../evidence/continuous.js';
import { verdict, type VerdictKind } from '../evidence/verdict.js';
import { comparisonLabel, effectComparison, outcomeHypothesis } from '../trial/comparisons.js';
import type { Effect, Hypothesis, Outcome, Trial } from '../trial/schema.js';
import { formatEffect, headline, joinParts } from './format.js';

export interface PrimaryResult {
  /** "Ticagrelor 60 mg vs Placebo · per-protocol"; null for a two-arm trial's single result. */
  lead: string | null;
  /** The paper's "HR 0.79; 95% CI 0.66 to 0.96; P<0.001", else formatted "HR 0.79 (95% CI 0.66 to 0.96); P<0.001". */
  effect: string;
  /** "Non-inferior: upper 95% CI bound 0.96 < margin 1.46; superior: upper 95% CI bound 0.96 < 1". */
  verdict: string | null;
  verdictKind: VerdictKind | null;
  /** Differences: "Lower is better: favours …; MCID 5 kg (…): the CI excludes an important benefit". */
  continuous: string | null;
}

export interface PrimaryView {
  outcome: string;
  hypothesis: Hypothesis;
  /** One per arm, in the data's order: a `stats` block. `small` is absent, never '', when there is nothing to add. */
  arms: { label: string; big: string; small?: string }[];
  /** "Non-inferiority margin: HR 1.46 (upper bound of the 95% CI below 1.46)"; null for superiority. */
  margin: string | null;
  results: PrimaryResult[];
}

export function primaryView(trial: Trial): PrimaryView | undefined {
  const o = trial.results.find((r) => r.role === 'primary') ?? trial.results[0];
  if (!o) return undefined;
  const hypothesis = outcomeHypothesis(trial, o);
  const arms = trial.arms.map((arm) => {
    const q = o.arms[arm.id];
    const h = q ? headline(q) : { big: '—', small: '' };
    return { label: arm.label, big: h.big, ...(h.small ? { small: h.small } : {}) };
  });
  return { outcome: o.name, hypothesis, arms, margin: marginText(o, hypothesis), results: primaryEffects(trial, o).map((e) => result(trial, o, e)) };
}

/**
 * The main effect, then the note effects that are another comparison or
 * another analysis population of it. Unlabelled note ratios are usually
 * subgroups, which would mislead on this slide.
 */
function primaryEffects(trial: Trial, o: Outcome): Effect[] {
  const main = o.effect?.reported ? o.effect : undefined;
  const mainPair = main ? effectComparison(trial, main) : null;
  const others = o.otherEffects.filter((e) => {
    if (!e.reported) return false;
    const pair = e.comparison;
    const newPair = pair !== undefined && !(mainPair && pair.arm === mainPair.arm && pair.vs === mainPair.vs);
    const newPopulation = e.population !== undefined && e.population !== main?.population;
    return newPair || newPopulation;
  });
  return main ? [main, ...others] : others;
}

function result(trial: Trial, o: Outcome, e: Effect): PrimaryResult {
  const pair = effectComparison(trial, e);
  const named = trial.arms.length > 2 || e.comparison !== undefined || o.otherEffects.some((x) => x.comparison !== undefined);
  const lead = joinParts([named && pair ? comparisonLabel(trial, pair) : undefined, e.population]);
  const v = e.ci ? verdict(e, o, trial) : null;
  const c = continuousText(e, o, trial);
  // The difference itself is already `effect`: only what it means.
  const meaning = c ? joinParts([c.direction, c.mcid], '; ') : '';
  return {
    lead: lead === '' ? null : lead,
    // The paper's wording when there is one ("odds reduction 25% (SD 4)", "0.50"), as the results table quotes it.
    effect: e.text || e.ciText ? joinParts([e.text, e.ciText], '; ') : formatEffect(e),
    verdict: v?.text ?? null,
    verdictKind: v?.kind ?? null,
    continuous: meaning === '' ? null : meaning,
  };
}

function marginText(o: Outcome, hypothesis: Hypothesis): string | null {
  if (hypothesis === 'superiority') return null;
  const name = hypothesis === 'non-inferiority' ? 'Non-inferiority margin' : 'Equivalence margin';
  const m = o.margin;
  if (!m) return `${name}: not given`;
  const measure = m.measure ?? o.effect?.measure;
  return `${name}: ${joinParts([measure && measure !== 'other' ? measure : undefined, String(m.value)], ' ')}${m.text ? ` (${m.text})` : ''}`;
}
