// What the two context slides say, as plain formatted strings (never cut):
//
//   "Where this trial sits"        the context forest chart, what was pooled
//                                  and why the others were left out
//   "What changed with this trial" the pooled estimate without and with this
//                                  trial (one line each), k, τ², I², Q and the
//                                  prediction interval
//
// Both carry the same caveat. The coordinator's slide list turns this into
// slides (bullets = Item, stats = stats block, caveat = muted paragraph).
import type { ContextAnalysis, ContextEvidence, ContextStudy, PooledEstimate } from '../evidence/context-types.js';
import { ciLabel, fixed, formatP, formatRatio } from '../evidence/format.js';
import { withoutRoleRemark } from '../charts/chart-data.js';
import { CONTEXT_CAVEAT, CONTEXT_CAVEAT_NOTE, leftOutLine, methodLabel } from '../evidence/context-words.js';
import type { Evidence } from '../evidence/types.js';
import type { Trial } from '../trial/schema.js';

export { CONTEXT_CAVEAT, CONTEXT_CAVEAT_NOTE } from '../evidence/context-words.js';

/** Shaped like the slide list's `Item` (lead · text), plus the bibliography numbers it cites. */
export interface ContextItem {
  lead?: string;
  text: string;
  refs?: number[];
}

export interface ContextStat {
  label: string;
  big: string;
  small?: string;
}

export interface ContextView {
  sits: {
    title: 'Where this trial sits';
    /** Chart id to show full-width, or null when nothing could be pooled. */
    chart: 'context-forest' | null;
    /** The outcome and measure pooled, e.g. "Cardiovascular death (HR)". */
    subtitle: string;
    /** One short line: who was pooled (the chart's rows say it too; the notes carry it). */
    pooled: string;
    /** One short line: who was left out and why, in a few words; null when nobody was. The chart prints it under the plot. */
    leftOutLine: string | null;
    /** Each pooled study, by year: design, size, population, its estimate (notes or a backup slide). */
    trials: ContextItem[];
    /** Each study left out, with the full reason (notes or a backup slide). */
    leftOut: ContextItem[];
    /** Further outcomes pooled (shown in `check --json`), one line each. */
    alsoPooled: string[];
    /** The short caveat (the chart prints it under the plot); the notes carry the longer one. */
    caveat: string;
    notes: string[];
  };
  /** Null when nothing could be pooled. */
  changed: {
    title: 'What changed with this trial';
    subtitle: string;
    /** "Without DAPA-HF: EMPEROR-Reduced alone, HR 0.75 (95% CI 0.65 to 0.86)". */
    without: string;
    /** "With DAPA-HF (2 studies): HR 0.75 (95% CI 0.68 to 0.83)". */
    with: string;
    /** k, τ², I², prediction interval: for a stats block. */
    stats: ContextStat[];
    /** The same in one line, with Q and its P. */
    heterogeneity: string;
    /** What the prediction interval means, or why there is none. */
    prediction: string;
    caveat: string;
    notes: string[];
  } | null;
}

const interval = (lo: number, hi: number, level: number): string => `${ciLabel(level)} ${formatRatio(lo)} to ${formatRatio(hi)}`;
const estimate = (measure: string, est: number, lo: number, hi: number, level: number): string =>
  `${measure} ${formatRatio(est)} (${interval(lo, hi, level)})`;

function methodText(ctx: ContextEvidence): string {
  return `random effects (${methodLabel(ctx)})`;
}

function studyItem(s: ContextStudy, measure: string): ContextItem {
  // This trial's own design line is the long one from the Design slide; the room has just seen it.
  const parts = [s.kind === 'this-trial' ? null : s.design, s.n !== null ? `n = ${s.n}` : null, s.population, s.definition ? `outcome as defined there: ${s.definition}` : null];
  const est = estimate(measure, s.estimate, s.lower, s.upper, s.level) + (s.from === 'counts' ? ' from event counts' : s.from === 'midpoint' ? ' (CI midpoint)' : '');
  const text = [...parts.filter((p): p is string => !!p), est, `weight ${Math.round(s.weight)}%`].join('; ');
  return { lead: `${s.name} (${s.year})${s.kind === 'this-trial' ? ', this trial' : ''}`, text, ...(s.ref !== null ? { refs: [s.ref] } : {}) };
}

function pooledLine(p: PooledEstimate, measure: string): string {
  return estimate(measure, p.ratio, p.ratioLower, p.ratioUpper, p.level);
}

function withoutLine(a: ContextAnalysis, acronym: string): string {
  const others = a.studies.filter((s) => s.kind === 'context');
  if (!a.without) return `Without ${acronym}: no other trial`;
  if (a.without.k === 1 && others[0]) {
    const s = others[0];
    return `Without ${acronym}: ${s.name} alone, ${estimate(a.measure, s.estimate, s.lower, s.upper, s.level)}`;
  }
  return `Without ${acronym} (${a.without.k} studies): ${pooledLine(a.without, a.measure)}`;
}

function designsPhrase(studies: readonly ContextStudy[]): string {
  const designs = studies.filter((s) => s.kind === 'context').map((s) => `${s.name} ${s.year}${s.design ? ` (${s.design})` : ''}`);
  return designs.join(', ');
}

/** How the estimate and its CI moved when this trial was added, for the presenter to say. */
function shiftNote(a: ContextAnalysis, acronym: string): string[] {
  const before = a.without;
  if (!before) return [];
  const after = a.with;
  const width = (p: PooledEstimate): number => Math.log(p.ratioUpper) - Math.log(p.ratioLower);
  const ci = (p: PooledEstimate): string => `${formatRatio(p.ratioLower)}\u2013${formatRatio(p.ratioUpper)}`;
  const change = width(after) < width(before) ? 'narrowed' : 'widened';
  const moved = formatRatio(before.ratio) === formatRatio(after.ratio) ? `left the pooled ${a.measure} at ${formatRatio(after.ratio)}` : `moved the pooled ${a.measure} from ${formatRatio(before.ratio)} to ${formatRatio(after.ratio)}`;
  return [`Adding ${acronym} ${moved} and ${change} its CI from ${ci(before)} to ${ci(after)}.`];
}

/** "Lead: text [2]" for speaker notes. */
function itemLine(i: ContextItem): string {
  return `${i.lead ? `${i.lead}: ` : ''}${i.text}${i.refs?.length ? ` [${i.refs.join(', ')}]` : ''}`;
}

const tau2Text = (t: number): string => (t === 0 ? '0' : t < 0.0001 ? '<0.0001' : t < 0.01 ? t.toFixed(4) : t.toFixed(2));
const i2Text = (i: number): string => `${fixed(i, 0)}%`;

export function buildContextView(trial: Trial, evidence: Evidence): ContextView | undefined {
  const ctx = evidence.context;
  if (!ctx) return undefined;
  const acronym = trial.publication.acronym;
  const a = ctx.headline === null ? undefined : ctx.analyses[ctx.headline];
  const leftOut: ContextItem[] = ctx.excluded.map((e) => ({
    lead: `${e.name}${e.year !== null ? ` (${e.year})` : ''}`,
    text: [e.design, e.n !== null ? `n = ${e.n}` : null, `${e.outcome}${e.measure ? `, ${e.measure}` : ''}: ${e.text}`].filter((x): x is string => !!x).join('; '),
    ...(e.ref !== null ? { refs: [e.ref] } : {}),
  }));
  // The other outcomes (or measures) that could be pooled: the slide shows one, the notes and check --json the rest.
  const alsoPooled = ctx.analyses
    .filter((x) => x !== a)
    .map((x) => `${withoutRoleRemark(x.outcome)} (${x.measure}, ${x.with.k} studies): ${pooledLine(x.with, x.measure)}`);

  if (!a) {
    return {
      sits: {
        title: 'Where this trial sits', chart: null, subtitle: 'Nothing pooled',
        pooled: `Nothing pooled: ${ctx.excluded.length === 1 ? 'the related study does not give' : `none of the ${ctx.excluded.length} related studies gives`} the same measure of the same outcome as ${acronym}.`,
        leftOutLine: leftOutLine(ctx.excluded), trials: [], leftOut, alsoPooled, caveat: CONTEXT_CAVEAT,
        notes: [
          'Only the same ratio measure of the same outcome is pooled: a hazard ratio and a subdistribution hazard ratio, or an odds ratio and a risk ratio, estimate different things.',
          ...leftOut.map(itemLine),
        ],
      },
      changed: null,
    };
  }

  const outcome = withoutRoleRemark(a.outcome);
  const subtitle = `${outcome} (${a.measure})`;
  const others = a.studies.filter((s) => s.kind === 'context');
  // The method is on the chart's source line and in the notes; this line says who.
  const pooled = `Pooled: ${acronym} with ${designsPhrase(a.studies)}`;
  const trials = a.studies.map((s) => studyItem(s, a.measure));
  const w = a.with;
  const method = [
    `Method: ${methodText(ctx)} on log ${a.measure}s; each standard error from its CI as (ln upper − ln lower) / (2 × z for the CI's level); counts give a Katz RR or Woolf OR (0.5 added when a cell is 0).`,
    `Prediction interval after Higgins, Thompson and Spiegelhalter (2009): t with k − 2 degrees of freedom; it needs at least 3 studies.`,
  ];
  const sitsNotes = [CONTEXT_CAVEAT_NOTE, `${pooled}.`, ...trials.map(itemLine), ...leftOut.map((l) => `Left out: ${itemLine(l)}`), ...alsoPooled.map((l) => `Also pooled: ${l}`), ...method];
  const prediction = w.ratioPrediction
    ? `${ciLabel(w.level).replace('CI', 'prediction interval')} ${formatRatio(w.ratioPrediction.lower)} to ${formatRatio(w.ratioPrediction.upper)}: where the true effect in a new, similar setting would probably lie`
    : `No prediction interval: it needs 3 or more studies (here ${w.k})`;

  return {
    sits: { title: 'Where this trial sits', chart: 'context-forest', subtitle, pooled, leftOutLine: leftOutLine(ctx.excluded), trials, leftOut, alsoPooled, caveat: CONTEXT_CAVEAT, notes: sitsNotes },
    changed: {
      title: 'What changed with this trial',
      subtitle,
      without: withoutLine(a, acronym),
      with: `With ${acronym} (${w.k} studies): ${pooledLine(w, a.measure)}`,
      stats: [
        { label: 'Studies', big: String(w.k), small: `${acronym} and ${others.length} other${others.length === 1 ? '' : 's'}` },
        { label: 'τ²', big: tau2Text(w.tau2), small: `between-trial variance (${ctx.method})` },
        { label: 'I²', big: i2Text(w.i2), small: 'of the variation is between studies' },
        { label: 'Prediction interval', big: w.ratioPrediction ? `${formatRatio(w.ratioPrediction.lower)} to ${formatRatio(w.ratioPrediction.upper)}` : 'none', small: w.ratioPrediction ? ciLabel(w.level).replace('CI', 'interval') : 'needs 3 or more studies' },
      ],
      heterogeneity: `k = ${w.k}; τ² = ${tau2Text(w.tau2)}; I² = ${i2Text(w.i2)}; Q = ${fixed(w.q, 2)} on ${w.qDf} df (${formatP(w.qP)})`,
      prediction,
      caveat: CONTEXT_CAVEAT,
      notes: [CONTEXT_CAVEAT_NOTE, ...shiftNote(a, acronym), ...method],
    },
  };
}
