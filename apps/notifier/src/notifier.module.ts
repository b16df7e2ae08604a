import { Module, type DynamicModule } from '@nestjs/common';
import { DatabaseHealth, EventStoreModule } from '@care/event-store';
import {
  ConsumerGroupMembership,
  ConsumerHealthController,
  EVENT_PUBLISHER,
  EVENT_SUBSCRIBER,
  eventPublisherProvider,
  KafkaEventSubscriber,
  type EventPublisher,
  type EventSubscriber,
} from '@care/messaging';
import { APP_CONFIG, ConfigModule, LoggingModule, type AppConfig } from '@care/platform';
import { TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { DeliveryLoop } from './delivery/delivery-loop.service';
import { DeliveryQueue } from './delivery/delivery-queue';
import { DeliveryRetention } from './delivery/delivery-retention.service';
import { DeliveryWakeups } from './delivery/delivery-wakeups';
import type { RandomSource } from './delivery/retry-delay';
import { WebhookSender } from './delivery/webhook-sender';
import { fanOutSubscription } from './fan-out/fan-out-subscription';
import { MetricsController } from './metrics.controller';
import { NotifierMetrics } from './notifier-metrics';
import { notifierSettings, type NotifierSettings } from './notifier-settings';
import { NOTIFIER_SETTINGS, RANDOM_SOURCE } from './notifier-tokens';
import { SecretCipher } from '@care/webhooks';

export interface NotifierOptions {
  /** The retry jitter's random source; Math.random by default. */
  random?: RandomSource;
}

/** Fans events out into webhook deliveries and sends them: one consumer group, one loop. */
@Module({})
export class NotifierModule {
  static forRoot(options: NotifierOptions = {}): DynamicModule {
    return {
      module: NotifierModule,
      imports: [
        ConfigModule,
        LoggingModule.forApp('notifier'),
        EventStoreModule.forRoot({ applicationName: 'care-notifier' }),
        TerminusModule,
      ],
      controllers: [ConsumerHealthController, MetricsController],
      providers: [
        DatabaseHealth,
        { provide: RANDOM_SOURCE, useValue: options.random ?? Math.random },
        { provide: NOTIFIER_SETTINGS, inject: [APP_CONFIG], useFactory: notifierSettings },
        {
          provide: SecretCipher,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => SecretCipher.fromConfig(config),
        },
        eventPublisherProvider('notifier'),
        {
          provide: EVENT_SUBSCRIBER,
          inject: [APP_CONFIG, DataSource, EVENT_PUBLISHER, NOTIFIER_SETTINGS],
          useFactory: (
            config: AppConfig,
            dataSource: DataSource,
            deadLetters: EventPublisher,
            settings: NotifierSettings,
          ) =>
            new KafkaEventSubscriber({
              brokers: config.KAFKA_BROKERS,
              clientId: `${config.KAFKA_CLIENT_ID}-notifier`,
              dataSource,
              deadLetters,
              maxAttempts: config.CONSUMER_MAX_ATTEMPTS,
              partitionsConsumedConcurrently: settings.fanOutConcurrency,
            }),
        },
        {
          provide: DeliveryQueue,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new DeliveryQueue(dataSource),
        },
        {
          provide: NotifierMetrics,
          inject: [DeliveryQueue],
          useFactory: (queue: DeliveryQueue) =>
            new NotifierMetrics({ backlog: () => queue.backlog() }),
        },
        {
          provide: WebhookSender,
          inject: [NOTIFIER_SETTINGS],
          useFactory: (settings: NotifierSettings) =>
            new WebhookSender({
              policy: settings.targets,
              timeoutMs: settings.requestTimeoutMs,
              maxSockets: settings.concurrency,
            }),
        },
        {
          provide: DeliveryWakeups,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => new DeliveryWakeups(config.DATABASE_URL),
        },
        {
          provide: ConsumerGroupMembership,
          inject: [EVENT_SUBSCRIBER, EVENT_PUBLISHER, NOTIFIER_SETTINGS],
          useFactory: (
            subscriber: EventSubscriber,
            deadLetters: EventPublisher,
            settings: NotifierSettings,
          ) => new ConsumerGroupMembership(subscriber, deadLetters, fanOutSubscription(settings)),
        },
        DeliveryLoop,
        DeliveryRetention,
      ],
    };
  }
}
