import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  decide,
  DomainRuleViolation,
  foldCareEpisode,
  initialCareEpisodeState,
  isTerminalStage,
  type CareEpisodeCommand,
  type CareEpisodeState,
} from '@care/domain';
import type { CareEpisodeActivities } from './care-episode.activities';
import {
  cancelDischargeSignal,
  episodeSnapshotQuery,
  recordDischargeUpdate,
  recordReadmissionSignal,
  type DischargeDetails,
  type DischargeOutcome,
} from './care-episode.messages';
import { createSerialQueue } from './serial-queue';

export interface CareEpisodeInput {
  episodeId: string;
  tenantId: string;
}

const { appendEpisodeEvents } = proxyActivities<CareEpisodeActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** One care episode: the single writer of the episode's event stream. */
export async function careEpisode(input: CareEpisodeInput): Promise<CareEpisodeState> {
  let state = initialCareEpisodeState;
  let version = 0;
  const serially = createSerialQueue();

  const handle = async (command: CareEpisodeCommand): Promise<boolean> => {
    const events = decide(command, state);
    if (events.length === 0) return false;
    const result = await appendEpisodeEvents({
      episodeId: input.episodeId,
      tenantId: input.tenantId,
      expectedVersion: version,
      events,
    });
    state = foldCareEpisode(events, state);
    version = result.nextVersion;
    return true;
  };

  setHandler(episodeSnapshotQuery, () => ({ state, version }));

  setHandler(
    recordDischargeUpdate,
    (discharge: DischargeDetails): Promise<DischargeOutcome> =>
      serially(async () => {
        const recorded = await handle({
          type: 'RecordDischarge',
          data: { ...discharge, episodeId: input.episodeId, tenantId: input.tenantId },
        }).catch(asApplicationFailure);
        return {
          episodeId: input.episodeId,
          recorded,
          version,
          stage: state.status === 'open' ? state.stage : 'intake',
        };
      }),
    {
      validator: (discharge: DischargeDetails) => {
        if (Number.isNaN(Date.parse(discharge.dischargedAt))) {
          throw new Error('dischargedAt is not a valid timestamp');
        }
        if (state.status === 'open' && state.encounterId !== discharge.encounterId) {
          throw new Error(`episode ${workflowInfo().workflowId} belongs to another encounter`);
        }
      },
    },
  );

  // ADT facts arrive as signals: a fact the rules refuse is logged, never fails the episode.
  const applyFact = (command: CareEpisodeCommand) =>
    serially(() =>
      handle(command).catch((error: unknown) => {
        if (!(error instanceof DomainRuleViolation)) throw error;
        log.warn('ADT fact refused by the episode rules', {
          rule: error.rule,
          command: command.type,
        });
        return false;
      }),
    );
  setHandler(recordReadmissionSignal, (readmission) => {
    void applyFact({ type: 'RecordReadmission', data: readmission });
  });
  setHandler(cancelDischargeSignal, (cancellation) => {
    void applyFact({ type: 'CancelDischarge', data: cancellation });
  });

  await condition(() => state.status === 'open' && isTerminalStage(state.stage));
  await condition(allHandlersFinished);
  return state;
}

function asApplicationFailure(error: unknown): never {
  if (error instanceof DomainRuleViolation) {
    throw ApplicationFailure.create({
      type: 'DomainRuleViolation',
      message: error.message,
      details: [error.rule],
      nonRetryable: true,
    });
  }
  throw error;
}
