// What an outcome is for, read from its name. Explicit words win: "(primary"
// makes it primary, "competing event" competing; harms are safety outcomes.
// The benefit direction says which way is good for the patient; when the
// words do not tell, the caller leaves it out and asks the user.
import type { BenefitDirection, OutcomeRole } from '../trial/schema.js';

const PRIMARY = /\b(?:co-?)?primary\b/i;
const COMPETING = /\bcompeting[- ](?:event|risk)s?\b/i;
// MACE/MAKE are efficacy composites despite the word "adverse".
const EFFICACY_COMPOSITE = /\bmajor adverse (?:cardiac|cardiovascular|kidney|renal|limb|cerebrovascular)(?: and \w+)? events?\b/gi;
const SAFETY =
  /\badverse\b|\barrhythmi|\bbleed|\bhaemorrhag|\bhemorrhag|\bhypotension|\bsafety\b|\bside[- ]effects?\b|\btoxicit|\bhypoglyc|\bhyperkal|\bketoacidosis|\bnausea|\bvomiting|\bdiarrh|\bconstipation|\bintolerance/i;

export function inferRole(name: string): OutcomeRole {
  if (PRIMARY.test(name)) return 'primary';
  if (COMPETING.test(name)) return 'competing';
  if (SAFETY.test(name.replace(EFFICACY_COMPOSITE, ''))) return 'safety';
  return 'secondary';
}

const HIGHER_DAYS = /[-–\s]free\s+days\b|\bdays\s+(?:alive|free|out of)\b|\balive\s+(?:and|without|free)\b|\bdays\s+without\b/i;
/** Time to a good event is better short, to a bad one better long: the name alone cannot say. */
const TIME_TO = /\btime[- ]to\b/i;
const LOWER =
  /\bdeath|\bdied\b|\bmortality|\bfail|\badverse|\barrhythmi|\btransplant|\bevents?\b|\bmace\b|\blength of stay|\bstay\b|\bdays (?:in|of)\b|\bduration\b|\bkidney replacement|\brenal[- ]replacement|\bdialysis|\bbleed|\bhaemorrhag|\bhemorrhag|\bhospitali[sz]|\breadmission|\bstroke|\binfarction|\bworsening|\bhypotension|\bhypoglyc|\bketoacidosis|\binfection|\bcomplication|\bdiscontinu|\bcessation|\bnausea|\bvomiting|\bdiarrh|\bconstipation|\bamputation|\brelapse|\brecurrence|\bdelirium|\bventilation\b|\bdisabilit|\bpain\b/i;
const HIGHER =
  /\bsuccess|\bsurviv|\balive\b|\bweaned\b|\brecover|\bremission|\bresponse\b|\bresponders?\b|\bresolution|\breversal|\bdischarged?\b|\bindependen|\bquality of life|\bimprovement|\b(?:loss|reduction|decrease)\s+(?:of\s+)?[≥>]|[≥>]\s*\d+(?:[.·]\d+)?\s*%\s*(?:(?:body[- ]?)?weight\s+)?(?:loss|reduction)/i;

/** 'higher' or 'lower' is better, or undefined when the name does not say. */
export function inferBenefit(name: string): BenefitDirection | undefined {
  if (HIGHER_DAYS.test(name)) return 'higher';
  if (TIME_TO.test(name)) return undefined;
  if (LOWER.test(name)) return 'lower';
  if (HIGHER.test(name)) return 'higher';
  return undefined;
}
