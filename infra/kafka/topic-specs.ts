import { topics } from '../../libs/contracts/src/topics';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface TopicSpec {
  topic: string;
  partitions: number;
  /** Why the topic is set up this way; printed by the topic tool. */
  purpose: string;
  config: Record<string, string>;
}

/**
 * The engine's topics. Episode events are keyed by episode id, so one episode's events stay
 * in one partition and in order. The event store is the system of record: the retention
 * bounds what a consumer can re-read from Kafka; anything older is replayed from the store.
 */
export const topicSpecs: TopicSpec[] = [
  {
    topic: topics.episodes,
    partitions: 6,
    purpose: 'operational episode events (CloudEvents), keyed by episode id',
    config: {
      'cleanup.policy': 'delete',
      'retention.ms': String(30 * DAY_MS),
      'min.insync.replicas': '1',
      'message.timestamp.type': 'CreateTime',
      'max.message.bytes': String(1024 * 1024),
    },
  },
  {
    topic: topics.episodeAnalytics,
    partitions: 6,
    purpose:
      'de-identified episode events for analysts (HIPAA Safe Harbor), keyed by pseudonymous episode key',
    // Kept for good: analysts rebuild from this stream alone, and it holds no PHI. Records carry
    // 1 January of the discharge year as their timestamp (no date), so time-based retention
    // would delete them at once.
    config: {
      'cleanup.policy': 'delete',
      'retention.ms': '-1',
      'min.insync.replicas': '1',
      'message.timestamp.type': 'CreateTime',
      'max.message.bytes': String(1024 * 1024),
    },
  },
  {
    topic: topics.deadLetter,
    partitions: 6,
    purpose: 'messages consumers gave up on, as received, with dead-letter headers giving why',
    config: {
      'cleanup.policy': 'delete',
      'retention.ms': String(30 * DAY_MS),
      'min.insync.replicas': '1',
      'message.timestamp.type': 'CreateTime',
      // Room for an episode message at its limit plus the dead-letter headers.
      'max.message.bytes': String(2 * 1024 * 1024),
    },
  },
];
