import { Logger } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the scrape-time gauges read. */
export interface RelayMetricsSources {
  oldestUnsentAgeSeconds(): Promise<number>;
  isLeader(): boolean;
}

/** The relay's Prometheus metrics and the process defaults, in a registry of their own. */
export class RelayMetrics {
  readonly registry = new Registry();
  private readonly logger = new Logger(RelayMetrics.name);
  private readonly published: Counter;
  private readonly publishFailures: Counter;
  private readonly batchDuration: Histogram;

  constructor(sources: RelayMetricsSources) {
    const registers = [this.registry];
    const logger = this.logger;
    collectDefaultMetrics({ register: this.registry });
    this.published = new Counter({
      name: 'care_relay_published_events_total',
      help: 'Outbox events the broker acknowledged (a republished event counts again).',
      registers,
    });
    this.publishFailures = new Counter({
      name: 'care_relay_publish_failures_total',
      help: 'Batches the broker did not acknowledge; each is retried.',
      registers,
    });
    this.batchDuration = new Histogram({
      name: 'care_relay_batch_duration_seconds',
      help: 'Time to fetch, publish and mark sent one non-empty batch.',
      registers,
    });
    new Gauge({
      name: 'care_relay_leader',
      help: '1 while this relay holds the leader lock and publishes, 0 while it stands by.',
      registers,
      collect() {
        this.set(sources.isLeader() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'care_outbox_oldest_unsent_age_seconds',
      help: 'Age of the next outbox row to publish, in commit order; 0 when all are sent.',
      registers,
      async collect() {
        try {
          this.set(await sources.oldestUnsentAgeSeconds());
        } catch (error) {
          // Unknown rather than a stale or zero age; the rest of the scrape still answers.
          logger.warn(`cannot read the outbox age: ${String(error)}`);
          this.set(Number.NaN);
        }
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  recordPublished(events: number): void {
    this.published.inc(events);
  }

  recordPublishFailure(): void {
    this.publishFailures.inc();
  }

  recordBatchDuration(seconds: number): void {
    this.batchDuration.observe(seconds);
  }
}
