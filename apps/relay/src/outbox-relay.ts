import { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { OutboxMessage, OutboxStore } from '@care/event-store';
import type { EventPublisher } from '@care/messaging';
import { backoffDelay, pause } from '@care/platform';
import type { RelayMetrics } from './relay-metrics';
import { toOutgoingMessage } from './to-outgoing-message';

/** Another topic fed from the outbox batches, such as the de-identified analytics stream. */
export interface DerivedStream {
  /** Publishes what the batch yields; resolves once the broker has acknowledged it. */
  publishFor(batch: readonly OutboxMessage[]): Promise<void>;
}

export interface OutboxRelayOptions {
  outbox: OutboxStore;
  publisher: EventPublisher;
  batchSize: number;
  pollIntervalMs: number;
  metrics?: RelayMetrics;
  /** Published before each batch, so its rows count as sent only once both streams have it. */
  derivedStreams?: readonly DerivedStream[];
}

/**
 * Moves outbox rows to the event bus in commit order. A row is marked sent only after the broker
 * acknowledged it; a crash in between republishes, and consumers dedupe by event id.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);

  constructor(private readonly options: OutboxRelayOptions) {}

  /** Publishes one batch; returns how many rows it moved. */
  async relayBatch(): Promise<number> {
    const { outbox, publisher, batchSize, metrics } = this.options;
    const started = performance.now();
    const batch = await outbox.fetchUnsent(batchSize);
    if (batch.length === 0) return 0;
    try {
      for (const stream of this.options.derivedStreams ?? []) await stream.publishFor(batch);
      await publisher.publish(batch.map(toOutgoingMessage));
    } catch (error) {
      metrics?.recordPublishFailure();
      throw error;
    }
    metrics?.recordPublished(batch.length);
    await outbox.markSent(batch.map((message) => message.event.globalPosition));
    metrics?.recordBatchDuration((performance.now() - started) / 1000);
    return batch.length;
  }

  /**
   * Relays until `signal` aborts, checking it before every batch. While the broker or the
   * database fails it retries the same rows with growing pauses, so no row is ever skipped.
   */
  async run(signal: AbortSignal): Promise<void> {
    const { batchSize, pollIntervalMs } = this.options;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const moved = await this.relayBatch();
        if (failures > 0) this.logger.log(`relaying again after ${failures} failed attempt(s)`);
        failures = 0;
        if (moved < batchSize) await pause(pollIntervalMs, signal);
      } catch (error) {
        failures += 1;
        const delay = backoffDelay(failures, pollIntervalMs);
        this.logger.warn(
          `relay failed (${failures} in a row), retrying in ${delay} ms: ${String(error)}`,
        );
        await pause(delay, signal);
      }
    }
  }
}
