import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { UnknownHolidayRegion } from '@care/calendars';
import { topics, type EpisodeEventMetadata } from '@care/contracts';
import {
  deterministicEventId,
  ExpectedVersionConflict,
  type PostgresEventStore,
} from '@care/event-store';
import {
  InvalidTenantSettings,
  resolveTenantPolicy,
  type TenantSettingsRepository,
} from '@care/tenants';
import type { CareEpisodeActivities } from '@care/workflows';

export interface ActivityDependencies {
  eventStore: PostgresEventStore;
  tenantSettings: TenantSettingsRepository;
}

export const createActivities = ({
  eventStore,
  tenantSettings,
}: ActivityDependencies): CareEpisodeActivities => ({
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

  /**
   * The tenant's stored settings over the defaults, with the holidays of the given years.
   * Bad settings are a configuration error: failing at once beats retrying forever. Database
   * errors stay retryable.
   */
  async loadTenantPolicy({ tenantId, years }) {
    try {
      const settings = await tenantSettings.find(tenantId);
      return resolveTenantPolicy({ tenantId, settings, years });
    } catch (error) {
      if (error instanceof InvalidTenantSettings) {
        throw ApplicationFailure.nonRetryable(error.message, 'InvalidTenantSettings', {
          tenantId,
          issues: error.issues,
        });
      }
      if (error instanceof UnknownHolidayRegion) {
        throw ApplicationFailure.nonRetryable(
          `tenant ${tenantId} has invalid settings: ${error.message}`,
          'InvalidTenantSettings',
        );
      }
      if (error instanceof RangeError) {
        throw ApplicationFailure.nonRetryable(error.message, 'InvalidLoadTenantPolicyInput');
      }
      throw error;
    }
  },
});
