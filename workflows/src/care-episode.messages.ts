import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
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

/** ADT A01 of the same patient while the episode is open (rule 6). */
export interface ReadmissionDetails {
  admissionEncounterId: string;
  admittedAt: string;
}

/** ADT A13: the discharge was cancelled (rule 1). */
export interface DischargeCancellation {
  reason: string;
  cancelledAt: string;
}

export const recordReadmissionSignal = defineSignal<[ReadmissionDetails]>('recordReadmission');

export const cancelDischargeSignal = defineSignal<[DischargeCancellation]>('cancelDischarge');
