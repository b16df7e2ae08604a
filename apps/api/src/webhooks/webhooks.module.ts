import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { SecretCipher } from '@care/webhooks';
import { EpisodesModule } from '../episodes/episodes.module';
import { CreateWebhookSubscription } from './create-webhook-subscription.use-case';
import { DeleteWebhookSubscription } from './delete-webhook-subscription.use-case';
import { GetWebhookDelivery } from './get-webhook-delivery.use-case';
import { GetWebhookSubscription } from './get-webhook-subscription.use-case';
import { ListWebhookDeliveries } from './list-webhook-deliveries.use-case';
import { ListWebhookSubscriptions } from './list-webhook-subscriptions.use-case';
import { RedeliverWebhook } from './redeliver-webhook.use-case';
import { RotateWebhookSecret } from './rotate-webhook-secret.use-case';
import { UpdateWebhookSubscription } from './update-webhook-subscription.use-case';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';
import { WebhookTargetCheck } from './webhook-target-check';

/** Webhook subscriptions and their deliveries; apps/notifier sends them. */
@Module({
  imports: [EpisodesModule],
  controllers: [WebhookSubscriptionsController, WebhookDeliveriesController],
  providers: [
    {
      provide: SecretCipher,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => SecretCipher.fromConfig(config),
    },
    WebhookTargetCheck,
    CreateWebhookSubscription,
    ListWebhookSubscriptions,
    GetWebhookSubscription,
    UpdateWebhookSubscription,
    DeleteWebhookSubscription,
    RotateWebhookSecret,
    ListWebhookDeliveries,
    GetWebhookDelivery,
    RedeliverWebhook,
  ],
})
export class WebhooksModule {}
