import { Module } from '@nestjs/common';
import { EventStoreModule } from '@care/event-store';
import { EVENT_PUBLISHER, KafkaEventPublisher } from '@care/messaging';
import { APP_CONFIG, ConfigModule, LoggingModule, type AppConfig } from '@care/platform';
import { OutboxRelayService } from './outbox-relay.service';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('relay'),
    EventStoreModule.forRoot({ applicationName: 'care-relay' }),
  ],
  providers: [
    {
      provide: EVENT_PUBLISHER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new KafkaEventPublisher({
          brokers: config.KAFKA_BROKERS,
          clientId: `${config.KAFKA_CLIENT_ID}-relay`,
        }),
    },
    OutboxRelayService,
  ],
})
export class RelayModule {}
