// The appraisal slides computed from the evidence engine: what the numbers
// mean at the bedside, how fragile the result is, what to believe under
// different priors, risk of bias, and questions for the room.
import type { AuditCheck, Evidence, OutcomeEvidence } from '../evidence/types.js';
import { ROB2_DOMAINS, type Rob2Domain, type Trial } from '../trial/schema.js';
import { brief, lines, paginate } from './paginate.js';

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

export interface EvidenceView {
  numbers: { name: string; role: string; arms: string; rd: string; nnt: string }[];
  fragility?: { label: string; value: string; text: string; meaning: string; outcome: string };
  bayes?: { outcome: string; measure: string; mcid: string; rows: { prior: string; benefit: string; beyond: string; harm: string }[] };
  rob2: { domain: string; judgement: string; support: string; inferred: boolean }[];
  rob2Overall?: string;
  grade?: string;
  questions: string[];
  audit: { show: boolean; pages: AuditRow[][] };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const prob = (x: number | null): string => (x === null ? '—' : x < 0.001 ? '<0.1%' : x > 0.999 ? '>99.9%' : `${(x * 100).toFixed(1)}%`);
const signed = (x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)}`;

const PRIOR_LABELS: Record<string, string> = {
  flat: 'Flat (data only)',
  neutral: 'Neutral',
  sceptical: 'Sceptical',
  enthusiastic: 'Enthusiastic',
};

export function buildEvidenceView(trial: Trial, evidence: Evidence, options: { auditSlide?: boolean } = {}): EvidenceView {
  const { experimental, comparator } = evidence.arms;
  const key = evidence.outcomes.filter((o) => o.binary && (o.index === evidence.primaryIndex || o.role === 'safety'));
  const numbers = key.map((o) => numbersRow(o, experimental.label, comparator.label));
  const primary = evidence.primaryIndex === null ? undefined : evidence.outcomes[evidence.primaryIndex];
  const bayesOutcome = primary?.bayes ? primary : evidence.outcomes.find((o) => o.bayes);
  const f = evidence.fragility;
  const findings = evidence.audit.filter((a) => a.severity !== 'ok');
  const material = findings.some((a) => a.severity === 'material');
  return {
    numbers,
    fragility: f
      ? {
          label: f.label,
          value: f.value === null ? `> ${f.cap}` : String(f.value),
          text: f.text,
          meaning: fragilityMeaning(f.kind, f.value),
          outcome: evidence.outcomes[f.outcomeIndex]?.name ?? '',
        }
      : undefined,
    bayes: bayesOutcome?.bayes ? bayesView(bayesOutcome) : undefined,
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
    questions: discussionQuestions(trial),
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

function numbersRow(o: OutcomeEvidence, expLabel: string, compLabel: string): EvidenceView['numbers'][number] {
  const b = o.binary!;
  const risk = (r: typeof b.experimental): string => `${pct(r.risk)} (${pct(r.lower)}–${pct(r.upper)})`;
  const rd = b.riskDifference;
  return {
    name: o.name,
    role: o.role,
    arms: `${expLabel} ${risk(b.experimental)} vs ${compLabel} ${risk(b.comparator)}`,
    rd: `RD ${signed(rd.estimate)} points (95% CI ${signed(rd.lower)} to ${signed(rd.upper)})`,
    nnt: b.nnt ? b.nnt.text : 'NNT needs the outcome’s benefit direction',
  };
}

function fragilityMeaning(kind: 'fragility' | 'reverse', value: number | null): string {
  if (kind === 'fragility') {
    return value !== null && value <= 3
      ? 'Very fragile: a handful of patients with a different outcome would make the result non-significant.'
      : 'The number of patients whose outcome would have to change to lose statistical significance; compare it with the number lost to follow-up.';
  }
  return 'The result is not significant. This is how many patients would need a different outcome to make it significant: a large number means the neutral result is robust.';
}

function bayesView(o: OutcomeEvidence): EvidenceView['bayes'] {
  const bayes = o.bayes!;
  const mcid = bayes.mcid === null ? 'no MCID set' : `MCID ${bayes.measure} ${bayes.mcid.toFixed(2)} (${bayes.mcidSource === 'design' ? 'the trial’s design effect' : 'set by the presenter'})`;
  return {
    outcome: o.name,
    measure: bayes.measure,
    mcid,
    rows: bayes.posteriors.map((p) => ({
      prior: PRIOR_LABELS[p.prior] ?? p.prior,
      benefit: prob(p.pBenefit),
      beyond: prob(p.pBenefitBeyondMcid),
      harm: prob(p.pHarm),
    })),
  };
}

/** 4–6 prompts for the room, drawn from limitations, validity and controversies. */
function discussionQuestions(trial: Trial): string[] {
  const q: string[] = [];
  const clip = (s: string): string => brief(s, 150).replace(/[.;]$/, '');
  for (const l of trial.limitations.slice(0, 2)) q.push(`“${clip(l.text)}”: how much does this limit what we can conclude?`);
  const concern = trial.internalValidity.items.find((i) => /imbalance|interrupt|dilute|unblind|crossover|missing|lost/i.test(i.text));
  if (concern) q.push(`${concern.aspect}: could this bias the primary result, and in which direction?`);
  const external = trial.externalValidity.items[0];
  if (external) q.push(`Would these results apply to our patients? (${external.aspect}: ${clip(external.text)})`);
  for (const c of trial.controversies.slice(0, 2)) q.push(`${clip(c.text)}: does this change how we read the trial?`);
  if (q.length < 4) q.push('Would this trial change what we do on Monday morning? Why, or why not?');
  if (q.length < 4) q.push('What would the next trial need to show to change practice?');
  return q.slice(0, 6);
}
