// protocolSection → arms, design, eligibility and the registry citation.
import { slugify } from '../../trial/trial-id.js';
import type { TrialInput } from '../../trial/schema.js';
import { parseEligibility } from './eligibility.js';
import { cleanTitle, type ArmRef } from './groups.js';
import type { Study } from './record.js';
import { enumText, toCount, unescapeText } from './values.js';

type ArmGroup = NonNullable<NonNullable<NonNullable<Study['protocolSection']>['armsInterventionsModule']>['armGroups']>[number];

const CONTROL_TYPES = new Set(['PLACEBO_COMPARATOR', 'ACTIVE_COMPARATOR', 'SHAM_COMPARATOR', 'NO_INTERVENTION']);
const CONTROL_WORDS = /\b(placebo|control|usual care|standard (of )?care|sham|vehicle)\b/i;

export function isControlArm(g: ArmGroup): boolean {
  return CONTROL_TYPES.has(g.type ?? '') || CONTROL_WORDS.test(g.label ?? '');
}

/**
 * Arms in our order: experimental arms first, then controls, because the model
 * compares the first arm with the second. Ids are slugs of the cleaned label.
 */
export function readArms(study: Study): { arms: ArmRef[]; groups: ArmGroup[] } {
  const groups = [...(study.protocolSection?.armsInterventionsModule?.armGroups ?? [])];
  const ordered = [...groups.filter((g) => !isControlArm(g)), ...groups.filter(isControlArm)];
  const used = new Set<string>();
  const arms = ordered.map((g, i) => {
    const cleaned = cleanTitle(g.label ?? `Arm ${i + 1}`);
    // "2. repaglinide" → "Repaglinide": a slide heading, not a variable name.
    const label = cleaned === cleaned.toLowerCase() ? cleaned.charAt(0).toUpperCase() + cleaned.slice(1) : cleaned;
    let id = slugify(label).replace(/^[^a-z]+/, '') || `arm-${i + 1}`;
    if (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    return { id, label, description: unescapeText(g.description) };
  });
  return { arms, groups: ordered };
}

export function readDesign(study: Study, arms: readonly ArmRef[], groups: readonly ArmGroup[]): TrialInput['design'] {
  const p = study.protocolSection ?? {};
  const d = p.designModule ?? {};
  const info = d.designInfo ?? {};
  const interventions = p.armsInterventionsModule?.interventions ?? [];
  const treatment = (index: number): TrialInput['design']['intervention'] => {
    const arm = arms[index];
    const group = groups[index];
    if (!arm || !group) return { name: 'Not stated', details: [] };
    const used = interventions.filter((iv) => (iv.armGroupLabels ?? []).includes(group.label ?? ''));
    const details = [arm.description, ...used.map((iv) => [iv.name, unescapeText(iv.description)].filter(Boolean).join(': '))].filter(Boolean);
    return { name: arm.label, details };
  };
  const phases = (d.phases ?? []).filter((x) => x !== 'NA').map(enumText).join('/');
  const studyType = [phases && phases.replace(/^./, (c) => c.toUpperCase()), enumText(info.allocation), enumText(info.interventionModel), enumText(d.studyType)]
    .filter(Boolean)
    .join(', ');
  const masking = info.maskingInfo;
  const blinding = masking?.masking
    ? `${enumText(masking.masking)}${masking.whoMasked?.length ? ` (${masking.whoMasked.map(enumText).join(', ')})` : ''}`
    : undefined;
  const countries = [...new Set((p.contactsLocationsModule?.locations ?? []).map((l) => l.country).filter(Boolean))];
  const sites = p.contactsLocationsModule?.locations?.length ?? 0;
  const elig = p.eligibilityModule ?? {};
  const criteria = parseEligibility(elig.eligibilityCriteria);
  const ages = [elig.minimumAge && `from ${elig.minimumAge.toLowerCase()}`, elig.maximumAge && `to ${elig.maximumAge.toLowerCase()}`].filter(Boolean).join(' ');
  const enrolled = toCount(d.enrollmentInfo?.count);
  const primary = p.outcomesModule?.primaryOutcomes?.[0];
  return {
    question: p.identificationModule?.officialTitle,
    studyType: studyType || undefined,
    setting: sites > 0 ? `${sites} site${sites === 1 ? '' : 's'} in ${countries.join(', ') || 'countries not stated'}` : undefined,
    population: {
      inclusion: criteria.inclusion.length > 0 ? criteria.inclusion : ages ? [`Ages ${ages}`] : [],
      exclusions: criteria.exclusions,
    },
    intervention: treatment(0),
    comparator: treatment(1),
    blinding,
    randomisation: info.allocation ? `${enumText(info.allocation)}${info.interventionModel ? `, ${enumText(info.interventionModel)} assignment` : ''}` : undefined,
    statistics: enrolled !== undefined && d.enrollmentInfo?.type === 'ESTIMATED' ? { plannedSampleSize: enrolled } : {},
    followUp: primary?.timeFrame ? `Primary outcome: ${unescapeText(primary.timeFrame)}` : undefined,
  };
}

/** Sponsor and collaborators, for the funding line. */
export function funding(study: Study): string | undefined {
  const s = study.protocolSection?.sponsorCollaboratorsModule;
  if (!s?.leadSponsor?.name) return undefined;
  const collab = (s.collaborators ?? []).map((c) => c.name).filter(Boolean);
  return `Sponsor: ${s.leadSponsor.name}${collab.length ? `; collaborators: ${collab.join(', ')}` : ''}`;
}

/** The registry record as the deck's citation, until a paper is merged in. */
export function registryPublication(study: Study, year: number | undefined): TrialInput['publication'] {
  const id = study.protocolSection?.identificationModule ?? {};
  const status = study.protocolSection?.statusModule ?? {};
  const nct = id.nctId ?? 'NCT record';
  const posted = status.resultsFirstPostDateStruct?.date ?? status.primaryCompletionDateStruct?.date ?? status.startDateStruct?.date;
  const y = year ?? (posted ? Number(posted.slice(0, 4)) : new Date().getUTCFullYear());
  const title = id.officialTitle ?? id.briefTitle ?? nct;
  return {
    title,
    acronym: id.acronym?.trim() || nct,
    year: y,
    journal: 'ClinicalTrials.gov',
    citation: `${id.organization?.fullName ? `${id.organization.fullName}. ` : ''}${title}. ClinicalTrials.gov ${nct}${posted ? `; results first posted ${posted}` : ''}.`,
    url: `https://clinicaltrials.gov/study/${encodeURIComponent(nct)}`,
  };
}
