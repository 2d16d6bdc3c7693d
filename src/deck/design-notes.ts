// What the design slide and the validity slide must say because of the
// trial's design: factorial (the interaction, each factor's comparison),
// cluster (clusters, ICC, design effect; recruitment bias), crossover
// (washout; carry-over), non-inferiority / equivalence (the margin, the
// analysis populations) and several arms (which pairs are compared). Plain
// labelled items, already formatted; the view model turns them into slides.
import { comparisonLabel, effectComparison, outcomeComparisons, outcomeHypothesis } from '../trial/comparisons.js';
import type { DesignType, Effect, Outcome, Trial } from '../trial/schema.js';
import { formatEffect } from './format.js';

export interface DesignNote {
  /** Bold lead-in: "Interaction", "ICC". */
  lead: string;
  text: string;
}

export interface DesignNotes {
  type: DesignType;
  /** Items for the design slide. */
  design: DesignNote[];
  /** Prompts for the internal-validity slide. */
  validity: DesignNote[];
}

const PROMPTS = {
  clusterRecruitment:
    'In cluster trials patients are often identified and recruited after their cluster’s allocation is known. Were recruiters blind to it, or were all eligible patients enrolled? Compare the arms’ baseline characteristics.',
  clusterAnalysis: 'Does the analysis account for clustering (mixed model, GEE or cluster-level summaries)? Ignoring it makes the confidence intervals too narrow.',
  clusterFew: 'Few clusters: chance imbalance between arms is likely, and the effective sample size is much smaller than the number of patients.',
  carryOver: 'Carry-over: could the first period’s treatment still act in the second? Check the washout and whether the paper tested for a treatment-by-period interaction.',
  crossoverSuited: 'A crossover design suits a stable, chronic condition and a treatment whose effect wears off; patients who drop out after one period are lost to the paired analysis.',
  interaction:
    'Each factor’s effect is estimated across the levels of the other, which assumes the factors do not interact. A factorial trial is rarely powered to detect an interaction.',
  nonInferiority:
    'Poor adherence, crossover between arms and loose conduct push results towards no difference, which favours a non-inferiority claim. Do the per-protocol and ITT results agree? Is the margin justified by the control’s proven effect?',
  equivalence: 'Equivalence needs both CI bounds inside the margins; check that the margins were set before the trial and are clinically justified.',
} as const;

export function designNotes(trial: Trial): DesignNotes {
  const type = trial.design.type ?? 'parallel';
  const design: DesignNote[] = [];
  const validity: DesignNote[] = [];
  const primary = trial.results.find((o) => o.role === 'primary') ?? trial.results[0];

  if (trial.arms.length > 2 && primary) {
    const pairs = outcomeComparisons(trial, primary).map((c) => comparisonLabel(trial, c));
    design.push({ lead: 'Comparisons', text: pairs.length > 0 ? pairs.join('; ') : 'The paper’s comparisons are not named in the data' });
  }
  if (type === 'factorial') factorial(trial, design, validity);
  if (type === 'cluster') cluster(trial, design, validity);
  if (type === 'crossover') crossover(trial, design, validity);
  if (primary) hypothesis(trial, primary, design, validity);
  return { type, design, validity };
}

function factorial(trial: Trial, design: DesignNote[], validity: DesignNote[]): void {
  const f = trial.design.factorial;
  const factors = f?.factors ?? [];
  if (factors.length > 0) {
    const shape = factors.map((x) => x.levels.length).join(' × ');
    design.push({ lead: 'Factorial design', text: `${shape}: ${factors.map((x) => `${x.name} (${x.levels.join(' or ')})`).join(', ')}` });
  } else {
    design.push({ lead: 'Factorial design', text: 'Factors not given in the data' });
  }
  for (const factor of factors) {
    const effects = allEffects(trial).filter((x) => x.effect.comparison?.factor === factor.name);
    const text = effects.map((x) => `${x.outcome.name}: ${comparisonLabel(trial, x.effect.comparison ?? { arm: '', vs: '' })}, ${effectText(x.effect)}`).join('; ');
    design.push({ lead: factor.name, text: text || 'No effect in the data names this factor (comparison.factor)' });
  }
  const i = f?.interaction;
  const reported = i && (i.estimate !== undefined || i.p !== undefined || i.text);
  design.push({ lead: 'Interaction', text: reported ? interactionText(i) : 'Not reported' });
  validity.push({ lead: 'Interaction', text: `${PROMPTS.interaction}${reported ? '' : ' This paper reports no test of interaction.'}` });
}

function interactionText(i: NonNullable<NonNullable<Trial['design']['factorial']>['interaction']>): string {
  const parts: string[] = [];
  if (i.estimate !== undefined) parts.push(`${i.label ?? 'Estimate'} ${i.estimate}${i.ci ? ` (${Math.round(i.ci.level * 100)}% CI ${i.ci.lower} to ${i.ci.upper})` : ''}`);
  if (i.p !== undefined) parts.push(`P for interaction = ${i.p}`);
  return parts.length > 0 ? parts.join('; ') : (i.text ?? '');
}

function cluster(trial: Trial, design: DesignNote[], validity: DesignNote[]): void {
  const c = trial.design.cluster ?? {};
  const unit = c.unit ?? 'clusters';
  design.push({ lead: 'Cluster randomisation', text: c.clusters !== undefined ? `${c.clusters} ${unit} randomised` : `Number of ${unit} not given` });
  design.push({ lead: 'ICC', text: c.icc !== undefined ? String(c.icc) : 'Not reported' });
  design.push({ lead: 'Design effect', text: c.designEffect !== undefined ? String(c.designEffect) : 'Not reported' });
  if (c.text) design.push({ lead: 'Clustering', text: c.text });
  validity.push({ lead: 'Recruitment bias', text: PROMPTS.clusterRecruitment }, { lead: 'Clustered analysis', text: PROMPTS.clusterAnalysis });
  if (c.clusters !== undefined && c.clusters < 20) validity.push({ lead: 'Few clusters', text: `${c.clusters} ${unit}. ${PROMPTS.clusterFew}` });
}

function crossover(trial: Trial, design: DesignNote[], validity: DesignNote[]): void {
  const c = trial.design.crossover ?? {};
  design.push({ lead: 'Crossover', text: `${c.periods ?? 2} periods; each patient receives every treatment in random order` });
  design.push({ lead: 'Washout', text: c.washout ?? 'Not reported' });
  validity.push({ lead: 'Carry-over', text: `${PROMPTS.carryOver} ${c.carryOver ? `The paper: ${c.carryOver}` : 'The paper reports no carry-over test.'}` });
  validity.push({ lead: 'Suitability', text: PROMPTS.crossoverSuited });
}

function hypothesis(trial: Trial, primary: Outcome, design: DesignNote[], validity: DesignNote[]): void {
  const h = outcomeHypothesis(trial, primary);
  if (h === 'superiority') return;
  const m = primary.margin;
  const measure = m?.measure ?? primary.effect?.measure;
  const margin = m ? `margin ${measure && measure !== 'other' ? `${measure} ` : ''}${m.value}${m.text ? ` (${m.text})` : ''}` : 'margin not given';
  design.push({ lead: h === 'non-inferiority' ? 'Non-inferiority' : 'Equivalence', text: `${primary.name}: ${margin}` });
  const populations = [...new Set(allEffects(trial).filter((x) => x.outcome === primary).map((x) => x.effect.population).filter((p) => p !== undefined))];
  if (populations.length > 0) design.push({ lead: 'Analysis populations', text: populations.join(', ') });
  validity.push({ lead: h === 'non-inferiority' ? 'Non-inferiority' : 'Equivalence', text: h === 'non-inferiority' ? PROMPTS.nonInferiority : PROMPTS.equivalence });
}

/** The paper's wording when there is one (slides quote the paper). */
function effectText(e: Effect): string {
  return e.text || e.ciText ? [e.text, e.ciText].filter(Boolean).join('; ') : formatEffect(e);
}

function allEffects(trial: Trial): { outcome: Outcome; effect: Effect }[] {
  return trial.results.flatMap((outcome) =>
    [outcome.effect, ...outcome.otherEffects].filter((e): e is Effect => !!e && e.reported).map((effect) => ({ outcome, effect: { ...effect, comparison: effect.comparison ?? effectComparison(trial, effect) ?? undefined } })),
  );
}
