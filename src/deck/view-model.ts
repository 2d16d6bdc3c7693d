// The compose stage's one description of the deck: the story slides in
// journal-club order, then the backup slides, already fitted and paginated.
// Marp templates, the native PPTX writer, the handout and the studio all read
// it; none of them decides content. Strings are raw data: renderers escape them.
//
//   title → question (PICO) → background → design → population → baseline → intervention
//   → primary → key results (+ one chart) → validity & RoB 2 → numbers that
//   matter → how fragile → what to believe → words vs numbers → controversies
//   → where this trial sits → discussion → bottom line ║ Backup: all results,
//   baseline in full, every other chart, words vs numbers (cont.), what changed
//   with this trial, the context studies, strengths and limitations, validity
//   in detail, RoB 2 support, what the paper says, audit, references
import { deriveEvidence } from '../evidence/derive.js';
import type { Evidence } from '../evidence/types.js';
import type { Trial } from '../trial/schema.js';
import { buildEvidenceView, type EvidenceView } from './evidence-view.js';
import { formatCI, formatEstimate, formatP, headline } from './format.js';
import { occasionView, type Occasion, type OccasionView } from './occasion.js';
import { auditSlides, bayesSlides, claimSlides, numbersSlides, strengthsSlides, validityDetailSlides, validitySlides } from './slides-appraisal.js';
import { bottomLineSlides, controversyAndDiscussionSlides, referenceSlides, summarySlides } from './slides-closing.js';
import { baselineSlides, designSlides, interventionSlides, populationSlides } from './slides-methods.js';
import { backgroundSlides, questionSlides, titleSlide } from './slides-opening.js';
import { contextSlides } from './slides-context.js';
import { chartSlide, fullResultsSlides, keyResultSlides, primarySlides } from './slides-results.js';
import type { Slide } from './slides.js';
import { randomisedText, type DeckChart, type StoryContext } from './story-context.js';
import { memberOf } from '../member-of.js';

export type { DeckChart } from './story-context.js';

export const BACKUP_MODES = ['full', 'none'] as const;
export type BackupMode = (typeof BACKUP_MODES)[number];
export const isBackupMode: (v: unknown) => v is BackupMode = memberOf(BACKUP_MODES);

export interface ViewModelOptions {
  auditSlide?: boolean;
  occasion?: Occasion;
  /** `none` leaves the backup section out; the references then close the story. */
  backup?: BackupMode;
}

/** Page one of the handout: what the room needs on paper. */
export interface HandoutView {
  question?: string;
  pico: { letter: string; label: string; text: string }[];
  design: { label: string; text: string }[];
  primary?: { name: string; definition?: string; arms: { label: string; big: string; small: string }[]; effect: string };
  absolutes: { name: string; arms: string; difference: string; nnt: string }[];
  questions: string[];
  bottomLine: string[];
}

export interface ViewModel {
  publication: Trial['publication'];
  footer: string;
  occasion: OccasionView;
  arms: { id: string; label: string }[];
  slides: Slide[];
  charts: DeckChart[];
  evidence: EvidenceView;
  handout: HandoutView;
}

/** Charts the story shows; every other chart goes to the backup. */
const STORY_CHARTS: readonly string[] = ['forest', 'bayes', 'context-forest'];

export function buildViewModel(trial: Trial, charts: DeckChart[], evidence: Evidence = deriveEvidence(trial), options: ViewModelOptions = {}): ViewModel {
  const occasion = occasionView(trial.publication, options.occasion);
  const ctx: StoryContext = {
    trial,
    evidence,
    ev: buildEvidenceView(trial, evidence, options),
    charts,
    occasion,
    primary: trial.results.find((o) => o.role === 'primary') ?? trial.results[0],
  };
  const backup = options.backup !== 'none';
  const bayes = bayesSlides(ctx);
  const claims = claimSlides(ctx);
  const context = contextSlides(ctx);
  const story: Slide[] = [
    titleSlide(ctx),
    ...questionSlides(ctx),
    ...backgroundSlides(ctx),
    ...designSlides(ctx),
    ...populationSlides(ctx),
    ...baselineSlides(ctx, 'story'),
    ...interventionSlides(ctx),
    ...primarySlides(ctx),
    ...keyResultSlides(ctx),
    ...validitySlides(ctx),
    ...numbersSlides(ctx),
    ...bayes.slides,
    ...claims.story,
    ...controversyAndDiscussionSlides(ctx, context.story),
    ...bottomLineSlides(ctx),
  ];
  const slides = backup
    ? [
        ...story,
        { id: 'backup', section: 'backup', layout: 'divider', title: 'Backup slides', blocks: [], notes: ['Details for questions from the room: every result, every chart, the validity appraisal in full and the references.'], textStep: 0 } satisfies Slide,
        ...fullResultsSlides(ctx),
        ...baselineSlides(ctx, 'backup'),
        ...charts.filter((c) => !STORY_CHARTS.includes(c.id) || (c.id === 'bayes' && !bayes.chartInStory)).map((c) => chartSlide(c, 'backup')),
        ...claims.backup,
        ...context.backup,
        ...strengthsSlides(ctx, 'backup'),
        ...validityDetailSlides(ctx),
        ...summarySlides(ctx),
        ...auditSlides(ctx),
        ...referenceSlides(ctx, 'backup'),
      ]
    : [...story, ...referenceSlides(ctx, 'story')];
  return {
    publication: trial.publication,
    footer: occasion.footer,
    occasion,
    arms: trial.arms.map((a) => ({ id: a.id, label: a.label })),
    slides: uniqueTitles(slides),
    charts,
    evidence: ctx.ev,
    handout: handoutView(ctx, story),
  };
}

/**
 * Titles are unique (PPTX navigation and screen readers rely on it): a chart
 * whose title repeats a slide's (the Bayesian chart in the backup) says it is
 * the chart; anything else repeated is numbered.
 */
function uniqueTitles(slides: Slide[]): Slide[] {
  const seen = new Map<string, number>();
  return slides.map((s) => {
    let title = s.title;
    if (seen.has(title) && s.layout === 'chart') title = `${title} (chart)`;
    const n = (seen.get(title) ?? 0) + 1;
    seen.set(title, n);
    return n === 1 && title === s.title ? s : { ...s, title: n === 1 ? title : `${title} (${n})` };
  });
}

/** Page one of the handout, from the story's own slides and evidence view (nothing computed twice). */
function handoutView(ctx: StoryContext, story: readonly Slide[]): HandoutView {
  const { trial, primary, ev } = ctx;
  const d = trial.design;
  const question = story.find((s) => s.id === 'question')?.blocks[0];
  const pico = question?.type === 'bullets' ? question.items : [];
  const labels: Record<string, string> = { P: 'Population', I: 'Intervention', C: 'Comparator', O: 'Primary outcome' };
  const design = [
    { label: 'Randomised', text: randomisedText(trial) ?? '' },
    { label: 'Study type', text: d.studyType ?? '' },
    { label: 'Setting', text: d.setting ?? '' },
    { label: 'Blinding', text: d.blinding ?? '' },
    { label: 'Analysis', text: d.statistics.analysis ?? d.statistics.text ?? '' },
  ].filter((x) => x.text);
  const e = primary?.effect;
  return {
    question: d.question ?? trial.context.question,
    pico: pico.map((i) => ({ letter: i.lead ?? '', label: labels[i.lead ?? ''] ?? '', text: i.text })),
    design,
    primary: primary && {
      name: primary.name,
      definition: primary.definition,
      arms: trial.arms.map((arm) => {
        const q = primary.arms[arm.id];
        return { label: arm.label, ...(q ? headline(q) : { big: '—', small: '' }) };
      }),
      effect: e ? [formatEstimate(e), formatCI(e), formatP(e)].filter(Boolean).join(' · ') : '',
    },
    absolutes: ev.numbers.map((n) => ({ name: n.name, arms: n.arms, difference: n.rd, nnt: n.nnt })),
    questions: ev.questions,
    bottomLine: trial.takeaway ? [trial.takeaway] : trial.overallSummary.map((b) => b.text),
  };
}
