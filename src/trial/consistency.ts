// Checks zod cannot express: numbers that contradict each other.
// Choice (documented in the README): what can only be a typo is an error
// (events > total, a CI that excludes its own estimate, results for an arm
// that does not exist); what papers legitimately do is a warning (a
// percentage of a different denominator, an arm missing from one row).
import type { Diagnostic } from '../errors.js';
import { checkDesign } from './consistency-design.js';
import type { Quantity, Trial } from './schema.js';

type Found = Omit<Diagnostic, 'file'>;

/** Largest plausible ratio (and 1/it the smallest): sparse-data ORs reach a few thousand, not millions. */
const MAX_RATIO = 1e6;

export function checkConsistency(trial: Trial): Found[] {
  const out: Found[] = [];
  const armIds = trial.arms.map((a) => a.id);
  const seen = new Set<string>();
  trial.arms.forEach((arm, i) => {
    if (seen.has(arm.id)) out.push(err('DUPLICATE_ARM', `arms[${i}].id`, `arm id "${arm.id}" is used twice`));
    seen.add(arm.id);
    if (arm.randomised !== undefined && arm.analysed !== undefined && arm.analysed > arm.randomised) {
      out.push(warn('ANALYSED_GT_RANDOMISED', `arms[${i}].analysed`, `${arm.analysed} analysed is more than ${arm.randomised} randomised`));
    }
  });

  trial.results.forEach((outcome, i) => {
    const base = `results[${i}]`;
    for (const key of Object.keys(outcome.arms)) {
      if (!armIds.includes(key)) out.push(err('UNKNOWN_ARM', `${base}.arms.${key}`, `unknown arm "${key}"; expected one of ${armIds.join(', ')}`));
    }
    for (const id of armIds) {
      const q = outcome.arms[id];
      if (!q) out.push(warn('MISSING_ARM', `${base}.arms`, `no value for arm "${id}"`));
      else checkQuantity(q, `${base}.arms.${id}`, out);
    }
    [outcome.effect, ...outcome.otherEffects].forEach((effect, j) => {
      if (!effect?.ci) return;
      const where = j === 0 ? `${base}.effect` : `${base}.otherEffects[${j - 1}]`;
      const { lower, upper } = effect.ci;
      if (lower > upper) out.push(err('CI_ORDER', `${where}.ci`, `CI lower bound ${lower} is above its upper bound ${upper}`));
      else if (effect.estimate !== undefined && (effect.estimate < lower || effect.estimate > upper)) {
        out.push(err('CI_EXCLUDES_ESTIMATE', `${where}.ci`, `the CI ${lower} to ${upper} does not contain the estimate ${effect.estimate}`));
      }
      if (['RR', 'OR', 'HR', 'sHR'].includes(effect.measure) && (lower <= 0 || (effect.estimate ?? 1) <= 0)) {
        out.push(err('RATIO_NOT_POSITIVE', where, `a ${effect.measure} and its CI must be above 0`));
      } else if (['RR', 'OR', 'HR', 'sHR'].includes(effect.measure) && [lower, upper, effect.estimate ?? 1].some((x) => x < 1 / MAX_RATIO || x > MAX_RATIO)) {
        // 1e-300 or 1e308 can only be a typo, and a log axis (forest plot) cannot span it.
        out.push(err('RATIO_OUT_OF_RANGE', where, `a ${effect.measure} and its CI must lie between 1/${MAX_RATIO} and ${MAX_RATIO}`));
      }
    });
  });

  const refCount = new Set(trial.bibliography.map((b) => b.n));
  const cite = (refs: number[] | undefined, path: string): void => {
    for (const r of refs ?? []) if (!refCount.has(r)) out.push(warn('UNKNOWN_REFERENCE', path, `cites reference ${r}, which is not in the bibliography`));
  };
  trial.context.background.forEach((b, i) => cite(b.refs, `context.background[${i}]`));
  trial.controversies.forEach((b, i) => cite(b.refs, `controversies[${i}]`));
  out.push(...checkDesign(trial));
  return out;
}

function checkQuantity(q: Quantity, path: string, out: Found[]): void {
  if (q.kind !== 'events') return;
  if (q.events > q.total) out.push(err('EVENTS_GT_TOTAL', `${path}.events`, `${q.events} events is more than the total of ${q.total}`));
  else if (q.percent !== undefined) {
    const exact = (100 * q.events) / q.total;
    // Allow for the printed rounding: half a unit of the last printed decimal, plus float slack.
    const decimals = q.text?.match(/(\d+)(?:\.(\d+))?\s*%/)?.[2]?.length ?? 1;
    const slack = 0.5 * 10 ** -decimals + 1e-9;
    if (Math.abs(exact - q.percent) > slack) {
      out.push(warn('PERCENT_MISMATCH', `${path}.percent`, `${q.percent}% does not match ${q.events}/${q.total} = ${exact.toFixed(2)}%`));
    }
  }
}

function err(code: string, path: string, message: string): Found {
  return { level: 'error', code, path, message };
}
function warn(code: string, path: string, message: string): Found {
  return { level: 'warning', code, path, message };
}
