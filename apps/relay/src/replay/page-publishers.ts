import { topics } from '@care/contracts';
import type { RecordedEvent } from '@care/event-store';
import { KafkaEventPublisher, type KafkaConnectionOptions } from '@care/messaging';
import type { DataSource } from 'typeorm';
import { createAnalyticsStream } from '../analytics/analytics-stream.provider';
import { toOutgoingMessage } from '../to-outgoing-message';

/** Publishes pages of the global log to one topic; resolves once the broker has them. */
export interface PagePublisher {
  publish(page: readonly RecordedEvent[]): Promise<void>;
  close(): Promise<void>;
}

/** Each event as the relay publishes it to the episode topic, keyed by stream id. */
function eventPages(connection: KafkaConnectionOptions, topic: string): PagePublisher {
  const publisher = new KafkaEventPublisher(connection);
  return {
    publish: (page) =>
      publisher.publish(
        page.map((event) => toOutgoingMessage({ topic, key: event.streamId, event })),
      ),
    close: () => publisher.close(),
  };
}

/**
 * The de-identified analytics events the relay derives from the episode events, with the same
 * ids, keys and record timestamps, so consumers dedupe what they had. Events analysts do not
 * get, and events of other streams, publish nothing.
 */
function analyticsPages(dataSource: DataSource, connection: KafkaConnectionOptions): PagePublisher {
  const publisher = new KafkaEventPublisher(connection);
  const stream = createAnalyticsStream(dataSource, publisher);
  return {
    publish: (page) =>
      stream.publishFor(
        page.map((event) => ({ topic: topics.episodes, key: event.streamId, event })),
      ),
    close: () => publisher.close(),
  };
}

/** The analytics topic gets the analytics events derived from the log; any other, the log. */
export const pagePublisherFor = (
  topic: string,
  dataSource: DataSource,
  connection: KafkaConnectionOptions,
): PagePublisher =>
  topic === topics.episodeAnalytics
    ? analyticsPages(dataSource, connection)
    : eventPages(connection, topic);
