// RoB 2 from the summary's Internal Validity items. The summary format has
// no RoB 2 section, so we map each item to the domain it speaks to and guess
// a judgement only from unambiguous wording; the guess is marked `inferred`
// and the slide says so. Domains with no matching item stay "not assessed".
import { ROB2_DOMAINS, type Rob2Domain, type Rob2Judgement, type TrialInput } from '../trial/schema.js';

interface Item {
  aspect: string;
  text: string;
}

interface Rule {
  /** Which Internal Validity aspects speak to this domain. */
  aspect: RegExp;
  /** Wording that supports "low risk"… */
  low: RegExp;
  /** …and wording that raises concerns (it wins over `low`). */
  concern: RegExp;
}

const RULES: Record<Rob2Domain, Rule> = {
  randomisation: {
    aspect: /randomi[sz]|allocation|concealment|baseline/i,
    low: /concealment was appropriate|allocation concealment|concealed|central(ised|ized)? .*randomi[sz]/i,
    concern: /not concealed|inadequate|unclear|imbalance/i,
  },
  deviations: {
    aspect: /adherence|deviation|crossover|co-?intervention|protocol/i,
    low: /not a design feature|high adherence|similar adherence/i,
    concern: /more common|more frequent|dilute|crossover (was|were) (common|frequent)|open-label/i,
  },
  missingData: {
    aspect: /loss|lost|missing|exclusion|attrition|follow-up/i,
    low: /only \d+|minimal|very few|complete|small loss/i,
    concern: /substantial|large (loss|proportion)|differential/i,
  },
  measurement: {
    aspect: /blind|mask|ascertainment|assessment|adjudicat/i,
    low: /double-blind|masked|adjudicat|objective/i,
    concern: /open-label|unblind|subjective/i,
  },
  reporting: {
    aspect: /statistic|prespecified|pre-specified|registration|selective/i,
    low: /prespecified|pre-specified|registered/i,
    concern: /post hoc|not prespecified|selective/i,
  },
};

function judge(text: string, rule: Rule): Rob2Judgement {
  if (rule.concern.test(text)) return 'some concerns';
  if (rule.low.test(text)) return 'low';
  return 'not assessed';
}

export function inferRob2(items: readonly Item[]): NonNullable<TrialInput['rob2']> | undefined {
  const out: NonNullable<TrialInput['rob2']> = {};
  for (const domain of Object.keys(ROB2_DOMAINS) as Rob2Domain[]) {
    const rule = RULES[domain];
    const item = items.find((it) => rule.aspect.test(it.aspect));
    if (!item) continue;
    out[domain] = { judgement: judge(item.text, rule), support: `${item.aspect}: ${item.text}`, source: 'inferred' };
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
