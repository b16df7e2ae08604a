import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CareEpisodeStage, CareEpisodeState } from '@care/domain';

export interface DischargeDetails {
  encounterId: string;
  patientRef: string;
  dischargedAt: string;
}

export interface DischargeOutcome {
  episodeId: string;
  /** False when the discharge had been recorded before: nothing changed. */
  recorded: boolean;
  version: number;
  stage: CareEpisodeStage;
}

export interface EpisodeSnapshot {
  state: CareEpisodeState;
  version: number;
}

export const recordDischargeUpdate = defineUpdate<DischargeOutcome, [DischargeDetails]>(
  'recordDischarge',
);

export const episodeSnapshotQuery = defineQuery<EpisodeSnapshot>('episodeSnapshot');
