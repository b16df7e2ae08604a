import { ChannelListener } from '@care/event-store';
import { DELIVERIES_CHANNEL } from '@care/webhooks';

/**
 * Calls `onWake` for each notification on the deliveries channel, and whenever listening
 * (re)starts since anything sent meanwhile was missed. Waking is an optimisation: the delivery
 * loop also polls, so a missed notification only delays a delivery until the next poll.
 */
export class DeliveryWakeups {
  private readonly listener: ChannelListener;

  constructor(connectionString: string) {
    this.listener = new ChannelListener({
      connectionString,
      channel: DELIVERIES_CHANNEL,
      applicationName: 'care-notifier-wakeups',
    });
  }

  start(onWake: () => void): void {
    this.listener.start({ onNotification: onWake, onListening: onWake });
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }
}
