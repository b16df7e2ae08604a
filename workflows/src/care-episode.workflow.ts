import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  currentRiskTier,
  DomainRuleViolation,
  isTerminalStage,
  nextDeadline,
  nextStuckCheck,
  tenantTcmPayerClasses,
  type CareEpisodeCommand,
  type CareEpisodeState,
  type OpenCareEpisode,
  type TenantPolicy,
} from '@care/domain';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { CareEpisodeActivities } from './care-episode.activities';
import { registerEpisodeHandlers } from './care-episode.handlers';
import { episodeSnapshotQuery } from './care-episode.messages';
import { EpisodeRecorder, type RecordedEpisode } from './episode-recorder';
import { handoffClockEffects } from './handoff-clocks';
import { careSearchAttributes } from './search-attributes';

export interface CareEpisodeInput {
  episodeId: string;
  tenantId: string;
  /** What the previous run had recorded, when the episode continued as new. */
  carried?: { recorded: RecordedEpisode; policy: TenantPolicy };
  /** History length at which the episode continues as new; the server may suggest it sooner. */
  historyLimit?: number;
}

const DEFAULT_HISTORY_LIMIT = 10_000;

const { loadTenantPolicy } = proxyActivities<CareEpisodeActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const now = (): string => new Date().toISOString();

/**
 * One care episode, the single writer of its event stream. Coordinators act through updates,
 * ADT feeds and SLA clocks through signals; the episode's own clocks run here: the TCM
 * deadlines, the stuck rules and the closure at the end of the service period.
 */
export async function careEpisode(input: CareEpisodeInput): Promise<CareEpisodeState> {
  const episode = { episodeId: input.episodeId, tenantId: input.tenantId };
  let policy = input.carried?.policy;
  const recorder: EpisodeRecorder = new EpisodeRecorder(
    episode,
    handoffClockEffects(() => policy!.ladder),
    input.carried?.recorded,
  );
  const open = (): OpenCareEpisode | undefined =>
    recorder.state.status === 'open' ? recorder.state : undefined;
  const finished = () => {
    const state = open();
    return state !== undefined && isTerminalStage(state.stage);
  };
  const stuckNow = () => [
    ...(open()?.stuck?.reasons ?? []),
    ...(recorder.activityFailing ? (['activity-failing'] as const) : []),
  ];

  setHandler(episodeSnapshotQuery, () => ({
    state: recorder.state,
    version: recorder.version,
    stuckReasons: stuckNow(),
  }));
  registerEpisodeHandlers({
    episode,
    recorder,
    policy: () => policy,
  });

  const applyOwn = async (command: CareEpisodeCommand): Promise<void> => {
    // A cancellation can overtake the episode's own clocks; the rules then refuse them.
    await recorder.apply(command).catch((error: unknown) => {
      if (!(error instanceof DomainRuleViolation) || !finished()) throw error;
    });
  };

  await condition(() => open() !== undefined);
  const dischargedAt = open()!.dischargedAt;
  if (!policy) {
    const year = new Date(dischargedAt).getUTCFullYear();
    policy = await loadTenantPolicy({ tenantId: input.tenantId, years: [year, year + 1] });
  }
  const { stuck, calendar } = policy;
  // Rule 5: the payer classes that pay the tenant for TCM. An episode without coverage (every
  // one recorded before coverage could be) closes as it always did, so no patch is needed.
  const tcmPayerClasses = tenantTcmPayerClasses(policy);
  await applyOwn({ type: 'StartTcmClocks', data: { at: now(), calendar } });

  const publish = searchAttributePublisher(input.tenantId);
  while (!finished()) {
    // Published first: while the store fails, the commands below wait for it.
    publish(open()!, stuckNow());
    const serviceEnds = Date.parse(open()!.deadlines!.serviceEnds);
    const activityFailing = recorder.activityFailing;
    if (Date.now() >= serviceEnds) {
      await applyOwn({ type: 'CloseEpisode', data: { at: now(), tcmPayerClasses } });
    } else {
      await applyOwn({
        type: 'EvaluateStuck',
        data: { at: now(), policy: stuck, activityFailing },
      });
    }
    publish(open()!, stuckNow());
    if (finished()) break;

    const info = workflowInfo();
    if (
      info.continueAsNewSuggested ||
      info.historyLength >= (input.historyLimit ?? DEFAULT_HISTORY_LIMIT)
    ) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof careEpisode>({
        ...input,
        carried: { recorded: { state: recorder.state, version: recorder.version }, policy },
      });
    }

    const seenVersion = recorder.version;
    const current = open()!;
    const wakeAt = Math.min(
      serviceEnds,
      Date.parse(nextStuckCheck(current, now(), stuck) ?? current.deadlines!.serviceEnds),
    );
    await condition(
      () => recorder.version !== seenVersion || recorder.activityFailing !== activityFailing,
      Math.max(1, wakeAt - Date.now()),
    );
  }

  publish(open()!, []);
  await condition(allHandlersFinished);
  return recorder.state;
}

/** Upserts only the search attributes whose values changed: each upsert is a history event. */
function searchAttributePublisher(tenantId: string) {
  const published = new Map<string, string>();
  return (state: OpenCareEpisode, stuckReasons: readonly string[]): void => {
    const deadline = nextDeadline(state, now());
    const riskTier = currentRiskTier(state);
    const wanted: SearchAttributeUpdatePair[] = [
      { key: careSearchAttributes.tenant, value: tenantId },
      { key: careSearchAttributes.stage, value: state.stage },
      { key: careSearchAttributes.riskTier, value: riskTier ?? null },
      { key: careSearchAttributes.stuckReasons, value: [...stuckReasons] },
      { key: careSearchAttributes.nextDeadline, value: deadline ? new Date(deadline) : null },
    ];
    const changed = wanted.filter((pair) => {
      const value = JSON.stringify(pair.value);
      if (published.get(pair.key.name) === value) return false;
      published.set(pair.key.name, value);
      return true;
    });
    if (changed.length > 0) upsertSearchAttributes(changed);
  };
}
