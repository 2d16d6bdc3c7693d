// The parts of a ClinicalTrials.gov API v2 study record the importer reads.
// Everything is optional and loosely typed: records from 2008 and 2025 differ,
// and the API writes numbers as strings ("97", "NA"), except in a few places
// (adverse-event counts) where it writes JSON numbers.
import { TrialdeckError } from '../../errors.js';

export type Scalar = string | number | null | undefined;

export interface Group {
  id?: string;
  title?: string;
  description?: string;
}
export interface Count {
  groupId?: string;
  value?: Scalar;
}
export interface Denom {
  units?: string;
  counts?: Count[];
}
export interface Measurement {
  groupId?: string;
  value?: Scalar;
  spread?: Scalar;
  lowerLimit?: Scalar;
  upperLimit?: Scalar;
  comment?: string;
}
export interface MeasureClass {
  title?: string;
  denoms?: Denom[];
  categories?: { title?: string; measurements?: Measurement[] }[];
}
export interface Analysis {
  groupIds?: string[];
  groupDescription?: string;
  nonInferiorityType?: string;
  nonInferiorityComment?: string;
  testedNonInferiority?: boolean;
  pValue?: Scalar;
  pValueComment?: string;
  statisticalMethod?: string;
  statisticalComment?: string;
  paramType?: string;
  paramValue?: Scalar;
  ciPctValue?: Scalar;
  ciNumSides?: string;
  ciLowerLimit?: Scalar;
  ciUpperLimit?: Scalar;
  ciLowerLimitComment?: string;
  ciUpperLimitComment?: string;
  estimateComment?: string;
}
export interface OutcomeMeasure {
  type?: string;
  title?: string;
  description?: string;
  populationDescription?: string;
  reportingStatus?: string;
  paramType?: string;
  dispersionType?: string;
  unitOfMeasure?: string;
  timeFrame?: string;
  groups?: Group[];
  denoms?: Denom[];
  classes?: MeasureClass[];
  analyses?: Analysis[];
}
export interface BaselineMeasure {
  title?: string;
  description?: string;
  paramType?: string;
  dispersionType?: string;
  unitOfMeasure?: string;
  denoms?: Denom[];
  classes?: MeasureClass[];
}
export interface EventStat {
  groupId?: string;
  numEvents?: Scalar;
  numAffected?: Scalar;
  numAtRisk?: Scalar;
}
export interface AdverseEvent {
  term?: string;
  organSystem?: string;
  stats?: EventStat[];
}
export interface EventGroup extends Group {
  deathsNumAffected?: Scalar;
  deathsNumAtRisk?: Scalar;
  seriousNumAffected?: Scalar;
  seriousNumAtRisk?: Scalar;
}
export interface Reference {
  pmid?: string;
  type?: string;
  citation?: string;
}
export interface Milestone {
  type?: string;
  achievements?: { groupId?: string; numSubjects?: Scalar; comment?: string }[];
}
export interface Period {
  title?: string;
  milestones?: Milestone[];
  dropWithdraws?: { type?: string; reasons?: { groupId?: string; numSubjects?: Scalar }[] }[];
}

/** A record as `/api/v2/studies/{nct}` returns it (a search response wraps these in `studies`). */
export interface Study {
  protocolSection?: {
    identificationModule?: { nctId?: string; briefTitle?: string; officialTitle?: string; acronym?: string; organization?: { fullName?: string } };
    statusModule?: {
      overallStatus?: string;
      whyStopped?: string;
      startDateStruct?: { date?: string };
      primaryCompletionDateStruct?: { date?: string };
      resultsFirstPostDateStruct?: { date?: string };
    };
    sponsorCollaboratorsModule?: { leadSponsor?: { name?: string; class?: string }; collaborators?: { name?: string }[] };
    descriptionModule?: { briefSummary?: string; detailedDescription?: string };
    conditionsModule?: { conditions?: string[] };
    designModule?: {
      studyType?: string;
      phases?: string[];
      designInfo?: {
        allocation?: string;
        interventionModel?: string;
        primaryPurpose?: string;
        maskingInfo?: { masking?: string; whoMasked?: string[] };
      };
      enrollmentInfo?: { count?: Scalar; type?: string };
    };
    armsInterventionsModule?: {
      armGroups?: { label?: string; type?: string; description?: string; interventionNames?: string[] }[];
      interventions?: { type?: string; name?: string; description?: string; armGroupLabels?: string[] }[];
    };
    outcomesModule?: { primaryOutcomes?: { measure?: string; timeFrame?: string }[] };
    eligibilityModule?: { eligibilityCriteria?: string; sex?: string; minimumAge?: string; maximumAge?: string };
    contactsLocationsModule?: { locations?: { country?: string }[] };
    referencesModule?: { references?: Reference[] };
  };
  resultsSection?: {
    participantFlowModule?: { recruitmentDetails?: string; preAssignmentDetails?: string; groups?: Group[]; periods?: Period[] };
    baselineCharacteristicsModule?: { populationDescription?: string; groups?: Group[]; denoms?: Denom[]; measures?: BaselineMeasure[] };
    outcomeMeasuresModule?: { outcomeMeasures?: OutcomeMeasure[] };
    adverseEventsModule?: { frequencyThreshold?: Scalar; timeFrame?: string; eventGroups?: EventGroup[]; seriousEvents?: AdverseEvent[] };
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A single study, or each study of a `{"studies": [...]}` search response. */
export function studiesOf(json: unknown, file?: string): Study[] {
  const where = file ? `${file}: ` : '';
  if (isObject(json) && Array.isArray(json.studies)) {
    const studies = json.studies.filter(isObject) as Study[];
    if (studies.length === 0) throw new TrialdeckError('INPUT_UNSUPPORTED', `${where}the response holds no studies`);
    return studies;
  }
  if (isObject(json) && isObject(json.protocolSection)) return [json as Study];
  throw new TrialdeckError(
    'INPUT_UNSUPPORTED',
    `${where}expected a ClinicalTrials.gov API v2 study record (an object with "protocolSection") or a search response with "studies"`,
  );
}
