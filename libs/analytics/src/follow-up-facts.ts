import {
  contactsMeetRequirement,
  type ContactAttempted,
  type EdRevisitRecorded,
  type EncounterChanged,
  type FaceToFaceVisitRecorded,
  type MedicationReconciled,
  type OpenCareEpisode,
  type ReadmissionCancelled,
  type ReadmissionRecorded,
} from '@care/domain';
import type { AnalyticsFact, EpisodeMoment } from './analytics-fact';
import { sameDayOrBefore } from './episode-clock';
import { optional } from './optional-field';

const within = (at: string, from: string, until: string): boolean =>
  Date.parse(at) >= Date.parse(from) && Date.parse(at) <= Date.parse(until);

/** Rule 2: an interactive contact, or two documented attempts, by the contact deadline. */
export function contactRequirementMet(episode: OpenCareEpisode): boolean | undefined {
  const due = episode.deadlines?.contactDue;
  if (due === undefined) return undefined;
  return contactsMeetRequirement(
    episode.contacts.filter((contact) => within(contact.at, episode.dischargedAt, due)),
  );
}

/** Rule 3: the visit by day 7 (high complexity) or 14 (moderate), as the deadline says. */
export function visitWithinWindow(episode: OpenCareEpisode, visitAt: string): boolean | undefined {
  const due = episode.deadlines?.visitDue;
  return due === undefined ? undefined : Date.parse(visitAt) <= Date.parse(due);
}

/** Rule 4: the medication reconciled no later than the local day of the visit. */
export const reconciledByVisit = (episode: OpenCareEpisode, timeZone: string): boolean =>
  episode.medicationReconciledAt !== undefined &&
  episode.visitAt !== undefined &&
  sameDayOrBefore(episode.medicationReconciledAt, episode.visitAt, timeZone);

export function contactFact({ data }: ContactAttempted, moment: EpisodeMoment): AnalyticsFact {
  const { episode } = moment;
  const due = episode.deadlines?.contactDue;
  return {
    type: 'care.analytics.contact_attempted.v1',
    data: {
      reached: data.reached,
      channel: data.channel,
      attemptNumber: episode.contacts.length,
      ...optional(
        'withinContactWindow',
        due === undefined ? undefined : within(data.at, episode.dischargedAt, due),
      ),
      ...optional('contactRequirementMet', contactRequirementMet(episode)),
    },
  };
}

export const visitFact = (
  { data }: FaceToFaceVisitRecorded,
  { episode, timeZone }: EpisodeMoment,
): AnalyticsFact => ({
  type: 'care.analytics.face_to_face_visit_recorded.v1',
  data: {
    ...optional('withinVisitWindow', visitWithinWindow(episode, data.at)),
    medicationReconciledByVisit: reconciledByVisit(episode, timeZone),
  },
});

export const medicationFact = (
  { data }: MedicationReconciled,
  { episode, timeZone }: EpisodeMoment,
): AnalyticsFact => ({
  type: 'care.analytics.medication_reconciled.v1',
  data: {
    visitRecorded: episode.visitAt !== undefined,
    ...optional(
      'noLaterThanVisit',
      episode.visitAt === undefined
        ? undefined
        : sameDayOrBefore(data.at, episode.visitAt, timeZone),
    ),
  },
});

export const readmissionFact = (
  event: ReadmissionRecorded | ReadmissionCancelled,
  { episode, partKey }: EpisodeMoment,
): AnalyticsFact => {
  const common = {
    readmissionKey: partKey('readmission', event.data.admissionEncounterId),
    activeReadmissions: episode.readmissions.length,
  };
  return event.type === 'care.episode.readmission_recorded.v1'
    ? {
        type: 'care.analytics.readmission_recorded.v1',
        data: { ...common, daysAfterDischarge: event.data.daysAfterDischarge },
      }
    : { type: 'care.analytics.readmission_cancelled.v1', data: common };
};

/** As a readmission: a key of the visit, never its encounter id, and the count so far. */
export const edRevisitFact = (
  { data }: EdRevisitRecorded,
  { episode, partKey }: EpisodeMoment,
): AnalyticsFact => ({
  type: 'care.analytics.ed_revisit_recorded.v1',
  data: {
    edRevisitKey: partKey('ed-revisit', data.encounterId),
    daysAfterDischarge: data.daysAfterDischarge,
    edRevisits: episode.edRevisits?.length ?? 0,
  },
});

/** The kind of change only: neither the encounter nor the patient class the sender coded. */
export const encounterChangedFact = ({ data }: EncounterChanged): AnalyticsFact => ({
  type: 'care.analytics.encounter_changed.v1',
  data: { change: data.change },
});
