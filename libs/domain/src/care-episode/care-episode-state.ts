import type { CareEpisodeStage } from './care-episode-stage';

export interface Readmission {
  encounterId: string;
  admittedAt: string;
}

export type CareEpisodeState =
  | { status: 'empty' }
  | {
      status: 'open';
      episodeId: string;
      tenantId: string;
      encounterId: string;
      patientRef: string;
      dischargedAt: string;
      stage: CareEpisodeStage;
      readmissions: readonly Readmission[];
    };

export type OpenCareEpisode = Extract<CareEpisodeState, { status: 'open' }>;

export const initialCareEpisodeState: CareEpisodeState = { status: 'empty' };
