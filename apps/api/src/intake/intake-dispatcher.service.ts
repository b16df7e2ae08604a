import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, backoffDelay, pause, type AppConfig } from '@care/platform';
import { Client } from '@temporalio/client';
import { IntakeQueue, type QueuedAction } from './intake-queue';
import { ProcessIntake } from './process-intake.use-case';

/** Long enough for a slow workflow update; a dead holder's actions are retried after it. */
const LEASE_MS = 120_000;
/** For actions queued by other instances; this instance's own enqueues wake it at once. */
const IDLE_POLL_MS = 500;
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 300_000;
/** How long shutdown waits for actions in flight to record their outcome. */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Applies queued feed messages to their episodes: up to INTAKE_DISPATCH_CONCURRENCY at once,
 * each patient's in arrival order. Safe to run in every api instance. What the episode rules
 * refuse stays in the queue marked refused; what fails for now is retried with backoff.
 */
@Injectable()
export class IntakeDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IntakeDispatcher.name);
  private readonly stop = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private loop?: Promise<void>;
  private ring?: () => void;
  private stopListening?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: IntakeQueue,
    private readonly intake: ProcessIntake,
    private readonly temporal: Client,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.INTAKE_DISPATCH_CONCURRENCY === 0) return;
    this.stopListening = this.queue.onEnqueued(() => this.ring?.());
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    this.stopListening?.();
    await this.loop;
    await Promise.race([
      Promise.allSettled(this.inFlight),
      new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref()),
    ]);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stop.signal.aborted) {
      const free = this.config.INTAKE_DISPATCH_CONCURRENCY - this.inFlight.size;
      try {
        const claimed = free > 0 ? await this.queue.claim(free, LEASE_MS) : [];
        failures = 0;
        for (const item of claimed) this.start(item);
        if (claimed.length === free && free > 0) continue;
        await Promise.race([
          pause(IDLE_POLL_MS, this.stop.signal),
          new Promise<void>((resolve) => (this.ring = resolve)),
          ...this.inFlight,
        ]);
      } catch (error) {
        failures += 1;
        const delay = backoffDelay(failures, RETRY_BASE_MS, RETRY_MAX_MS);
        this.logger.warn(`intake queue unavailable (${failures} in a row): ${String(error)}`);
        await pause(delay, this.stop.signal);
      }
    }
  }

  private start(item: QueuedAction): void {
    const running: Promise<void> = this.dispatch(item).finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  private async dispatch(item: QueuedAction): Promise<void> {
    try {
      // Shutdown cuts calls short: an update waiting for a busy or absent worker does not
      // hold the app open; the action is retried by whoever claims it next.
      const outcome = await this.temporal.withAbortSignal(this.stop.signal, () =>
        this.intake.apply(item.tenantId, item.patientId, item.action),
      );
      if (outcome.effect === 'refused') {
        this.logger.warn(`queued ${item.action.kind} ${item.position} refused: ${outcome.reason}`);
        await this.queue.refuse(item.position, outcome.reason);
      } else {
        await this.queue.complete(item.position);
      }
    } catch (error) {
      const delay = this.stop.signal.aborted
        ? 0
        : backoffDelay(item.attempts - 1, RETRY_BASE_MS, RETRY_MAX_MS);
      this.logger.warn(
        `queued ${item.action.kind} ${item.position} failed (attempt ${item.attempts}), again in ${delay} ms: ${String(error)}`,
      );
      // If even that fails, the lease running out makes the action claimable again.
      await this.queue
        .retryLater(item.position, String(error), delay)
        .catch((cause: unknown) => this.logger.warn(`could not reschedule: ${String(cause)}`));
    }
  }
}
