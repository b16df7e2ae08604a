import type { CareEpisodeEvent, CareEpisodeState } from '@care/domain';

/** An event of an episode stream as the event store recorded it. */
export interface SourceEvent {
  eventId: string;
  /** Its version in the episode's stream. */
  streamVersion: number;
  tenantId: string;
  event: CareEpisodeEvent;
}

export interface PatientFacts {
  /** Whole years at the local date of discharge; absent when the birth date is unknown. */
  ageAtDischarge?: number;
}

/** Random keys from the publisher's pseudonym tables, never derived from patient data. */
export interface AnalyticsKeys {
  patientKey: string;
  episodeKey: string;
}

export interface AnalyticsInput {
  source: SourceEvent;
  /** The episode folded from its stream up to the event, and with it. */
  before: CareEpisodeState;
  after: CareEpisodeState;
  patient: PatientFacts;
  keys: AnalyticsKeys;
  /** The tenant's zone, for facts recorded before the episode's calendar (its TCM clocks). */
  tenantTimeZone: string;
}
