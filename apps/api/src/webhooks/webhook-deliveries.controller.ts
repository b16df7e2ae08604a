import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsQuery, ZodPipe, type Page } from '@care/platform';
import { GetWebhookDelivery } from './get-webhook-delivery.use-case';
import { ListWebhookDeliveries } from './list-webhook-deliveries.use-case';
import { RedeliverWebhook } from './redeliver-webhook.use-case';
import type { WebhookDeliveryDetail, WebhookDeliveryItem } from './webhook-delivery-view';
import { deliveriesQuery, deliveryIdParam, type DeliveriesQuery } from './webhook-requests';

/**
 * Webhook deliveries of the tenant (roles ops, admin): what was sent where, what the receiver
 * answered, and redelivery. They name episodes, so reads are audited.
 */
@Controller({ path: 'webhooks/deliveries', version: '1' })
@Roles('ops', 'admin')
export class WebhookDeliveriesController {
  constructor(
    private readonly list: ListWebhookDeliveries,
    private readonly get: GetWebhookDelivery,
    private readonly redeliver: RedeliverWebhook,
  ) {}

  @Get()
  @AcceptsQuery(deliveriesQuery)
  @Audited('webhook.deliveries.read', ['eventType', 'episodeId'])
  deliveries(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(deliveriesQuery, 'query')) query: DeliveriesQuery,
  ): Promise<Page<WebhookDeliveryItem>> {
    return this.list.execute(principal.tenantId, query);
  }

  @Get(':deliveryId')
  @Audited('webhook.delivery.read', ['eventType', 'episodeId', 'payload'])
  delivery(
    @CurrentPrincipal() principal: Principal,
    @Param('deliveryId', deliveryIdParam) id: string,
  ): Promise<WebhookDeliveryDetail> {
    return this.get.execute(principal.tenantId, id);
  }

  /** 202: pending again, due now, with a fresh set of attempts; 409 while one is in flight. */
  @Post(':deliveryId/redeliver')
  @HttpCode(HttpStatus.ACCEPTED)
  @Audited('webhook.delivery.redeliver', ['payload'])
  send(
    @CurrentPrincipal() principal: Principal,
    @Param('deliveryId', deliveryIdParam) id: string,
  ): Promise<WebhookDeliveryItem> {
    return this.redeliver.execute(principal.tenantId, id);
  }
}
