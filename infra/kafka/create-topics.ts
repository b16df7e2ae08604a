import { loadConfig } from '@care/platform';
import { ensureTopics } from './ensure-topics';
import { topicSpecs } from './topic-specs';

const config = loadConfig();

ensureTopics(topicSpecs, {
  brokers: config.KAFKA_BROKERS,
  clientId: config.KAFKA_CLIENT_ID,
  replicationFactor: config.KAFKA_REPLICATION_FACTOR,
})
  .then((created) => {
    for (const spec of topicSpecs) {
      const state = created.includes(spec.topic) ? 'created' : 'exists';
      console.log(
        `[topics] ${spec.topic} (${state}): ${spec.partitions} partitions, ${spec.purpose}`,
      );
    }
  })
  .catch((error: unknown) => {
    console.error('[topics] failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
