/**
 * A subscriber process that dies (SIGKILL) inside the transaction of the first run it
 * applies, after its handler has written the run's effects and before the commit: a consumer
 * crashing mid-run. Prints `APPLYING <events>` first. Run by kafka-event-subscriber.int.spec.ts
 * in a process of its own, not by Jest.
 */
import 'reflect-metadata';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import { KafkaEventPublisher } from '../kafka-event-publisher';
import { KafkaEventSubscriber } from '../kafka-event-subscriber';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function main(): Promise<void> {
  const config = loadConfig();
  const topic = required('CRASH_TOPIC');
  const group = required('CRASH_GROUP');
  const effects = required('CRASH_EFFECTS_TABLE');
  const dataSource = await createDataSource({
    url: config.DATABASE_URL,
    poolSize: 2,
    applicationName: 'crashing-subscriber',
  }).initialize();
  const subscriber = new KafkaEventSubscriber({
    brokers: config.KAFKA_BROKERS,
    clientId: 'crashing-subscriber',
    dataSource,
    deadLetters: new KafkaEventPublisher({
      brokers: config.KAFKA_BROKERS,
      clientId: 'crashing-subscriber',
    }),
    maxAttempts: 3,
    deadLetterTopic: required('CRASH_DEAD_LETTER_TOPIC'),
    consumerTimings: { sessionTimeout: 6000, heartbeatInterval: 300, maxWaitTimeInMs: 100 },
  });
  await subscriber.subscribe({
    consumer: group,
    topics: [topic],
    fromBeginning: true,
    handleRun: async (events, tx) => {
      for (const event of events) {
        await tx.query(
          `INSERT INTO ${effects} (consumer, event_id, n, key) VALUES ($1, $2, $3, $4)`,
          [group, event.id, event.data.n, event.key],
        );
      }
      process.stdout.write(`APPLYING ${events.length}\n`);
      process.kill(process.pid, 'SIGKILL');
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
