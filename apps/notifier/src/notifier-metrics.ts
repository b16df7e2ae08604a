import { Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BacklogRow } from './delivery/delivery-queue';
import type { SendOutcome } from './delivery/send-outcome';

export interface NotifierMetricsSources {
  backlog(): Promise<BacklogRow[]>;
}

const BACKLOG_STATUSES = ['pending', 'delivering', 'dead'] as const;

/**
 * The notifier's Prometheus metrics and the process defaults, in a registry of their own. No
 * label carries a tenant, so the endpoint needs no token (it stays internal, like the worker's).
 */
export class NotifierMetrics {
  readonly registry = new Registry();
  private readonly logger = new Logger(NotifierMetrics.name);
  private readonly attempts: Counter<'outcome'>;
  private readonly dead: Counter;
  private readonly pruned: Counter;
  private readonly attemptDuration: Histogram;
  private readonly eventToDelivery: Histogram;

  constructor(sources: NotifierMetricsSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.attempts = new Counter({
      name: 'care_notifier_delivery_attempts_total',
      help: 'Webhook requests by outcome: delivered (2xx), or why the attempt failed.',
      labelNames: ['outcome'],
      registers,
    });
    this.dead = new Counter({
      name: 'care_notifier_deliveries_dead_total',
      help: 'Deliveries given up on after their last attempt (redeliverable through the api).',
      registers,
    });
    this.pruned = new Counter({
      name: 'care_notifier_deliveries_pruned_total',
      help: 'Delivered webhooks deleted once past NOTIFIER_DELIVERED_RETENTION_DAYS.',
      registers,
    });
    this.attemptDuration = new Histogram({
      name: 'care_notifier_delivery_duration_seconds',
      help: 'One webhook request, from connecting to the status of its answer.',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.eventToDelivery = new Histogram({
      name: 'care_notifier_event_to_delivery_seconds',
      help: 'From the event being recorded to its webhook being delivered, retries included.',
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 4 * 3600, 24 * 3600],
      registers,
    });
    const logger = this.logger;
    let backlog: Promise<BacklogRow[] | undefined> | undefined;
    // Both gauges read one query per scrape.
    const readBacklog = () => {
      backlog ??= sources
        .backlog()
        .catch((error: unknown) => {
          logger.warn(`cannot read the delivery backlog: ${String(error)}`);
          return undefined;
        })
        .finally(() => setImmediate(() => (backlog = undefined)));
      return backlog;
    };
    new Gauge({
      name: 'care_notifier_deliveries',
      help: 'Deliveries not yet delivered, by status, across tenants (this notifier and others).',
      labelNames: ['status'],
      registers,
      async collect() {
        const rows = await readBacklog();
        for (const status of BACKLOG_STATUSES) {
          const row = rows?.find((candidate) => candidate.status === status);
          this.set({ status }, rows ? (row?.deliveries ?? 0) : Number.NaN);
        }
      },
    });
    new Gauge({
      name: 'care_notifier_oldest_due_delivery_age_seconds',
      help: 'How long the longest-waiting due delivery has been due; 0 when none waits.',
      registers,
      async collect() {
        const rows = await readBacklog();
        const pending = rows?.find((row) => row.status === 'pending');
        this.set(rows ? (pending?.oldestDueSeconds ?? 0) : Number.NaN);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  recordAttempt(outcome: SendOutcome): void {
    const label = outcome.kind === 'delivered' ? 'delivered' : outcome.failure;
    this.attempts.inc({ outcome: label });
    // Those two never reached the network.
    if (label !== 'secret-unavailable' && label !== 'refused-target') {
      this.attemptDuration.observe(outcome.durationMs / 1000);
    }
  }

  recordDelivered(eventTime: Date, now = new Date()): void {
    this.eventToDelivery.observe(Math.max(0, now.getTime() - eventTime.getTime()) / 1000);
  }

  recordDead(): void {
    this.dead.inc();
  }

  recordPruned(deliveries: number): void {
    this.pruned.inc(deliveries);
  }
}
