import type { CareEpisodeStage } from './care-episode-stage';

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
    };

export const initialCareEpisodeState: CareEpisodeState = { status: 'empty' };
