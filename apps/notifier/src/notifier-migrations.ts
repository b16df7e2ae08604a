import { CreateWebhookSubscriptions1765400000000 } from './migrations/1765400000000-create-webhook-subscriptions';
import { CreateWebhookDeliveries1765410000000 } from './migrations/1765410000000-create-webhook-deliveries';
import { FinishWebhookDelivery1765420000000 } from './migrations/1765420000000-finish-webhook-delivery';
import { PruneDeliveredWebhooks1765800000000 } from './migrations/1765800000000-prune-delivered-webhooks';

export const notifierMigrations = [
  CreateWebhookSubscriptions1765400000000,
  CreateWebhookDeliveries1765410000000,
  FinishWebhookDelivery1765420000000,
  PruneDeliveredWebhooks1765800000000,
];
