import { randomUUID } from 'node:crypto';
import type { LaceInput } from '@care/domain';
import { careEpisodeWorkflowId } from '@care/temporal';
import {
  approvePlanUpdate,
  careEpisode,
  recordAssessmentUpdate,
  recordContactAttemptUpdate,
  recordDischargeUpdate,
  recordFaceToFaceVisitUpdate,
  recordMedicationReconciliationUpdate,
  type EpisodeUpdateOutcome,
} from '@care/workflows';
import {
  ApplicationFailure,
  WithStartWorkflowOperation,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';

const BENCH_TENANT = 'bench-hospital';

const MODERATE_RISK: LaceInput = {
  lengthOfStayDays: 3,
  acuteAdmission: true,
  charlsonScore: 1,
  edVisitsLast6Months: 0,
};

/** A new episode's id and its workflow's id, known before it starts so it can be cleaned up. */
export function newEpisode(): { episodeId: string; workflowId: string } {
  const episodeId = randomUUID();
  return { episodeId, workflowId: careEpisodeWorkflowId(episodeId) };
}

/**
 * Starts an episode and records its discharge in one call, as RecordDischarge in apps/api
 * does: the update answers once the discharge event is stored.
 */
export function startEpisode(
  client: Client,
  taskQueue: string,
  { episodeId, workflowId }: { episodeId: string; workflowId: string },
): Promise<EpisodeUpdateOutcome> {
  const startWorkflowOperation = new WithStartWorkflowOperation(careEpisode, {
    workflowId,
    taskQueue,
    args: [{ episodeId, tenantId: BENCH_TENANT }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
  return client.workflow.executeUpdateWithStart(recordDischargeUpdate, {
    args: [
      {
        encounterId: `ENC-${episodeId}`,
        patientRef: `Patient/${randomUUID()}`,
        dischargedAt: new Date().toISOString(),
      },
    ],
    startWorkflowOperation,
  });
}

/** An episode the transition scenario drives, and the coordinator step it is at. */
export interface EpisodeCursor {
  workflowId: string;
  step: number;
}

export type StepOutcome = 'recorded' | 'unchanged' | 'not-yet' | 'refused';

/**
 * The coordinator's next update for the episode: assessment, plan (no hand-offs), medication
 * reconciliation, face-to-face visit, then unreached contact attempts, which the rules accept
 * without limit. A 'stage-order' refusal (the clocks have not started yet) is retried later.
 */
export async function driveStep(client: Client, cursor: EpisodeCursor): Promise<StepOutcome> {
  const handle = client.workflow.getHandle<typeof careEpisode>(cursor.workflowId);
  const at = new Date().toISOString();
  try {
    const outcome = await (() => {
      switch (cursor.step) {
        case 0:
          return handle.executeUpdate(recordAssessmentUpdate, {
            args: [
              {
                at,
                assessedBy: 'Practitioner/bench-rn',
                lace: MODERATE_RISK,
                complexity: 'moderate',
              },
            ],
          });
        case 1:
          return handle.executeUpdate(approvePlanUpdate, {
            args: [{ at, approvedBy: 'Practitioner/bench-md', handoffKinds: [] }],
          });
        case 2:
          return handle.executeUpdate(recordMedicationReconciliationUpdate, {
            args: [{ at, reconciledBy: 'Practitioner/bench-pharm' }],
          });
        case 3:
          return handle.executeUpdate(recordFaceToFaceVisitUpdate, {
            args: [{ at, recordedBy: 'Practitioner/bench-md' }],
          });
        default:
          return handle.executeUpdate(recordContactAttemptUpdate, {
            args: [{ at, reached: false, channel: 'phone', attemptedBy: 'Practitioner/bench-rn' }],
          });
      }
    })();
    cursor.step += 1;
    return outcome.recorded ? 'recorded' : 'unchanged';
  } catch (error) {
    const rule = refusedRule(error);
    if (rule === undefined) throw error;
    if (rule === 'stage-order' && cursor.step === 0) return 'not-yet';
    cursor.step += 1;
    return 'refused';
  }
}

function refusedRule(error: unknown): string | undefined {
  if (!(error instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || cause.type !== 'DomainRuleViolation') {
    return undefined;
  }
  return typeof cause.details?.[0] === 'string' ? cause.details[0] : 'unknown';
}
