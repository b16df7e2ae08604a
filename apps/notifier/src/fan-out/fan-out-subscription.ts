import type { Subscription } from '@care/messaging';
import type { NotifierSettings } from '../notifier-settings';
import { recordDeliveries } from './record-deliveries';

/**
 * The notifier's consumer group on the episode topic: each event, once per event id (inbox),
 * becomes deliveries to the subscriptions that want it, a run of events per transaction.
 */
export const fanOutSubscription = (
  settings: Pick<NotifierSettings, 'consumerGroup' | 'topic'>,
): Subscription => ({
  consumer: settings.consumerGroup,
  topics: [settings.topic],
  handleRun: (events, tx) => recordDeliveries(events, tx),
});
