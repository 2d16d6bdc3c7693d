// The appraisal slides computed from the evidence engine: what the numbers
// mean at the bedside, how fragile the result is, what to believe under
// different priors, risk of bias, and questions for the room.
import { ciLabel, formatRatio } from '../evidence/format.js';
import { numberNeededToTreat } from '../evidence/nnt.js';
import { chooseQuantity } from '../evidence/quantity.js';
import type { AuditCheck, BayesResult, Evidence, OutcomeEvidence } from '../evidence/types.js';
import { ROB2_DOMAINS, type Rob2Domain, type Trial } from '../trial/schema.js';
import { discussionQuestions } from './discussion.js';
import { lines, paginate } from './paginate.js';

interface AuditRow {
  outcome: string;
  check: string;
  reported: string;
  recomputed: string;
  severity: string;
  message: string;
}

const CHECK_LABELS: Record<AuditCheck, string> = {
  percent: 'percentage vs counts',
  'risk-ratio': 'RR vs counts (Katz)',
  'odds-ratio': 'OR vs counts (Woolf)',
  'risk-difference': 'RD vs counts (Newcombe)',
  'ci-vs-p': 'P vs its CI',
};

/** One outcome on the "How fragile?" slide: an index, or why there is none. */
export interface FragilityView {
  outcome: string;
  role: string;
  /** "Fragility index", "Reverse fragility index" or "Fragility index not applicable". */
  label: string;
  /** "1", "13", "> 1000", or "—" when there is no index. */
  value: string;
  /** What was flipped, or why it does not apply. */
  text: string;
  /** How to read it, citing Walsh 2014 / Khan 2020. */
  meaning: string;
  applies: boolean;
}

/** "What should we believe?": one table, a row per prior. */
export interface BayesView {
  outcome: string;
  /** "sHR (subdistribution hazard ratio)". */
  measure: string;
  /** "Priors from the design effect sHR 1.75 (what the trial was powered for; not an MCID)" or the MCID's source. */
  basis: string;
  /** Table header after "Prior" and "Posterior": "P(sHR > 1)", "P(sHR > 1.1)", … */
  columns: string[];
  /** What each column means for this outcome, in column order: "P(sHR < 1): fewer successful VA-ECMO weanings". */
  legend: string[];
  rows: { prior: string; definition: string; posterior: string; cells: string[] }[];
  /** The normal approximation, said on the slide. */
  approximation: string;
  /** Priors left out and why. */
  omitted: string[];
}

/** "Words vs numbers": each flagged sentence beside the outcome and CI it is set against. */
export interface ClaimView {
  /** The sentence exactly as in the source. */
  sentence: string;
  /** Where it is: "Results summary, bullet 3" and the JSON path. */
  where: string;
  path: string;
  outcome: string;
  ci: string;
  /** Short category name: "Difference claimed, CI includes no effect". */
  category: string;
  message: string;
}

export interface EvidenceView {
  /** "The numbers that matter": reported values where the paper gives them, else recomputed and labelled. */
  numbers: { name: string; role: string; arms: string; rd: string; nnt: string }[];
  fragility: FragilityView[];
  bayes?: BayesView;
  /** Primary slide: the ratio's CI in absolute risks. */
  absolute?: { text: string; method: string };
  /** Design slide: what the trial was powered for beside what its data could detect. */
  power?: { assumed: string; detectable: string };
  /** "Words vs numbers" slide, shown when anything is flagged. */
  claims: { show: boolean; items: ClaimView[]; source: string };
  rob2: { domain: string; judgement: string; support: string; inferred: boolean }[];
  rob2Overall?: string;
  grade?: string;
  questions: string[];
  audit: { show: boolean; pages: AuditRow[][] };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const prob = (x: number | null): string => (x === null ? '—' : x < 0.001 ? '<0.1%' : x > 0.999 ? '>99.9%' : `${(x * 100).toFixed(1)}%`);

const PRIOR_LABELS: Record<string, string> = {
  flat: 'Flat (data only)',
  neutral: 'Neutral',
  sceptical: 'Sceptical',
  enthusiastic: 'Enthusiastic',
};

export function buildEvidenceView(trial: Trial, evidence: Evidence, options: { auditSlide?: boolean } = {}): EvidenceView {
  const { experimental, comparator } = evidence.arms;
  const key = evidence.outcomes.filter((o) => o.binary && (o.index === evidence.primaryIndex || o.role === 'safety'));
  const numbers = key.map((o) => numbersRow(trial, o, experimental.label, comparator.label));
  const primary = evidence.primaryIndex === null ? undefined : evidence.outcomes[evidence.primaryIndex];
  const bayesOutcome = primary?.bayes ? primary : evidence.outcomes.find((o) => o.bayes);
  const findings = evidence.audit.filter((a) => a.severity !== 'ok');
  const material = findings.some((a) => a.severity === 'material');
  return {
    numbers,
    fragility: evidence.fragilities.map(fragilityView),
    bayes: bayesOutcome?.bayes ? bayesView(bayesOutcome, bayesOutcome.bayes) : undefined,
    absolute: evidence.absolute ? { text: evidence.absolute.text, method: `${evidence.absolute.method}, p0 = the ${comparator.label.toLowerCase()} arm's cumulative risk` } : undefined,
    power: evidence.power ? { assumed: evidence.power.assumedText, detectable: evidence.power.detectableText } : undefined,
    claims: {
      show: evidence.claims.length > 0,
      items: evidence.claims.map((c) => ({
        sentence: c.sentence,
        where: fieldName(c.path),
        path: c.path,
        outcome: c.outcome ?? '',
        ci: c.ciText,
        category: CATEGORY_SHORT[c.category],
        message: c.message,
      })),
      source: 'Categories after Boutron et al., JAMA 2010 (spin in reports of trials with non-significant primary outcomes).',
    },
    rob2: (Object.keys(ROB2_DOMAINS) as Rob2Domain[]).map((d) => {
      const entry = trial.rob2?.[d];
      return {
        domain: ROB2_DOMAINS[d],
        judgement: entry?.judgement ?? 'not assessed',
        support: entry?.support ?? '',
        inferred: entry?.source === 'inferred' && entry.judgement !== 'not assessed',
      };
    }),
    rob2Overall: trial.rob2?.overall,
    grade: trial.grade ? `GRADE certainty for ${primary?.name ?? 'the primary outcome'}: ${trial.grade.certainty}${trial.grade.reasons ? ` (${trial.grade.reasons})` : ''}` : undefined,
    questions: discussionQuestions(trial, primaryOutcome(trial)),
    audit: {
      show: material || options.auditSlide === true || trial.evidence?.auditSlide === true,
      pages: paginate(
        findings.map((a) => ({
          outcome: a.outcomeName,
          check: CHECK_LABELS[a.check],
          reported: a.reportedText,
          recomputed: a.recomputedText,
          severity: a.severity,
          message: a.message,
        })),
        (r) => lines(`${r.outcome} · ${r.check}: reported ${r.reported}, recomputed ${r.recomputed}`, 112) + 0.4,
        17,
      ),
    },
  };
}

function numbersRow(trial: Trial, o: OutcomeEvidence, expLabel: string, compLabel: string): EvidenceView['numbers'][number] {
  const b = o.binary!;
  const risk = (r: typeof b.experimental): string => `${pct(r.risk)} (${pct(r.lower)}–${pct(r.upper)})`;
  const outcome = trial.results[o.index]!;
  // One number per quantity: the paper's RD when it reports one, else Newcombe's, labelled.
  const rd = chooseQuantity(outcome, o.index, b, 'RD')!;
  const nnt = o.benefit ? numberNeededToTreat(rd, o.benefit) : null;
  return {
    name: o.name,
    role: o.role,
    arms: `${expLabel} ${risk(b.experimental)} vs ${compLabel} ${risk(b.comparator)} (Wilson 95% CIs)`,
    rd: rd.text,
    nnt: nnt ? nnt.slideText : 'NNT needs the outcome’s benefit direction',
  };
}

function fragilityView(f: Evidence['fragilities'][number]): FragilityView {
  const r = f.result;
  if (!r) {
    return {
      outcome: f.outcome,
      role: f.role,
      label: f.applies ? 'Fragility index' : 'Fragility index not applicable',
      value: f.applies ? '0' : '—',
      text: f.reason ?? '',
      meaning: f.meaning,
      applies: f.applies,
    };
  }
  return { outcome: f.outcome, role: f.role, label: r.label, value: r.value === null ? `> ${r.cap}` : String(r.value), text: r.text, meaning: f.meaning, applies: true };
}

const CATEGORY_SHORT: Record<Evidence['claims'][number]['category'], string> = {
  'direction-without-evidence': 'Difference claimed, CI includes no effect',
  'equivalence-without-margin': 'Sameness claimed, no equivalence margin',
  'secondary-without-multiplicity': 'Significant secondary, no multiplicity caveat',
  'power-overstated': 'Adequate power claimed, only a large effect detectable',
};

const FIELD_NAMES: Record<string, string> = {
  resultsSummary: 'Results summary',
  summary: 'Summary',
  overallSummary: 'Overall summary',
  takeaway: 'Take-away',
  interpretation: 'Interpretation',
  internalValidity: 'Internal validity',
  externalValidity: 'External validity',
  strengths: 'Strengths',
  limitations: 'Limitations',
};

/** `interpretation[0].bullets[1]` → "Interpretation 1, bullet 2"; numbers count from 1 for people. */
function fieldName(path: string): string {
  const head = /^[A-Za-z]+/.exec(path)?.[0] ?? path;
  const nums = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
  const name = FIELD_NAMES[head] ?? head;
  if (head === 'interpretation' && nums.length === 2) return `${name} ${nums[0]}, bullet ${nums[1]}`;
  if (/\.items\[/.test(path)) return `${name}, item ${nums[0]}`;
  if (/\.conclusion$/.test(path)) return `${name}, conclusion`;
  return nums.length > 0 ? `${name}, bullet ${nums[0]}` : name;
}

function bayesView(o: OutcomeEvidence, bayes: BayesResult): BayesView {
  const m = bayes.measure;
  const design = bayes.designEffect;
  const mcid = bayes.mcid;
  const parts: string[] = [];
  if (design !== null) parts.push(`Priors from the design effect ${m} ${design.toFixed(2)} (what the trial was powered for; not an MCID)`);
  if (mcid !== null) parts.push(`MCID ${m} ${mcid.toFixed(2)} set by the presenter`);
  const note = (p: string): string => bayes.priors.find((x) => x.prior === p)?.text ?? '';
  return {
    outcome: o.name,
    measure: `${m} (${bayes.measureName})`,
    basis: parts.length > 0 ? `${parts.join('; ')}.` : 'No design effect or MCID: flat and neutral priors only.',
    columns: bayes.thresholds.map((t) => t.label),
    legend: bayes.thresholds.map((t) => `${t.label}: ${t.meaning}${t.id.startsWith('opposite') && bayes.benefit === 'higher' ? ' (the opposite direction, not a safety harm)' : ''}`),
    rows: bayes.posteriors.map((p) => ({
      prior: PRIOR_LABELS[p.prior] ?? p.prior,
      definition: note(p.prior),
      // Flat: the posterior is the reported result; quote it, not its symmetric log-scale approximation (1.39 vs 1.40).
      posterior:
        p.prior === 'flat' && bayes.reported.estimate !== null
          ? `${m} ${formatRatio(bayes.reported.estimate)} (${ciLabel(bayes.reported.level)} ${formatRatio(bayes.reported.lower)}–${formatRatio(bayes.reported.upper)}, as reported)`
          : `${m} ${formatRatio(p.median)} (95% CrI ${formatRatio(p.lower)}–${formatRatio(p.upper)})`,
      cells: p.probabilities.map(prob),
    })),
    approximation: bayes.approximation,
    omitted: bayes.omitted.map((x) => x.text),
  };
}


function primaryOutcome(trial: Trial): Trial['results'][number] | undefined {
  return trial.results.find((o) => o.role === 'primary') ?? trial.results[0];
}
