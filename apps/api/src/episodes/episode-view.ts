import type { CareEpisodeStage } from '@care/domain';

export interface EpisodeEventView {
  eventId: string;
  type: string;
  version: number;
  recordedAt: string;
  data: Record<string, unknown>;
}

export interface EpisodeView {
  episodeId: string;
  tenantId: string;
  encounterId: string;
  patientRef: string;
  dischargedAt: string;
  stage: CareEpisodeStage;
  version: number;
  events: EpisodeEventView[];
}
