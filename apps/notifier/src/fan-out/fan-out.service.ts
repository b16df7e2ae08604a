import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  EVENT_PUBLISHER,
  EVENT_SUBSCRIBER,
  type EventPublisher,
  type EventSubscriber,
} from '@care/messaging';
import { backoffDelay, pause } from '@care/platform';
import { NOTIFIER_SETTINGS } from '../notifier-tokens';
import type { NotifierSettings } from '../notifier-settings';
import { recordDeliveries } from './record-deliveries';

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * The notifier's consumer group on the episode topic: each event, once per event id (inbox),
 * becomes deliveries to the subscriptions that want it. Joins in the background, retrying
 * while Kafka or the topic is not there yet; ready once it has joined.
 */
@Injectable()
export class FanOutService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FanOutService.name);
  private readonly stopping = new AbortController();
  private joining?: Promise<void>;
  private joined = false;

  constructor(
    @Inject(NOTIFIER_SETTINGS) private readonly settings: NotifierSettings,
    @Inject(EVENT_SUBSCRIBER) private readonly subscriber: EventSubscriber,
    @Inject(EVENT_PUBLISHER) private readonly deadLetters: EventPublisher,
  ) {}

  get isConsuming(): boolean {
    return this.joined;
  }

  onApplicationBootstrap(): void {
    this.joining = this.join();
  }

  /** Before the database pool closes: an event being applied commits or rolls back first. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.joining;
    await this.subscriber.close();
    await this.deadLetters.close();
    this.joined = false;
  }

  private async join(): Promise<void> {
    const { consumerGroup, topic } = this.settings;
    for (let failures = 1; !this.stopping.signal.aborted; failures += 1) {
      try {
        await this.subscriber.subscribe({
          consumer: consumerGroup,
          topics: [topic],
          handle: async (event, tx) => {
            await recordDeliveries(event, tx);
          },
        });
        this.joined = true;
        this.logger.log(`consuming ${topic} as ${consumerGroup}`);
        return;
      } catch (error) {
        const delay = backoffDelay(failures, RETRY_BASE_MS, RETRY_MAX_MS);
        this.logger.warn(`cannot consume ${topic} yet, again in ${delay} ms: ${String(error)}`);
        await pause(delay, this.stopping.signal);
      }
    }
  }
}
