import {
  ActivityFailure,
  ApplicationFailure,
  condition,
  proxyActivities,
} from '@temporalio/workflow';
import {
  decide,
  foldCareEpisode,
  initialCareEpisodeState,
  type CareEpisodeCommand,
  type CareEpisodeEvent,
  type CareEpisodeState,
} from '@care/domain';
import type { AppendEpisodeEventsResult, CareEpisodeActivities } from './care-episode.activities';
import { createSerialQueue } from './serial-queue';

const { appendEpisodeEvents } = proxyActivities<CareEpisodeActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 5 },
});

const FIRST_PAUSE_MS = 30_000;
const LONGEST_PAUSE_MS = 600_000;

export interface RecordedEpisode {
  state: CareEpisodeState;
  version: number;
}

/**
 * The episode's single writer: decides each command on the current state, appends the events
 * and folds them in, one command at a time in arrival order.
 */
export class EpisodeRecorder {
  state: CareEpisodeState;
  version: number;
  /** The store kept failing the last append; it is retried until it succeeds. */
  activityFailing = false;
  /** Failed appends so far: a retry asked for now is answered by the next change of it. */
  failedAppends = 0;
  private retryRequested = false;
  private readonly serially = createSerialQueue();

  constructor(
    private readonly stream: { episodeId: string; tenantId: string },
    /** Runs in turn after each append, so effects of the events keep the commands' order. */
    private readonly afterAppend: (
      events: CareEpisodeEvent[],
      state: CareEpisodeState,
    ) => Promise<void>,
    recorded: RecordedEpisode = { state: initialCareEpisodeState, version: 0 },
  ) {
    this.state = recorded.state;
    this.version = recorded.version;
  }

  /** Resolves to the events recorded; throws the DomainRuleViolation of a refused command. */
  apply(command: CareEpisodeCommand): Promise<CareEpisodeEvent[]> {
    return this.serially(async () => {
      const events = decide(command, this.state);
      if (events.length === 0) return events;
      const { nextVersion } = await this.appendDurably(events);
      this.state = foldCareEpisode(events, this.state);
      this.version = nextVersion;
      await this.afterAppend(events, this.state);
      return events;
    });
  }

  /** Retries a failing store with growing pauses instead of failing the episode. */
  private async appendDurably(events: CareEpisodeEvent[]): Promise<AppendEpisodeEventsResult> {
    for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
      try {
        const result = await appendEpisodeEvents({
          ...this.stream,
          expectedVersion: this.version,
          events,
        });
        this.activityFailing = false;
        return result;
      } catch (error) {
        const permanent =
          error instanceof ActivityFailure &&
          error.cause instanceof ApplicationFailure &&
          error.cause.nonRetryable;
        if (!(error instanceof ActivityFailure) || permanent) throw error;
        this.activityFailing = true;
        this.failedAppends += 1;
        await condition(() => this.retryRequested, pause);
        this.retryRequested = false;
      }
    }
  }

  /** Cuts the pause before the next attempt of a failing append short. */
  retryNow(): void {
    if (this.activityFailing) this.retryRequested = true;
  }
}
