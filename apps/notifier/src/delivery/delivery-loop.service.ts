import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { backoffDelay, pause } from '@care/platform';
import { NOTIFIER_SETTINGS, RANDOM_SOURCE } from '../notifier-tokens';
import { NotifierMetrics } from '../notifier-metrics';
import type { NotifierSettings } from '../notifier-settings';
import { SecretCipher, secretOwner, signWebhook } from '@care/webhooks';
import { decideNextStep } from './decide-next-step';
import { DeliveryQueue, type ClaimedDelivery } from './delivery-queue';
import { DeliveryWakeups } from './delivery-wakeups';
import type { RandomSource } from './retry-delay';
import type { SendOutcome } from './send-outcome';
import { WebhookSender } from './webhook-sender';

const RETRY_BASE_MS = 500;
const RETRY_MAX_MS = 30_000;
/** How long shutdown lets requests in flight finish before cutting them short. */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Sends due deliveries, at most NOTIFIER_CONCURRENCY at once. Claims them under a lease, so
 * every notifier instance may run this side by side and a dead one's work is taken over when
 * its leases run out. Deliveries are sent as they fall due: neither one subscription's nor one
 * episode's events are kept in order (each carries its stream `sequence` for receivers that
 * need it).
 */
@Injectable()
export class DeliveryLoop implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryLoop.name);
  private readonly stopping = new AbortController();
  /** Cuts requests still in flight once the shutdown grace is over. */
  private readonly cutting = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private loop?: Promise<void>;
  private woken = false;
  private ring?: () => void;

  constructor(
    @Inject(NOTIFIER_SETTINGS) private readonly settings: NotifierSettings,
    @Inject(RANDOM_SOURCE) private readonly random: RandomSource,
    private readonly queue: DeliveryQueue,
    private readonly sender: WebhookSender,
    private readonly cipher: SecretCipher,
    private readonly metrics: NotifierMetrics,
    private readonly wakeups: DeliveryWakeups,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.concurrency === 0) return;
    this.wakeups.start(() => this.wake());
    this.loop = this.run();
  }

  /** Before the database pool closes, so outcomes in flight can still be recorded. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    this.ring?.();
    await this.loop;
    const graceOver = setTimeout(() => this.cutting.abort(), SHUTDOWN_GRACE_MS);
    await Promise.allSettled(this.inFlight);
    clearTimeout(graceOver);
    await this.wakeups.stop();
    this.sender.close();
  }

  private wake(): void {
    this.woken = true;
    this.ring?.();
  }

  private async run(): Promise<void> {
    const { concurrency, leaseMs, pollIntervalMs } = this.settings;
    // While requests are in flight, claim only once a quarter of the slots are free: one
    // claim per delivery would double the round trips to the database.
    const batch = Math.ceil(concurrency / 4);
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      const free = concurrency - this.inFlight.size;
      const claiming = free >= batch || this.inFlight.size === 0;
      this.woken = false;
      try {
        const claimed = claiming ? await this.queue.claim(free, leaseMs) : [];
        failures = 0;
        for (const delivery of claimed) this.start(delivery);
        if (claiming && (claimed.length === free || this.woken)) continue;
        await Promise.race([
          pause(pollIntervalMs, this.stopping.signal),
          new Promise<void>((resolve) => (this.ring = resolve)),
          ...this.inFlight,
        ]);
      } catch (error) {
        failures += 1;
        const delay = backoffDelay(failures, RETRY_BASE_MS, RETRY_MAX_MS);
        this.logger.warn(`cannot claim deliveries (${failures} in a row): ${String(error)}`);
        await pause(delay, this.stopping.signal);
      }
    }
  }

  private start(delivery: ClaimedDelivery): void {
    const running: Promise<void> = this.deliver(delivery)
      .catch((error: unknown) =>
        // Its lease running out makes the delivery claimable again.
        this.logger.warn(`cannot record the outcome of delivery ${delivery.id}: ${String(error)}`),
      )
      .finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    const { maxAttempts } = this.settings;
    if (delivery.attempts > maxAttempts) {
      // Its last attempt's holder stopped before recording the outcome.
      const marked = await this.queue.markDead(
        delivery,
        { error: 'the last attempt ended with its notifier, before its outcome was known' },
        maxAttempts,
      );
      if (marked) this.metrics.recordDead();
      return;
    }
    const outcome = await this.attempt(delivery);
    if (outcome.kind === 'failed' && this.cutting.signal.aborted) {
      await this.queue.release(delivery, 'the notifier stopped during the attempt');
      return;
    }
    this.metrics.recordAttempt(outcome);
    const next = decideNextStep(outcome, delivery.attempts, this.settings, this.random);
    const record = outcome.kind === 'failed' ? outcome : { statusCode: outcome.statusCode };
    switch (next.kind) {
      case 'delivered':
        if (await this.queue.markDelivered(delivery, outcome.statusCode ?? 0)) {
          this.metrics.recordDelivered(delivery.eventTime);
        }
        return;
      case 'retry':
        await this.queue.retryLater(delivery, record, next.delayMs);
        return;
      case 'dead':
        if (await this.queue.markDead(delivery, record, delivery.attempts)) {
          this.metrics.recordDead();
          this.logger.warn(
            `delivery ${delivery.id} of ${delivery.eventType} is dead after ${delivery.attempts} attempts: ${record.statusCode ?? ''} ${outcome.kind === 'failed' ? outcome.error : ''}`,
          );
        }
        return;
    }
  }

  private async attempt(delivery: ClaimedDelivery): Promise<SendOutcome> {
    let secrets: string[];
    try {
      const owner = secretOwner(delivery.tenantId, delivery.subscriptionId);
      secrets = delivery.secrets.map((secret) => this.cipher.decrypt(secret, owner));
    } catch (error) {
      return {
        kind: 'failed',
        failure: 'secret-unavailable',
        error: `cannot decrypt the signing secret: ${(error as Error).message}`,
        durationMs: 0,
      };
    }
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    return this.sender.send(
      {
        url: delivery.url,
        body,
        headers: signWebhook(delivery.eventId, timestamp, body, secrets),
      },
      this.cutting.signal,
    );
  }
}
