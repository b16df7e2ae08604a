import { HttpStatus } from '@nestjs/common';
import { ProblemException, problemType } from '@care/platform';
import type { RefusedTarget } from '@care/webhooks';

export const subscriptionNotFound = (id: string): ProblemException =>
  new ProblemException({
    type: problemType('webhook-subscription-not-found'),
    title: 'Webhook subscription not found',
    status: HttpStatus.NOT_FOUND,
    detail: `No webhook subscription ${id}.`,
  });

export const deliveryNotFound = (id: string): ProblemException =>
  new ProblemException({
    type: problemType('webhook-delivery-not-found'),
    title: 'Webhook delivery not found',
    status: HttpStatus.NOT_FOUND,
    detail: `No webhook delivery ${id}.`,
  });

export const deliveryInFlight = (id: string): ProblemException =>
  new ProblemException({
    type: problemType('webhook-delivery-in-flight'),
    title: 'Delivery in flight',
    status: HttpStatus.CONFLICT,
    detail: `Delivery ${id} is being attempted right now; ask again once the attempt is over.`,
  });

export const unknownEventTypes = (unknown: readonly string[], given: readonly string[]) =>
  new ProblemException({
    type: problemType('unknown-event-types'),
    title: 'Unknown event types',
    status: HttpStatus.BAD_REQUEST,
    detail: `Not event types of this engine: ${unknown.join(', ')}. The contracts (AsyncAPI document) list them.`,
    unknownEventTypes: [...unknown],
    errors: unknown.map((type) => ({
      field: `eventTypes.${given.indexOf(type)}`,
      message: `${type} is not a known event type`,
    })),
  });

export const refusedTarget = (refusal: RefusedTarget): ProblemException =>
  new ProblemException({
    type: problemType('webhook-target-refused'),
    title: 'Webhook target refused',
    status: HttpStatus.BAD_REQUEST,
    detail: `${refusal.message}. Webhooks go to public https targets only.`,
    reason: refusal.reason,
    errors: [{ field: 'url', message: refusal.message }],
  });
