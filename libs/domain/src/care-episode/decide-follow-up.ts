import { CONSENT_CHANNEL, channelRefused } from '../contact/contact-preferences';
import { contactSchedule } from '../follow-up/contact-schedule';
import type {
  CancelReadmission,
  RecordContactAttempt,
  RecordFaceToFaceVisit,
  RecordMedicationReconciliation,
  RecordReadmission,
  ReplanFollowUpAfterReadmission,
} from './care-episode-command';
import type { CareEpisodeEvent } from './care-episode-event';
import type { CareEpisodeState, Readmission } from './care-episode-state';
import { DomainRuleViolation } from './domain-rule-violation';
import { requireAfterDischarge, requireOpen } from './guards';

/** Rule 6: readmissions count within 30 days of discharge (the HRRP window). */
export const READMISSION_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * Rule 2: every attempt is documented once; a reached patient is the interactive contact. The
 * same attempt sent again (same instant, channel, person and result) changes nothing, so a
 * retried or duplicated feed cannot turn one unsuccessful attempt into "two documented attempts".
 * A channel the patient had refused by then is not used.
 */
export function recordContactAttempt(
  { data }: RecordContactAttempt,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record a contact attempt');
  requireAfterDischarge(episode, data.at, 'The contact attempt');
  const at = Date.parse(data.at);
  const known = episode.contacts.some(
    (contact) =>
      Date.parse(contact.at) === at &&
      contact.channel === data.channel &&
      contact.attemptedBy === data.attemptedBy &&
      contact.reached === data.reached,
  );
  if (known) return [];
  if (channelRefused(episode.contactPreferences ?? [], CONSENT_CHANNEL[data.channel], data.at)) {
    throw new DomainRuleViolation(
      'contact-consent',
      `The patient refused ${data.channel} contact; the attempt at ${data.at} is not made on it.`,
    );
  }
  return [{ type: 'care.episode.contact_attempted.v1', data: { ...data } }];
}

/** Rule 3: one face-to-face visit counts; recording the same one again changes nothing. */
export function recordFaceToFaceVisit(
  { data }: RecordFaceToFaceVisit,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record a face-to-face visit');
  requireAfterDischarge(episode, data.at, 'The face-to-face visit');
  if (episode.visitAt !== undefined) {
    if (Date.parse(episode.visitAt) === Date.parse(data.at)) return [];
    throw new DomainRuleViolation(
      'tcm-face-to-face',
      `A face-to-face visit is already recorded at ${episode.visitAt}.`,
    );
  }
  return [{ type: 'care.episode.face_to_face_visit_recorded.v1', data: { ...data } }];
}

/** Rule 4: the first reconciliation is the one that counts toward the visit. */
export function recordMedicationReconciliation(
  { data }: RecordMedicationReconciliation,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record a medication reconciliation');
  requireAfterDischarge(episode, data.at, 'The medication reconciliation');
  if (episode.medicationReconciledAt !== undefined) return [];
  return [{ type: 'care.episode.medication_reconciled.v1', data: { ...data } }];
}

/** Rule 6: an admission of the same patient within the window, recorded once. */
export function recordReadmission(
  { data }: RecordReadmission,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'record a readmission');
  if (episode.readmissions.some((known) => known.encounterId === data.admissionEncounterId)) {
    return [];
  }
  const elapsed = Date.parse(data.admittedAt) - Date.parse(episode.dischargedAt);
  if (Number.isNaN(elapsed) || elapsed < 0 || elapsed > READMISSION_WINDOW_DAYS * DAY_MS) {
    throw new DomainRuleViolation(
      'readmission-window',
      `An admission at ${data.admittedAt} is not within ${READMISSION_WINDOW_DAYS} days after the discharge at ${episode.dischargedAt}.`,
    );
  }
  return [
    {
      type: 'care.episode.readmission_recorded.v1',
      data: { ...data, daysAfterDischarge: Math.floor(elapsed / DAY_MS) },
    },
  ];
}

/**
 * Rule 6 (ADT A11): a cancelled admission is no readmission. An admission never recorded, or
 * already cancelled, changes nothing. A follow-up replanned after it stays: more contact, never
 * less.
 */
export function cancelReadmission(
  { data }: CancelReadmission,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'cancel a readmission');
  if (!episode.readmissions.some((known) => known.encounterId === data.admissionEncounterId)) {
    return [];
  }
  return [{ type: 'care.episode.readmission_cancelled.v1', data }];
}

/**
 * Rules 6 and 7: a readmitted patient is high risk, so a running follow-up restarts at high
 * intensity from the latest admission. Before the plan exists there is nothing to adjust, and
 * a plan that started at or after the latest admission already follows it. The replanning
 * itself cannot predate the admission it follows: the new plan would start before it and be
 * replanned again on every call.
 */
export function replanFollowUpAfterReadmission(
  { data }: ReplanFollowUpAfterReadmission,
  state: CareEpisodeState,
): CareEpisodeEvent[] {
  const episode = requireOpen(state, 'adjust the follow-up');
  const latest = latestReadmission(episode.readmissions);
  if (!episode.followUp || !episode.calendar || !episode.deadlines || !latest) return [];
  const admittedAt = Date.parse(latest.admittedAt);
  if (Date.parse(episode.followUp.since) >= admittedAt) return [];
  const at = Date.parse(data.at);
  if (Number.isNaN(at) || at < admittedAt) {
    throw new DomainRuleViolation(
      'fact-time',
      `The follow-up cannot be replanned at ${data.at}, before the admission at ${latest.admittedAt}.`,
    );
  }
  return [
    {
      type: 'care.episode.follow_up_planned.v1',
      data: {
        at: data.at,
        riskTier: 'high',
        reason: 'readmission',
        schedule: contactSchedule(
          latest.admittedAt,
          'high',
          episode.calendar,
          episode.deadlines.serviceEnds,
        ),
      },
    },
  ];
}

/** The admission latest in time, whatever order the admissions were recorded in. */
const latestReadmission = (readmissions: readonly Readmission[]): Readmission | undefined =>
  readmissions.reduce<Readmission | undefined>(
    (latest, readmission) =>
      latest === undefined || Date.parse(readmission.admittedAt) > Date.parse(latest.admittedAt)
        ? readmission
        : latest,
    undefined,
  );
