export interface RecordDischarge {
  type: 'RecordDischarge';
  data: {
    episodeId: string;
    tenantId: string;
    encounterId: string;
    patientRef: string;
    dischargedAt: string;
  };
}

export type CareEpisodeCommand = RecordDischarge;
