import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_PUBLISHER, type EventPublisher } from '@care/messaging';
import { OutboxRelay } from './outbox-relay';
import { RelayLeadership } from './relay-leadership';

/** Relays the outbox only while this instance leads; a standby just keeps campaigning. */
@Injectable()
export class LeaderRelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    private readonly leadership: RelayLeadership,
    private readonly relay: OutboxRelay,
    @Inject(EVENT_PUBLISHER) private readonly publisher: EventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.leadership.start((term) => this.relay.run(term));
  }

  /** Before the database pool closes, so the last batch can still be marked sent. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.leadership.stop();
    await this.publisher.close();
  }
}
