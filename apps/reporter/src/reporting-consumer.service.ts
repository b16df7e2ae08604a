import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_PUBLISHER, type EventPublisher } from '@care/messaging';
import { backoffDelay, pause } from '@care/platform';
import { AnalyticsConsumer } from './consumer/analytics-consumer';
import { reportingChanges } from './reporting/reporting-changes';
import { writeReportingChanges } from './reporting/write-reporting-changes';
import { REPORTER_SETTINGS, type ReporterSettings } from './reporter-settings';

const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * The reporter's consumer group on the analytics stream: each event, once per event id
 * (inbox), updates the reporting tables. A group without committed offsets starts at the
 * beginning of the topic, which is kept for good. Joins in the background, retrying while Kafka
 * or the topic is not there yet; ready once it has joined.
 */
@Injectable()
export class ReportingConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReportingConsumer.name);
  private readonly stopping = new AbortController();
  private joining?: Promise<void>;
  private joined = false;

  constructor(
    @Inject(REPORTER_SETTINGS) private readonly settings: ReporterSettings,
    private readonly consumer: AnalyticsConsumer,
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
    await this.consumer.close();
    await this.deadLetters.close();
    this.joined = false;
  }

  private async join(): Promise<void> {
    const { consumerGroup, topic } = this.settings;
    for (let failures = 1; !this.stopping.signal.aborted; failures += 1) {
      try {
        await this.consumer.subscribe({
          consumer: consumerGroup,
          topic,
          fromBeginning: true,
          handle: (event, tx) => writeReportingChanges(tx, reportingChanges(event)),
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
