import type { AppConfig } from '@care/platform';
import { targetPolicy, type TargetPolicy } from '@care/webhooks';
import type { RetryPolicy } from './delivery/retry-delay';

export interface NotifierSettings {
  topic: string;
  consumerGroup: string;
  /** Requests in flight at once; 0: this instance only records deliveries. */
  concurrency: number;
  /** Partitions fanned out at once: each holds a connection for its run's transaction. */
  fanOutConcurrency: number;
  maxAttempts: number;
  retry: RetryPolicy;
  requestTimeoutMs: number;
  leaseMs: number;
  pollIntervalMs: number;
  deliveredRetentionDays: number;
  targets: TargetPolicy;
}

/** The notifier's part of the configuration; throws when its values contradict each other. */
export function notifierSettings(config: AppConfig): NotifierSettings {
  // A lease shorter than a request would hand a delivery to a second notifier mid-request.
  if (config.NOTIFIER_LEASE_MS <= config.NOTIFIER_REQUEST_TIMEOUT_MS) {
    throw new Error(
      `NOTIFIER_LEASE_MS (${config.NOTIFIER_LEASE_MS}) must be longer than NOTIFIER_REQUEST_TIMEOUT_MS (${config.NOTIFIER_REQUEST_TIMEOUT_MS})`,
    );
  }
  if (config.NOTIFIER_RETRY_MAX_MS < config.NOTIFIER_RETRY_BASE_MS) {
    throw new Error(
      `NOTIFIER_RETRY_MAX_MS (${config.NOTIFIER_RETRY_MAX_MS}) must not be below NOTIFIER_RETRY_BASE_MS (${config.NOTIFIER_RETRY_BASE_MS})`,
    );
  }
  if (config.NOTIFIER_FAN_OUT_CONCURRENCY >= config.DATABASE_POOL_SIZE) {
    throw new Error(
      `NOTIFIER_FAN_OUT_CONCURRENCY (${config.NOTIFIER_FAN_OUT_CONCURRENCY}) must be below DATABASE_POOL_SIZE (${config.DATABASE_POOL_SIZE})`,
    );
  }
  return {
    topic: config.NOTIFIER_TOPIC,
    consumerGroup: config.NOTIFIER_CONSUMER_GROUP,
    concurrency: config.NOTIFIER_CONCURRENCY,
    fanOutConcurrency: config.NOTIFIER_FAN_OUT_CONCURRENCY,
    maxAttempts: config.NOTIFIER_MAX_ATTEMPTS,
    retry: { baseMs: config.NOTIFIER_RETRY_BASE_MS, maxMs: config.NOTIFIER_RETRY_MAX_MS },
    requestTimeoutMs: config.NOTIFIER_REQUEST_TIMEOUT_MS,
    leaseMs: config.NOTIFIER_LEASE_MS,
    pollIntervalMs: config.NOTIFIER_POLL_INTERVAL_MS,
    deliveredRetentionDays: config.NOTIFIER_DELIVERED_RETENTION_DAYS,
    targets: targetPolicy(config),
  };
}
