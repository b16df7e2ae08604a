import { createDataSource, LOG_START, PostgresEventStore } from '@care/event-store';
import { assertTopicsExist } from '@care/messaging';
import type { AppConfig } from '@care/platform';
import { pagePublisherFor } from './page-publishers';
import type { ReplayArguments } from './replay-arguments';

export type ReplayConfig = Pick<
  AppConfig,
  'RELAY_DATABASE_URL' | 'KAFKA_BROKERS' | 'KAFKA_CLIENT_ID' | 'RELAY_BATCH_SIZE'
>;

export interface ReplayProgress {
  published: number;
  /** Global position of the last event re-published, if any was. */
  lastPosition?: string;
}

/**
 * Re-publishes the global log from a global position on, in the relay's order and as the
 * relay's messages (keyed by stream id), one acknowledged page at a time; to the analytics
 * topic, the analytics events the relay derives from them. Consumers dedupe by
 * event id, so an event they have already applied has no effect. Ends at the readable end of
 * the log: a transaction still running holds back those that committed after it started.
 */
export async function replayEvents(
  args: ReplayArguments,
  config: ReplayConfig,
  onPage: (progress: ReplayProgress) => void = () => undefined,
): Promise<ReplayProgress> {
  const connection = {
    brokers: config.KAFKA_BROKERS,
    clientId: `${config.KAFKA_CLIENT_ID}-replay`,
  };
  await assertTopicsExist(connection, [args.topic]);
  const dataSource = await createDataSource({
    url: config.RELAY_DATABASE_URL,
    poolSize: 1,
    applicationName: 'care-events-replay',
  }).initialize();
  const publisher = pagePublisherFor(args.topic, dataSource, connection);
  try {
    const store = new PostgresEventStore(dataSource);
    const progress: ReplayProgress = { published: 0 };
    for (let after = LOG_START; ;) {
      const page = await store.readLog({
        after,
        limit: config.RELAY_BATCH_SIZE,
        fromGlobalPosition: args.from,
        types: args.type ? [args.type] : undefined,
      });
      if (page.events.length > 0) {
        await publisher.publish(page.events);
        progress.published += page.events.length;
        progress.lastPosition = page.next.globalPosition;
        onPage({ ...progress });
      }
      if (page.events.length < config.RELAY_BATCH_SIZE) return progress;
      after = page.next;
    }
  } finally {
    await publisher.close();
    await dataSource.destroy();
  }
}
