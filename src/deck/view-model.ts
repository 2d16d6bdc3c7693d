// The compose stage's input to the templates: everything a slide shows,
// already chosen, paginated and formatted, so templates only do layout.
// Strings here are still raw data: templates escape them with {{md}}.
import { isRatioMeasure, type Bullet, type Effect, type Outcome, type Trial } from '../trial/schema.js';
import { deriveEvidence } from '../evidence/derive.js';
import type { Evidence } from '../evidence/types.js';
import { buildEvidenceView, type EvidenceView } from './evidence-view.js';
import { formatCI, formatEffect, formatEstimate, formatP, formatQuantity, headline } from './format.js';
import { brief, lines, paginate } from './paginate.js';
import { occasionView, type Occasion, type OccasionView } from './occasion.js';

/** A chart as the deck embeds it (see src/charts). */
export interface DeckChart {
  id: string;
  title: string;
  alt: string;
  uri: string;
}

/** Layout budgets, in estimated lines at the default theme's sizes (1280×720 slides). */
export const BUDGET = {
  /** 24px bullets on a 1160px-wide body: about 95 characters a line, 16 lines of 32px under the title. */
  bulletChars: 95,
  bulletLines: 16,
  /** 21px bullets (outcomes, appraisal): about 108 characters, 18 lines. */
  smallChars: 108,
  smallLines: 18,
  briefChars: 190,
  tableRowsLines: 18,
  referenceChars: 115,
  referenceLines: 16,
} as const;

export interface Row {
  name: string;
  role: string;
  cells: string[];
  effect: string;
  primary: boolean;
}

export interface ViewModel {
  publication: Trial['publication'];
  footer: string;
  /** Presenter, department and date (footer, title-slide byline). */
  occasion: OccasionView;
  arms: { id: string; label: string; randomised?: number; analysed?: number }[];
  intervention: { label: string; name: string; details: string[] };
  comparator: { label: string; name: string; details: string[] };
  pico: { population: string; intervention: string; comparator: string; outcome: string; question?: string };
  backgroundPages: string[][];
  whyItMatters: string[];
  hypothesis?: string;
  design: { facts: { label: string; text: string }[]; notes: string[] };
  population: { inclusion: string[]; exclusionPages: string[][]; consent?: string };
  resultsIntro?: string;
  tablePages: Row[][];
  armLabels: string[];
  primary?: { name: string; arms: { label: string; big: string; small: string }[]; estimate: string; ci: string; p: string; also: string[]; notes?: string };
  keyOutcomes: { heading: string; items: { name: string; values: string; effect: string }[] }[];
  resultsSummary: string[];
  charts: DeckChart[];
  internalValidity: { pages: { aspect: string; text: string; full: string }[][]; conclusion?: string };
  externalValidity: { pages: { aspect: string; text: string; full: string }[][]; conclusion?: string };
  strengths: string[];
  limitations: string[];
  interpretation: { heading: string; bullets: string[] }[];
  controversyPages: { text: string; full: string }[][];
  summary: string[];
  takeaway?: string;
  overallSummary: string[];
  referencePages: { n: number; text: string }[][];
  evidence: EvidenceView;
  /** Charts of the evidence slides (the Bayesian posterior), kept apart from the results charts. */
  evidenceCharts: DeckChart[];
}

/** Chart ids shown on the evidence slides rather than with the results. */
const EVIDENCE_CHARTS: readonly string[] = ['bayes'];

const text = (b: Bullet): string => b.text;
const bulletWeight = (s: string): number => lines(s, BUDGET.bulletChars) + 0.35;

export function buildViewModel(trial: Trial, allCharts: DeckChart[], evidence: Evidence = deriveEvidence(trial), options: { auditSlide?: boolean; occasion?: Occasion } = {}): ViewModel {
  const charts = allCharts.filter((c) => !EVIDENCE_CHARTS.includes(c.id));
  const [a, b] = trial.arms as [Trial['arms'][number], Trial['arms'][number]];
  const primaryOutcome = trial.results.find((o) => o.role === 'primary') ?? trial.results[0];
  const d = trial.design;
  const p = trial.publication;
  const occasion = occasionView(p, options.occasion);
  return {
    publication: p,
    footer: occasion.footer,
    occasion,
    arms: trial.arms,
    intervention: { label: a.label, name: d.intervention.name, details: d.intervention.details.map(text) },
    comparator: { label: b.label, name: d.comparator.name, details: d.comparator.details.map(text) },
    pico: {
      population: brief(d.population.inclusion.map(text).join(' ') || d.setting || '', 170),
      intervention: picoArm(d.intervention.name, d.intervention.details.map(text)),
      comparator: picoArm(d.comparator.name, d.comparator.details.map(text)),
      outcome: primaryOutcome ? primaryOutcome.name : '',
      question: d.question ?? trial.context.question,
    },
    backgroundPages: paginate(trial.context.background.map(text), bulletWeight, BUDGET.bulletLines),
    whyItMatters: trial.context.whyItMatters.map(text),
    hypothesis: trial.context.hypothesis,
    design: designFacts(trial),
    population: {
      inclusion: d.population.inclusion.map(text),
      exclusionPages: paginate(d.population.exclusions.map(text), (s) => lines(s, 50) + 0.2, 17),
      consent: d.population.consent,
    },
    resultsIntro: trial.resultsIntro,
    tablePages: paginate(trial.results.map((o) => row(o, trial)), rowWeight, BUDGET.tableRowsLines),
    armLabels: trial.arms.map((arm) => arm.label),
    primary: primaryOutcome && primarySlide(primaryOutcome, trial),
    keyOutcomes: keyOutcomes(trial, primaryOutcome),
    resultsSummary: trial.resultsSummary.map(text),
    charts,
    internalValidity: validity(trial.internalValidity),
    externalValidity: validity(trial.externalValidity),
    strengths: trial.strengths.map(text),
    limitations: trial.limitations.map(text),
    interpretation: trial.interpretation.map((g) => ({ heading: g.heading, bullets: g.bullets.map(text) })),
    controversyPages: paginate(
      trial.controversies.map((c) => ({ text: brief(c.text, BUDGET.briefChars), full: c.text })),
      (c) => bulletWeight(c.text),
      BUDGET.bulletLines,
    ),
    summary: trial.summary.map(text),
    takeaway: trial.takeaway,
    overallSummary: trial.overallSummary.map(text),
    referencePages: paginate(trial.bibliography, (r) => lines(r.text, BUDGET.referenceChars) + 0.3, BUDGET.referenceLines),
    evidence: buildEvidenceView(trial, evidence, options),
    evidenceCharts: allCharts.filter((c) => EVIDENCE_CHARTS.includes(c.id)),
  };
}

/** "Levosimendan: continuous infusion…", without repeating the name when the detail starts with it. */
function picoArm(name: string, details: string[]): string {
  const first = details[0];
  if (!first) return name;
  return brief(first.toLowerCase().startsWith(name.toLowerCase()) ? first : `${name}: ${first}`, 150);
}

function designFacts(trial: Trial): ViewModel['design'] {
  const d = trial.design;
  const s = d.statistics;
  const facts: { label: string; text: string }[] = [];
  const add = (label: string, value: string | undefined, max = 150): void => {
    if (value) facts.push({ label, text: brief(value, max) });
  };
  add('Study type', d.studyType);
  add('Setting', d.setting);
  add('Randomisation', d.randomisation);
  add('Blinding', d.blinding);
  const sample = [
    s.plannedSampleSize !== undefined ? `${s.plannedSampleSize} planned` : '',
    trial.enrolment.enrolled !== undefined ? `${trial.enrolment.enrolled} enrolled` : '',
    s.targetEffect ? `powered for ${s.targetEffect.measure} ${s.targetEffect.value}` : '',
    s.power !== undefined ? `${Math.round(s.power * 100)}% power` : '',
    s.alpha !== undefined ? `α = ${s.alpha}` : '',
  ].filter(Boolean);
  if (sample.length > 0) facts.push({ label: 'Sample size', text: sample.join(', ') });
  add('Analysis', s.analysis ?? s.text, 130);
  add('Follow-up', d.followUp, 130);
  const notes = [d.studyType, d.setting, d.randomisation, d.blinding, s.text, d.followUp].filter((x): x is string => !!x);
  return { facts, notes };
}

function row(o: Outcome, trial: Trial): Row {
  const cells = trial.arms.map((arm) => {
    const q = o.arms[arm.id];
    return q ? formatQuantity(q) : '—';
  });
  const e = o.effect;
  return { name: o.name, role: o.role, cells, effect: e ? effectCell(e) : '—', primary: o.role === 'primary' };
}

/** The paper's own wording when we have it (e.g. `1.90`, not `1.9`), else formatted. */
function effectCell(e: Effect): string {
  if (!e.reported) return e.text ?? 'Not reported';
  if (e.text || e.ciText) return [e.text, e.ciText].filter(Boolean).join('; ');
  return [formatEstimate(e), formatCI(e), formatP(e)].filter(Boolean).join('; ');
}

function rowWeight(r: Row): number {
  // Column widths in characters at the table font size: name, each arm, effect.
  const armChars = Math.max(10, Math.floor(44 / r.cells.length));
  return Math.max(lines(r.name, 38), ...r.cells.map((c) => lines(c, armChars)), lines(r.effect, 36)) + 0.5;
}

function primarySlide(o: Outcome, trial: Trial): ViewModel['primary'] {
  const arms = trial.arms.map((arm) => {
    const q = o.arms[arm.id];
    return { label: arm.label, ...(q ? headline(q) : { big: '—', small: '' }) };
  });
  const e = o.effect;
  return {
    name: o.name,
    arms,
    estimate: e ? formatEstimate(e) : '',
    ci: e ? formatCI(e) : '',
    p: e ? formatP(e) : '',
    // Differences only: ratios in the notes are usually subgroups, which would mislead here.
    also: o.otherEffects.filter((x) => !isRatioMeasure(x.measure) && x.measure !== e?.measure).map(formatEffect),
    notes: [o.notes, e ? formatEffect(e) : undefined, ...o.otherEffects.map(formatEffect)].filter(Boolean).join(' · ') || undefined,
  };
}

function keyOutcomes(trial: Trial, primary: Outcome | undefined): ViewModel['keyOutcomes'] {
  const groups: { heading: string; roles: string[] }[] = [
    { heading: 'Secondary outcomes', roles: ['secondary', 'competing', 'other'] },
    { heading: 'Safety outcomes', roles: ['safety'] },
  ];
  return groups
    .map((g) => ({
      heading: g.heading,
      items: trial.results
        .filter((o) => o !== primary && g.roles.includes(o.role))
        .map((o) => ({
          name: o.name,
          values: trial.arms.map((arm) => {
            const q = o.arms[arm.id];
            return `${arm.label} ${q ? headline(q).big : '—'}`;
          }).join(' vs '),
          effect: o.effect && o.effect.reported ? effectCell(o.effect) : '',
        })),
    }))
    .filter((g) => g.items.length > 0)
    .flatMap((g) => paginate(g.items, (i) => lines(`${i.name} · ${i.values} · ${i.effect}`, BUDGET.smallChars) + 0.4, BUDGET.smallLines).map((items) => ({ heading: g.heading, items })));
}

function validity(v: Trial['internalValidity']): ViewModel['internalValidity'] {
  const items = v.items.map((i) => ({ aspect: i.aspect, text: brief(i.text, 150), full: i.text }));
  return {
    pages: paginate(items, (i) => lines(`${i.aspect} · ${i.text}`, BUDGET.smallChars) + 0.4, BUDGET.smallLines),
    conclusion: v.conclusion,
  };
}
