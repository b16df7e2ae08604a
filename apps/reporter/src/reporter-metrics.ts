import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ConsumerObserver, MessageOutcome } from '@care/messaging';

/**
 * The reporter's Prometheus metrics and the process defaults, in a registry of their own. No
 * label carries a tenant, so the endpoint needs no token (it stays internal, like the worker's).
 */
export class ReporterMetrics implements ConsumerObserver {
  readonly registry = new Registry();
  private readonly events: Counter<'outcome'>;
  private readonly applyDuration: Histogram;
  private readonly consumerLag: Gauge<'topic' | 'partition'>;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.events = new Counter({
      name: 'care_reporter_events_total',
      help: 'Analytics events by outcome: applied, duplicate (already in the inbox), skipped (a type this reporter does not know) or dead-lettered.',
      labelNames: ['outcome'],
      registers,
    });
    this.applyDuration = new Histogram({
      name: 'care_reporter_event_duration_seconds',
      help: 'Reading one event and applying it to the reporting tables, its transaction included.',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'care_reporter_consumer_lag_messages',
      help: 'Messages of a partition not yet processed by this reporter, as of its last fetch.',
      labelNames: ['topic', 'partition'],
      registers,
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  processed(outcome: MessageOutcome, seconds: number): void {
    this.events.inc({ outcome });
    this.applyDuration.observe(seconds);
  }

  lag(topic: string, partition: number, messages: number): void {
    this.consumerLag.set({ topic, partition: String(partition) }, Math.max(messages, 0));
  }
}
