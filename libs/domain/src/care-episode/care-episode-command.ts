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

export interface RecordReadmission {
  type: 'RecordReadmission';
  data: { admissionEncounterId: string; admittedAt: string };
}

export interface CancelDischarge {
  type: 'CancelDischarge';
  data: { reason: string; cancelledAt: string };
}

export type CareEpisodeCommand = RecordDischarge | RecordReadmission | CancelDischarge;
