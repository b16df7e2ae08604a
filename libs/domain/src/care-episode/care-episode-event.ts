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

export type CareEpisodeEvent = DischargeRecorded;

export type CareEpisodeEventType = CareEpisodeEvent['type'];
