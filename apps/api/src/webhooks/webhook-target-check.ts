import { Inject, Injectable } from '@nestjs/common';
import { episodeEventTypes } from '@care/contracts';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { checkWebhookTarget, RefusedTarget, targetPolicy, type TargetPolicy } from '@care/webhooks';
import { refusedTarget, unknownEventTypes } from './webhook-problems';

const knownTypes = new Set<string>(episodeEventTypes);

/** What a subscription names is checked before it is stored: its target and its event types. */
@Injectable()
export class WebhookTargetCheck {
  private readonly policy: TargetPolicy;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.policy = targetPolicy(config);
  }

  /** 400 naming the rule when the SSRF guard refuses the URL or an address its host resolves to. */
  async checkUrl(url: string): Promise<void> {
    try {
      await checkWebhookTarget(new URL(url), this.policy);
    } catch (error) {
      if (error instanceof RefusedTarget) throw refusedTarget(error);
      throw error;
    }
  }

  /** 400 listing every type that is not one of the engine's event types. */
  checkEventTypes(types: readonly string[]): void {
    const unknown = types.filter((type) => !knownTypes.has(type));
    if (unknown.length > 0) throw unknownEventTypes(unknown, types);
  }
}
