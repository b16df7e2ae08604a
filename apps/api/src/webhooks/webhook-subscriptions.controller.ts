import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { Audited } from '@care/audit';
import { CurrentPrincipal, Roles, type Principal } from '@care/auth';
import { AcceptsBody, AcceptsQuery, ZodPipe, type Page } from '@care/platform';
import type { Response } from 'express';
import { CreateWebhookSubscription } from './create-webhook-subscription.use-case';
import { DeleteWebhookSubscription } from './delete-webhook-subscription.use-case';
import { GetWebhookSubscription } from './get-webhook-subscription.use-case';
import { ListWebhookSubscriptions } from './list-webhook-subscriptions.use-case';
import { RotateWebhookSecret } from './rotate-webhook-secret.use-case';
import { UpdateWebhookSubscription } from './update-webhook-subscription.use-case';
import {
  createSubscriptionRequest,
  rotateSecretRequest,
  subscriptionIdParam,
  subscriptionsQuery,
  updateSubscriptionRequest,
  type CreateSubscriptionRequest,
  type RotateSecretRequest,
  type SubscriptionsQuery,
  type UpdateSubscriptionRequest,
} from './webhook-requests';
import type {
  WebhookSubscriptionView,
  WebhookSubscriptionWithSecret,
} from './webhook-subscription-view';

/**
 * The tenant's webhook subscriptions (role admin): which event types go to which URL, signed
 * with a secret shown only when it is made. Changes are audited.
 */
@Controller({ path: 'webhooks/subscriptions', version: '1' })
@Roles('admin')
export class WebhookSubscriptionsController {
  constructor(
    private readonly create: CreateWebhookSubscription,
    private readonly list: ListWebhookSubscriptions,
    private readonly get: GetWebhookSubscription,
    private readonly update: UpdateWebhookSubscription,
    private readonly remove: DeleteWebhookSubscription,
    private readonly rotate: RotateWebhookSecret,
  ) {}

  /** 201 with the signing secret (`whsec_…`), which is never shown again. */
  @Post()
  @Header('Cache-Control', 'no-store')
  @AcceptsBody(createSubscriptionRequest)
  @Audited('webhook.subscription.create', ['url', 'eventTypes', 'secret'])
  async subscribe(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(createSubscriptionRequest)) body: CreateSubscriptionRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookSubscriptionWithSecret> {
    const created = await this.create.execute(principal, body);
    response.status(HttpStatus.CREATED).location(`/v1/webhooks/subscriptions/${created.id}`);
    return created;
  }

  @Get()
  @AcceptsQuery(subscriptionsQuery)
  subscriptions(
    @CurrentPrincipal() principal: Principal,
    @Query(new ZodPipe(subscriptionsQuery, 'query')) query: SubscriptionsQuery,
  ): Promise<Page<WebhookSubscriptionView>> {
    return this.list.execute(principal.tenantId, query);
  }

  @Get(':subscriptionId')
  subscription(
    @CurrentPrincipal() principal: Principal,
    @Param('subscriptionId', subscriptionIdParam) id: string,
  ): Promise<WebhookSubscriptionView> {
    return this.get.execute(principal.tenantId, id);
  }

  @Patch(':subscriptionId')
  @AcceptsBody(updateSubscriptionRequest)
  @Audited('webhook.subscription.update', ['url', 'eventTypes', 'active'])
  change(
    @CurrentPrincipal() principal: Principal,
    @Param('subscriptionId', subscriptionIdParam) id: string,
    @Body(new ZodPipe(updateSubscriptionRequest)) body: UpdateSubscriptionRequest,
  ): Promise<WebhookSubscriptionView> {
    return this.update.execute(principal.tenantId, id, body);
  }

  /** 204; its deliveries go with it. */
  @Delete(':subscriptionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Audited('webhook.subscription.delete', ['url'])
  async unsubscribe(
    @CurrentPrincipal() principal: Principal,
    @Param('subscriptionId', subscriptionIdParam) id: string,
  ): Promise<void> {
    await this.remove.execute(principal.tenantId, id);
  }

  /** A new secret, shown this once; the old one also signs until it expires. */
  @Post(':subscriptionId/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @Header('Cache-Control', 'no-store')
  @AcceptsBody(rotateSecretRequest)
  @Audited('webhook.subscription.rotate-secret', ['secret'])
  rotateSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('subscriptionId', subscriptionIdParam) id: string,
    @Body(new ZodPipe(rotateSecretRequest)) body: RotateSecretRequest,
  ): Promise<WebhookSubscriptionWithSecret> {
    return this.rotate.execute(principal, id, body);
  }
}
