import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { pause } from '@care/platform';
import { NotifierMetrics } from '../notifier-metrics';
import type { NotifierSettings } from '../notifier-settings';
import { NOTIFIER_SETTINGS } from '../notifier-tokens';
import { DeliveryQueue } from './delivery-queue';

const PRUNE_EVERY_MS = 3_600_000;
/** Small enough that one delete holds its locks briefly. */
const PRUNE_BATCH = 1_000;

/**
 * Deletes delivered webhooks once they are older than the retention, at start and then
 * hourly. Every notifier instance may run it: batches skip rows another one is deleting.
 */
@Injectable()
export class DeliveryRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryRetention.name);
  private readonly stopping = new AbortController();
  private loop?: Promise<void>;

  constructor(
    @Inject(NOTIFIER_SETTINGS) private readonly settings: NotifierSettings,
    private readonly queue: DeliveryQueue,
    private readonly metrics: NotifierMetrics,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  /** Prunes batch after batch until none is left; says how many went. */
  async prune(): Promise<number> {
    let total = 0;
    for (;;) {
      if (this.stopping.signal.aborted) return total;
      const pruned = await this.queue.pruneDelivered(
        this.settings.deliveredRetentionDays,
        PRUNE_BATCH,
      );
      total += pruned;
      this.metrics.recordPruned(pruned);
      if (pruned < PRUNE_BATCH) return total;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        const pruned = await this.prune();
        if (pruned > 0) this.logger.log(`deleted ${pruned} delivered webhook(s) past retention`);
      } catch (error) {
        this.logger.warn(`could not prune delivered webhooks: ${String(error)}`);
      }
      await pause(PRUNE_EVERY_MS, this.stopping.signal);
    }
  }
}
