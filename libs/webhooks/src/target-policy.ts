import type { AppConfig } from '@care/platform';
import type { TargetPolicy } from './webhook-target';

/** Which targets the api accepts and the notifier sends to: the same rules in both. */
export const targetPolicy = (config: AppConfig): TargetPolicy => ({
  allowInsecureHttp: config.NOTIFIER_ALLOW_INSECURE_HTTP,
  allowPrivateTargets: config.NOTIFIER_ALLOW_PRIVATE_TARGETS,
});
