import {
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { backoffDelay, pause } from '@care/platform';
import type { EventPublisher } from './event-publisher';
import type { EventSubscriber, IdentifiedEvent, Subscription } from './event-subscriber';

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * An app's place in its consumer group: joins the subscription in the background once the app
 * has started, retrying while Kafka or the topic is not there yet, and leaves before the
 * database pool closes, so an event being applied commits or rolls back first.
 */
export class ConsumerGroupMembership<Event extends IdentifiedEvent>
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(ConsumerGroupMembership.name);
  private readonly stopping = new AbortController();
  private joining?: Promise<void>;
  private joined = false;

  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly deadLetters: EventPublisher,
    private readonly subscription: Subscription<Event>,
  ) {}

  /** Readiness: the group has been joined. */
  get isConsuming(): boolean {
    return this.joined;
  }

  onApplicationBootstrap(): void {
    this.joining = this.join();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.joining;
    await this.subscriber.close();
    await this.deadLetters.close();
    this.joined = false;
  }

  private async join(): Promise<void> {
    const { consumer, topics } = this.subscription;
    for (let failures = 1; !this.stopping.signal.aborted; failures += 1) {
      try {
        await this.subscriber.subscribe(this.subscription);
        this.joined = true;
        this.logger.log(`consuming ${topics.join(', ')} as ${consumer}`);
        return;
      } catch (error) {
        const delay = backoffDelay(failures, RETRY_BASE_MS, RETRY_MAX_MS);
        this.logger.warn(
          `cannot consume ${topics.join(', ')} yet, again in ${delay} ms: ${String(error)}`,
        );
        await pause(delay, this.stopping.signal);
      }
    }
  }
}
