// Fragility index (Walsh et al., J Clin Epidemiol 2014) and reverse fragility
// index (Khan et al., JAMA Netw Open 2020), both on Fisher's exact test.
// - Significant result: in the arm with fewer events, turn non-events into
//   events one patient at a time until P ≥ alpha; the count is the index.
// - Non-significant result: the fewest single-arm flips (either arm, adding
//   or removing events) that make P < alpha. It is a separate, labelled
//   figure: a large reverse index does not make a null result "robust".
import { assertCounts } from './counts.js';
import { fisherExact } from './fisher.js';
import { formatP } from './format.js';
import type { ArmCounts, ArmRole, FragilityResult } from './types.js';

export interface FragilityOptions {
  alpha?: number;
  /** Most flips tried per direction; beyond it the index is reported as not reached. */
  cap?: number;
  /** Arm names for the sentence, e.g. { experimental: 'levosimendan', comparator: 'placebo' }. */
  labels?: { experimental: string; comparator: string };
}

/** Beyond a few hundred flips a trial is not fragile in any useful sense; the cap bounds the work. */
export const DEFAULT_FRAGILITY_CAP = 1000;

type Direction = 'add-events' | 'remove-events';
interface Walk {
  arm: ArmRole;
  direction: Direction;
}
interface Hit extends Walk {
  flips: number;
  p: number;
  counts: { experimental: ArmCounts; comparator: ArmCounts };
}

function shifted(c: ArmCounts, by: number): ArmCounts {
  return { events: c.events + by, total: c.total };
}

/** Walk one direction until `done(p)` or the arm (or the cap) runs out. */
function walk(exp: ArmCounts, comp: ArmCounts, w: Walk, cap: number, done: (p: number) => boolean): Hit | null {
  const step = w.direction === 'add-events' ? 1 : -1;
  const arm = w.arm === 'experimental' ? exp : comp;
  for (let k = 1; k <= cap; k++) {
    const events = arm.events + step * k;
    if (events < 0 || events > arm.total) return null;
    const counts = {
      experimental: w.arm === 'experimental' ? shifted(exp, step * k) : exp,
      comparator: w.arm === 'comparator' ? shifted(comp, step * k) : comp,
    };
    const p = fisherExact(counts.experimental, counts.comparator).p;
    if (done(p)) return { ...w, flips: k, p, counts };
  }
  return null;
}

function risk(c: ArmCounts): number {
  return c.events / c.total;
}

export function fragilityIndex(exp: ArmCounts, comp: ArmCounts, options: FragilityOptions = {}): FragilityResult {
  assertCounts(exp, 'experimental arm');
  assertCounts(comp, 'comparator arm');
  const alpha = options.alpha ?? 0.05;
  const cap = options.cap ?? DEFAULT_FRAGILITY_CAP;
  const labels = options.labels ?? { experimental: 'experimental', comparator: 'comparator' };
  const pInitial = fisherExact(exp, comp).p;
  const significant = pInitial < alpha;

  // Walsh's "arm with fewer events"; with unequal arm sizes the lower-risk arm,
  // so that added events always move the table towards the null.
  const expLower = risk(exp) < risk(comp) || (risk(exp) === risk(comp) && exp.events <= comp.events);
  const lowArm: ArmRole = expLower ? 'experimental' : 'comparator';
  const highArm: ArmRole = expLower ? 'comparator' : 'experimental';

  let hit: Hit | null;
  if (significant) {
    hit = walk(exp, comp, { arm: lowArm, direction: 'add-events' }, cap, (p) => p >= alpha);
  } else {
    // Widening the observed difference first, so ties favour the plainer story.
    const walks: Walk[] = [
      { arm: highArm, direction: 'add-events' },
      { arm: lowArm, direction: 'remove-events' },
      { arm: lowArm, direction: 'add-events' },
      { arm: highArm, direction: 'remove-events' },
    ];
    hit = null;
    for (const w of walks) {
      const h = walk(exp, comp, w, hit ? hit.flips - 1 : cap, (p) => p < alpha);
      if (h) hit = h;
    }
  }

  const kind = significant ? 'fragility' : 'reverse';
  const label = significant ? 'Fragility index' : 'Reverse fragility index';
  return {
    kind,
    label,
    value: hit?.flips ?? null,
    reached: hit !== null,
    arm: hit?.arm ?? null,
    direction: hit?.direction ?? null,
    alpha,
    pInitial,
    pFinal: hit?.p ?? null,
    finalCounts: hit?.counts ?? null,
    cap,
    text: describe(kind, label, hit, alpha, cap, labels),
  };
}

function describe(
  kind: 'fragility' | 'reverse',
  label: string,
  hit: Hit | null,
  alpha: number,
  cap: number,
  labels: { experimental: string; comparator: string },
): string {
  const target = kind === 'fragility' ? `P ≥ ${alpha}` : `P < ${alpha}`;
  if (!hit) return `${label} not reached: no change of up to ${cap} patients in one arm makes Fisher's ${target}.`;
  const patients = hit.flips === 1 ? '1 patient' : `${hit.flips} patients`;
  const change = hit.direction === 'add-events' ? 'from no event to an event' : 'from an event to no event';
  const verb = kind === 'fragility' ? 'makes' : 'would make';
  return `${label} ${hit.flips}: changing ${patients} in the ${labels[hit.arm]} arm ${change} ${verb} Fisher's ${target} (${formatP(hit.p)}).`;
}
