import { createDataSource } from '@care/event-store';
import { assertTopicsExist } from '@care/messaging';
import type { AppConfig } from '@care/platform';
import {
  assertGroupStopped,
  moveGroupOffsets,
  type OffsetPosition,
  type PartitionOffset,
} from './group-offsets';

export type RebuildConfig = Pick<
  AppConfig,
  | 'DATABASE_OWNER_URL'
  | 'KAFKA_BROKERS'
  | 'KAFKA_CLIENT_ID'
  | 'REPORTER_TOPIC'
  | 'REPORTER_CONSUMER_GROUP'
>;

export const REPORTING_TABLES = [
  'report_episodes',
  'report_handoffs',
  'report_stage_durations',
  'report_readmissions',
  'report_ed_revisits',
  'report_needs',
  'report_interventions',
] as const;

export interface RebuildOptions {
  /** Only this tenant's rows; by default every tenant's. */
  tenantId?: string;
  /**
   * Where the consumer group starts again: at the start of the topic (it re-reads all it
   * keeps), or at its end, to read what a replay from the event store publishes next.
   */
  readFrom: OffsetPosition;
}

export interface RebuildSummary {
  deletedRows: Record<(typeof REPORTING_TABLES)[number] | 'inbox', number>;
  offsets: PartitionOffset[];
}

/**
 * Empties the reporting tables (of one tenant, or all) and the consumer group's inbox rows, as
 * the schema owner and in one transaction, then moves the group's offsets. The reporter must
 * be stopped; once started again it builds the tables anew from what it reads. Scoped to one
 * tenant, the other tenants' events are applied again too, which leaves their rows as they
 * were: every update is idempotent.
 */
export async function rebuildReporter(
  options: RebuildOptions,
  config: RebuildConfig,
): Promise<RebuildSummary> {
  const group = config.REPORTER_CONSUMER_GROUP;
  const connection = {
    brokers: config.KAFKA_BROKERS,
    clientId: `${config.KAFKA_CLIENT_ID}-reporter-rebuild`,
  };
  await assertTopicsExist(connection, [config.REPORTER_TOPIC]);
  await assertGroupStopped(connection, group);
  const owner = await createDataSource({
    url: config.DATABASE_OWNER_URL,
    poolSize: 1,
    applicationName: 'care-reporter-rebuild',
  }).initialize();
  let deletedRows: RebuildSummary['deletedRows'];
  try {
    deletedRows = await owner.transaction(async (tx) => {
      const deleted: Partial<RebuildSummary['deletedRows']> = {};
      for (const table of REPORTING_TABLES) {
        const [, count] = await tx.query<[unknown[], number]>(
          `DELETE FROM ${table} WHERE $1::text IS NULL OR tenant_id = $1`,
          [options.tenantId ?? null],
        );
        deleted[table] = count;
      }
      const [, inbox] = await tx.query<[unknown[], number]>(
        `DELETE FROM inbox WHERE consumer = $1`,
        [group],
      );
      return { ...deleted, inbox } as RebuildSummary['deletedRows'];
    });
  } finally {
    await owner.destroy();
  }
  const offsets = await moveGroupOffsets(
    connection,
    group,
    config.REPORTER_TOPIC,
    options.readFrom,
  );
  return { deletedRows, offsets };
}
