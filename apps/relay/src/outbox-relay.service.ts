import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { OutboxStore } from '@care/event-store';
import { EVENT_PUBLISHER, type EventPublisher } from '@care/messaging';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { toOutgoingMessage } from './to-outgoing-message';

const MAX_BACKOFF_MS = 30_000;

/**
 * Moves outbox rows to Kafka in commit order. A row is marked sent only after the broker
 * acknowledged it; a crash in between republishes, and consumers dedupe by event id.
 */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelayService.name);
  private readonly stop = new AbortController();
  private loop?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxStore,
    @Inject(EVENT_PUBLISHER) private readonly publisher: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.loop;
    await this.publisher.close();
  }

  /** Publishes one batch; returns how many rows it moved. */
  async relayBatch(): Promise<number> {
    const batch = await this.outbox.fetchUnsent(this.config.RELAY_BATCH_SIZE);
    if (batch.length === 0) return 0;
    await this.publisher.publish(batch.map(toOutgoingMessage));
    await this.outbox.markSent(batch.map((message) => message.event.globalPosition));
    return batch.length;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stop.signal.aborted) {
      try {
        const moved = await this.relayBatch();
        if (failures > 0) this.logger.log(`publishing again after ${failures} failure(s)`);
        failures = 0;
        if (moved < this.config.RELAY_BATCH_SIZE)
          await this.pause(this.config.RELAY_POLL_INTERVAL_MS);
      } catch (error) {
        failures += 1;
        const delay = Math.min(MAX_BACKOFF_MS, this.config.RELAY_POLL_INTERVAL_MS * 2 ** failures);
        this.logger.warn(
          `relay failed (${failures} in a row), retrying in ${delay} ms: ${String(error)}`,
        );
        await this.pause(delay);
      }
    }
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stop.signal }).catch(() => undefined);
  }
}
