import type { FactoryProvider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { EVENT_PUBLISHER, type EventPublisher } from '../event-publisher';
import { KafkaEventPublisher } from './kafka-event-publisher';

/** An app's Kafka publisher, its client id the configured one suffixed with the app's name. */
export const eventPublisherProvider = (app: string): FactoryProvider<EventPublisher> => ({
  provide: EVENT_PUBLISHER,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) =>
    new KafkaEventPublisher({
      brokers: config.KAFKA_BROKERS,
      clientId: `${config.KAFKA_CLIENT_ID}-${app}`,
    }),
});
