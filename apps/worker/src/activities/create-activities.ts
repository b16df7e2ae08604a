import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { topics, type EpisodeEventMetadata } from '@care/contracts';
import {
  deterministicEventId,
  ExpectedVersionConflict,
  type PostgresEventStore,
} from '@care/event-store';
import type { CareEpisodeActivities } from '@care/workflows';

export interface ActivityDependencies {
  eventStore: PostgresEventStore;
}

export const createActivities = ({ eventStore }: ActivityDependencies): CareEpisodeActivities => ({
  async appendEpisodeEvents({ episodeId, tenantId, expectedVersion, events }) {
    const execution = Context.current().info.workflowExecution;
    if (!execution)
      throw ApplicationFailure.nonRetryable('appendEpisodeEvents runs only for workflows');
    const { workflowId, runId } = execution;
    const metadata: EpisodeEventMetadata = { tenantId, workflowId, workflowRunId: runId };
    try {
      const result = await eventStore.append(
        episodeId,
        expectedVersion,
        events.map((event, index) => ({
          eventId: deterministicEventId(workflowId, expectedVersion + index + 1),
          type: event.type,
          data: event.data,
          metadata: { ...metadata },
        })),
        { streamType: 'care-episode', publishTo: { topic: topics.episodes, key: episodeId } },
      );
      return { nextVersion: result.nextVersion };
    } catch (error) {
      if (error instanceof ExpectedVersionConflict) {
        throw ApplicationFailure.nonRetryable(error.message, 'ExpectedVersionConflict');
      }
      throw error;
    }
  },
});
