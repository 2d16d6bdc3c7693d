// Context & Rationale: sub-headed groups of bullets. The sub-headings are
// matched by meaning ("Background", "Research Question/Hypothesis", "Why This
// Matters"); an unknown one is kept under background rather than dropped.
import { classify, groupBySubheadings, splitLabel } from './bullets.js';
import type { Citations } from './citations.js';
import { IMPORT_WARNINGS, MESSAGES } from './messages.js';
import type { ImportReport } from './report.js';
import type { Section } from './sections.js';
import type { BulletInput } from './types.js';

export interface ContextInput {
  background: BulletInput[];
  question?: string;
  hypothesis?: string;
  whyItMatters: BulletInput[];
}

type Slot = 'background' | 'question' | 'whyItMatters';

function slotFor(heading: string | undefined): Slot | undefined {
  if (heading === undefined) return 'background';
  const h = heading.toLowerCase();
  if (/question|hypothes|objective|aim/.test(h)) return 'question';
  if (/why|matter|importance|significance|relevance/.test(h)) return 'whyItMatters';
  if (/background|rationale|context/.test(h)) return 'background';
  return undefined;
}

export function parseContext(section: Section | undefined, cite: Citations, report: ImportReport): ContextInput {
  const ctx: ContextInput = { background: [], whyItMatters: [] };
  if (!section) return ctx;
  const questions: string[] = [];
  const hypotheses: string[] = [];
  for (const group of groupBySubheadings(classify(section.lines))) {
    let slot = slotFor(group.heading);
    if (!slot) {
      report.warn(IMPORT_WARNINGS.UNKNOWN_FIELD, MESSAGES.unknownSubheading(group.heading ?? '', 'background'), { line: group.line });
      slot = 'background';
    }
    for (const b of group.bullets) {
      if (slot === 'question') {
        const kv = splitLabel(b.text);
        const isHypothesis = kv !== undefined && /^hypothes[ie]s$/i.test(kv.label);
        const text = cite.plain(isHypothesis ? kv.rest : b.text, {
          line: b.line,
          path: isHypothesis ? 'context.hypothesis' : 'context.question',
        });
        (isHypothesis ? hypotheses : questions).push(text);
      } else {
        const list = ctx[slot];
        list.push(cite.bullet(b.text, { line: b.line, path: `context.${slot}[${list.length}]` }));
      }
    }
  }
  if (questions.length > 0) ctx.question = questions.join(' ');
  if (hypotheses.length > 0) ctx.hypothesis = hypotheses.join(' ');
  return ctx;
}
