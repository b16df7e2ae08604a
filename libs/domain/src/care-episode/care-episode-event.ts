export interface DischargeRecorded {
  type: 'care.episode.discharge_recorded.v1';
  data: {
    episodeId: string;
    tenantId: string;
    encounterId: string;
    patientRef: string;
    dischargedAt: string;
  };
}

/** Rule 6: an admission of the same patient while the episode is open. */
export interface ReadmissionRecorded {
  type: 'care.episode.readmission_recorded.v1';
  data: { admissionEncounterId: string; admittedAt: string; daysAfterDischarge: number };
}

/** Rule 1: the discharge was cancelled (ADT A13), so the episode is. */
export interface EpisodeCancelled {
  type: 'care.episode.cancelled.v1';
  data: { reason: string; cancelledAt: string };
}

export type CareEpisodeEvent = DischargeRecorded | ReadmissionRecorded | EpisodeCancelled;

export type CareEpisodeEventType = CareEpisodeEvent['type'];
