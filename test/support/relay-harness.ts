/**
 * A relay process for fault tests: the production leadership, outbox relay (with its analytics
 * stream) and Kafka publisher, with a publisher in between that SIGKILLs the process at a
 * chosen point of the batch that carries the Nth message batch for RELAY_FAULT_TOPIC. Prints
 * LEADING when it takes the leader lock. Run by RelayProcess, not by Jest.
 */
import 'reflect-metadata';
import { createDataSource, OutboxStore } from '@care/event-store';
import { KafkaEventPublisher, type EventPublisher, type OutgoingMessage } from '@care/messaging';
import { loadConfig } from '@care/platform';
import { createAnalyticsStream } from '../../apps/relay/src/analytics/analytics-stream.provider';
import { OutboxRelay } from '../../apps/relay/src/outbox-relay';
import { RelayLeadership } from '../../apps/relay/src/relay-leadership';
import { applyServerTestEnvironment } from '../server-environment';

export type RelayFault = 'none' | 'before-publish' | 'mid-batch' | 'after-publish';

const die = (): never => {
  process.kill(process.pid, 'SIGKILL');
  throw new Error('unreachable');
};

class FaultyPublisher implements EventPublisher {
  private batchesSeen = 0;

  constructor(
    private readonly inner: EventPublisher,
    private readonly fault: RelayFault,
    private readonly topic: string,
    private readonly onBatch: number,
  ) {}

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    const concerned = messages.some((message) => message.topic === this.topic);
    if (this.fault === 'none' || !concerned || ++this.batchesSeen < this.onBatch) {
      return this.inner.publish(messages);
    }
    switch (this.fault) {
      case 'before-publish':
        return die();
      case 'mid-batch': {
        // Cut inside the fault topic's share of the batch, so the test sees the cut.
        const ours = messages.flatMap((message, index) =>
          message.topic === this.topic ? [index] : [],
        );
        const cut = ours[Math.floor(ours.length / 2)] ?? 0;
        await this.inner.publish(messages.slice(0, cut + 1));
        return die();
      }
      case 'after-publish':
        await this.inner.publish(messages);
        return die();
    }
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

async function main(): Promise<void> {
  applyServerTestEnvironment();
  const config = loadConfig();
  const dataSource = await createDataSource({
    url: config.RELAY_DATABASE_URL,
    poolSize: 2,
    applicationName: 'relay-harness',
  }).initialize();
  const publisher = new FaultyPublisher(
    new KafkaEventPublisher({ brokers: config.KAFKA_BROKERS, clientId: 'relay-harness' }),
    (process.env.RELAY_FAULT ?? 'none') as RelayFault,
    process.env.RELAY_FAULT_TOPIC ?? '',
    Number(process.env.RELAY_FAULT_ON_BATCH ?? '1'),
  );
  const relay = new OutboxRelay({
    outbox: new OutboxStore(dataSource),
    publisher,
    batchSize: config.RELAY_BATCH_SIZE,
    pollIntervalMs: config.RELAY_POLL_INTERVAL_MS,
    derivedStreams: [createAnalyticsStream(dataSource, publisher)],
  });
  const leadership = new RelayLeadership({
    connectionString: config.RELAY_DATABASE_URL,
    applicationName: 'relay-harness-leader',
    standbyPollMs: config.RELAY_STANDBY_POLL_MS,
  });
  leadership.start((term) => {
    console.log('LEADING');
    return relay.run(term);
  });
  process.once('SIGTERM', () => {
    void leadership
      .stop()
      .then(() => publisher.close())
      .then(() => dataSource.destroy())
      .then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error('relay harness failed:', error);
  process.exit(1);
});
