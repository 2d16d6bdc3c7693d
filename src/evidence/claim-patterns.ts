// Words that make a claim about an effect, for the words-vs-numbers check
// (claims.ts). Categories follow the spin taxonomy of Boutron et al. (JAMA
// 2010;303:2058-64): a non-significant result read as a difference, a
// non-significant result read as equivalence, and a focus on significant
// secondary results; plus a claim of adequate power set against the effect
// the data could detect.

export const SPIN_CATEGORIES = {
  'direction-without-evidence': 'A difference claimed where the CI includes no effect (Boutron 2010: non-significant result interpreted as a treatment effect)',
  'equivalence-without-margin': 'Equivalence claimed without an equivalence margin (Boutron 2010: non-significant result interpreted as showing equivalence)',
  'secondary-without-multiplicity': 'A significant secondary result presented without a multiplicity caveat (Boutron 2010: focus on significant secondary outcomes)',
  'power-overstated': 'Adequate size or power claimed for a trial that could detect only a large effect',
} as const;
export type SpinCategory = keyof typeof SPIN_CATEGORIES;
export function isSpinCategory(v: unknown): v is SpinCategory {
  return typeof v === 'string' && Object.hasOwn(SPIN_CATEGORIES, v);
}

/**
 * A difference in one direction (or just "a difference"). The bare nouns
 * "benefit"/"harm" are left out: in summaries they mostly describe subgroups
 * ("the benefit was largest in…"), and "differed by" is an interaction claim.
 */
export const DIRECTION =
  /\b(?:increas(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|reduc(?:e|ed|es|ing|tion)|improv(?:e|ed|es|ing|ement)|higher|lower(?:ed)?|fewer|more(?:\s+(?:often|frequent|frequently|common))?|less(?:\s+(?:often|frequent|frequently|common))?|shorten(?:ed|s)?|prolong(?:ed|s)?|better|worse|superior|inferior|benefited|harmed|differed(?!\s+(?:by|across|according|between\s+subgroups))|elevated|raised)\b/gi;

/** Sameness: "identical", "no difference", "similar between groups", "demonstrates no benefit". */
export const EQUIVALENCE =
  /\b(?:identical|equivalen(?:t|ce)|no\s+difference|did\s+not\s+differ|(?:was|were|is|are|remained|appeared)\s+(?:\w+\s+)?(?:similar|comparable|the\s+same)|similar\s+(?:between|across|in\s+both)|(?:demonstrat|show|prov|confirm|establish)\w*\s+no\s+(?:benefit|effect|difference))\b/gi;

export const POWER_CLAIM = /\b(?:adequately|sufficiently|appropriately|well)[\s-]+(?:sized|powered)\b|\badequate(?:ly)?\s+(?:sample\s+size|power)\b/gi;

/** A negation a few words before a direction word turns it into a null statement ("did not improve"). */
export const NEGATION = /\b(?:no|not|did\s+not|does\s+not|didn[’']t|without|nor|neither|never|failed\s+to|absence\s+of|lack\s+of)\b/i;

/** Hedged wording is not a claim of a difference ("a signal", "a trend", "may"). */
export const HEDGE = /\b(?:signal|trend|suggest(?:s|ed|ive|ion)?|may|might|possibl[ey]|numerically|nominal(?:ly)?|hypothesis[- ]generating)\b/i;

/** A caveat about multiple comparisons that excuses a significant secondary result. */
export const MULTIPLICITY_CAVEAT =
  /\b(?:multiplicity|multiple\s+(?:comparisons|testing)|exploratory|hypothesis[- ]generating|not\s+adjusted|unadjusted|nominal(?:ly)?|interpret(?:ed)?\s+(?:with\s+)?caution|cautiously|should\s+be\s+confirmed)\b/i;

/** "the primary outcome/endpoint": names the primary without its words. */
export const PRIMARY_MENTION = /\bprimary\s+(?:composite\s+)?(?:outcome|end\s*-?\s*point|result|composite)s?\b/i;
