import { cursorParam, pageLimit, ZodPipe } from '@care/platform';
import { z } from 'zod';
import { webhookSecretSchema } from '@care/webhooks';

export const MAX_EVENT_TYPES = 100;

const targetUrl = z
  .url({ error: 'must be an absolute URL, e.g. https://hooks.example.org/care-events' })
  .max(2048)
  // Stored as the URL parser writes it (scheme and host in lower case), as it is checked.
  .transform((url) => new URL(url).href)
  .meta({
    description:
      'Where deliveries are POSTed: https, a public address (checked now and at every connection); redirects are not followed.',
  });

const eventTypes = z
  .array(z.string().min(1).max(200))
  .max(MAX_EVENT_TYPES)
  .transform((types) => [...new Set(types)])
  .meta({
    description:
      'CloudEvent types to deliver, e.g. care.episode.discharge_recorded.v1; an empty list delivers every type.',
  });

const description = z.string().trim().min(1).max(500);

export const createSubscriptionRequest = z.strictObject({
  url: targetUrl,
  eventTypes,
  description: description.optional(),
  secret: webhookSecretSchema.optional(),
});

export type CreateSubscriptionRequest = z.output<typeof createSubscriptionRequest>;

export const updateSubscriptionRequest = z
  .strictObject({
    url: targetUrl.optional(),
    eventTypes: eventTypes.optional(),
    description: description.nullable().optional(),
    active: z.boolean().optional().meta({
      description: 'false pauses deliveries; they wait and go out once it is true again.',
    }),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: 'name at least one of url, eventTypes, description, active',
  });

export type UpdateSubscriptionRequest = z.output<typeof updateSubscriptionRequest>;

const DAY_SECONDS = 24 * 60 * 60;

export const rotateSecretRequest = z
  .strictObject({
    secret: webhookSecretSchema.optional(),
    previousSecretExpiresInSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * DAY_SECONDS)
      .default(DAY_SECONDS)
      .meta({
        description:
          'How long deliveries keep a signature with the old secret beside the new one (default a day; 0: not at all).',
      }),
  })
  .prefault({});

export type RotateSecretRequest = z.output<typeof rotateSecretRequest>;

const booleanParam = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

export const subscriptionsQuery = z.strictObject({
  active: booleanParam.meta({ description: 'Only active (true) or only paused (false) ones.' }),
  limit: pageLimit(50, 200),
  cursor: cursorParam(z.tuple([z.number().int()])).optional(),
});

export type SubscriptionsQuery = z.output<typeof subscriptionsQuery>;

export const deliveryStatuses = ['pending', 'delivering', 'delivered', 'dead'] as const;

export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const deliveriesQuery = z.strictObject({
  status: z.enum(deliveryStatuses).optional(),
  subscriptionId: z.uuid().optional(),
  eventId: z.uuid().optional(),
  limit: pageLimit(50, 200),
  cursor: cursorParam(z.tuple([z.number().int()])).optional(),
});

export type DeliveriesQuery = z.output<typeof deliveriesQuery>;

export const subscriptionIdParam = new ZodPipe(
  z.uuid('must be a subscription id (UUID)'),
  'subscriptionId',
);

export const deliveryIdParam = new ZodPipe(z.uuid('must be a delivery id (UUID)'), 'deliveryId');
