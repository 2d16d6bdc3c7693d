// Questions for the room, built from the trial's real tensions rather than
// from quotes: the power it assumed against what it found, a harm signal whose
// CI touches no effect, a subgroup estimate, a threat to blinding, events that
// compete with the primary outcome. Each is a full sentence with the numbers.
import { effectComparison } from '../trial/comparisons.js';
import { isRatioMeasure, type Effect, type Outcome, type Trial } from '../trial/schema.js';
import { formatCI, formatEstimate } from './format.js';
import { text } from './story-context.js';

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function effectWithCI(e: Effect): string {
  const ci = formatCI(e);
  return ci ? `${formatEstimate(e)} (${ci})` : formatEstimate(e);
}

/** A ratio or difference whose CI includes no effect but only just (the bound within 10% of it). */
function borderline(e: Effect | undefined): boolean {
  if (!e?.reported || !e.ci || e.estimate === undefined) return false;
  const none = isRatioMeasure(e.measure) ? 1 : 0;
  if (!(e.ci.lower <= none && e.ci.upper >= none)) return false;
  if (isRatioMeasure(e.measure)) return e.estimate > 1 ? e.ci.lower >= 0.9 : e.ci.upper <= 1.1;
  const width = e.ci.upper - e.ci.lower;
  return e.estimate > 0 ? e.ci.lower >= -0.1 * width : e.ci.upper <= 0.1 * width;
}

function powerQuestion(trial: Trial, primary: Outcome | undefined): string | undefined {
  const target = trial.design.statistics.targetEffect;
  const e = primary?.effect;
  if (!target || !e?.reported || e.estimate === undefined) return undefined;
  const assumed = target.text ? ` (${target.text})` : '';
  return `The trial was powered for ${target.measure} ${target.value}${assumed}, but found ${effectWithCI(e)} for ${lowerFirst(primary!.name)}. Was the assumed effect realistic, and which smaller but still important effects can the trial not rule out?`;
}

function harmQuestion(trial: Trial): string | undefined {
  const o = trial.results.find((r) => r.role === 'safety' && borderline(r.effect));
  if (!o?.effect) return undefined;
  // The two arms the effect compares (each dose vs placebo in a three-arm trial), never the first two listed.
  const pair = effectComparison(trial, o.effect);
  const a = trial.arms.find((x) => x.id === pair?.arm);
  const b = trial.arms.find((x) => x.id === pair?.vs);
  const qa = a ? o.arms[a.id] : undefined;
  const qb = b ? o.arms[b.id] : undefined;
  const rates = qa?.kind === 'events' && qb?.kind === 'events' && qa.percent !== undefined && qb.percent !== undefined
    ? ` occurred in ${qa.percent}% with ${a!.label} vs ${qb.percent}% with ${b!.label},`
    : '';
  return `${o.name}${rates} ${effectWithCI(o.effect)}: the interval only just includes no difference. Is this a harm signal we should act on, or noise?`;
}

function sentenceWith(trial: Trial, pattern: RegExp): string | undefined {
  const pool = [...trial.controversies.map(text), ...trial.internalValidity.items.map((i) => i.text), ...trial.limitations.map(text)];
  return pool.find((s) => pattern.test(s));
}

function subgroupQuestion(trial: Trial): string | undefined {
  const s = sentenceWith(trial, /subgroup/i);
  const estimate = s?.match(/\b(?:[a-z]+ )?(?:s?HR|RR|OR)\s+\d+(?:\.\d+)?(?:[;,]?\s*95% CI [−-]?\d+(?:\.\d+)? to [−-]?\d+(?:\.\d+)?)?/i)?.[0];
  if (!s) return undefined;
  return estimate
    ? `A subgroup estimate stands out (${estimate}). With a negative test for interaction and small strata, should it change anything for our patients, or only the next trial?`
    : 'The subgroup analyses differ in their point estimates. With small strata, are any of them more than hypothesis-generating?';
}

function blindingQuestion(trial: Trial): string | undefined {
  const s = sentenceWith(trial, /blind/i);
  if (!s || !/unblind|threat|challeng|compromis|broken|open-label|aware/i.test(s)) return undefined;
  return 'The summary names a possible threat to blinding. Which outcomes could knowledge of the allocation have moved, and which are objective enough to be safe?';
}

function competingQuestion(trial: Trial, primary: Outcome | undefined): string | undefined {
  const competing = trial.results.filter((r) => r.role === 'competing');
  if (!primary || competing.length === 0) return undefined;
  const names = competing.map((c) => lowerFirst(c.name)).join(' and ');
  const decision = trial.results.find((r) => /transplant|lvad|escalat/i.test(r.name));
  const extra = decision ? ` ${decision.name} is a clinical decision that counts against the primary outcome here.` : '';
  return `${primary.name} competes with ${names}.${extra} How much can decisions made at the bedside shape an endpoint like this one?`;
}

/** 4–6 questions; generic prompts fill up when the trial offers fewer tensions. */
export function discussionQuestions(trial: Trial, primary: Outcome | undefined): string[] {
  const q = [
    powerQuestion(trial, primary),
    harmQuestion(trial),
    subgroupQuestion(trial),
    blindingQuestion(trial),
    competingQuestion(trial, primary),
  ].filter((x): x is string => !!x);
  const external = trial.externalValidity.items[0];
  if (external) q.push(`${external.aspect}: would these results apply to the patients we treat?`);
  const fillers = [
    'Would this trial change what we do on Monday morning? Why, or why not?',
    'What would the next trial need to show to change practice?',
    'Which result would we most want to see replicated before acting on it?',
  ];
  for (const f of fillers) if (q.length < 4) q.push(f);
  return q.slice(0, 6);
}
