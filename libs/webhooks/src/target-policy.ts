import type { AppConfig } from '@care/platform';
import { parsePrivateNetworks } from './private-networks';
import type { TargetPolicy } from './webhook-target';

/**
 * Which targets the api accepts and the notifier sends to: the same rules in both. Throws,
 * naming the variable, when NOTIFIER_PRIVATE_NETWORKS lists a block it may not allow.
 */
export function targetPolicy(config: AppConfig): TargetPolicy {
  let privateNetworks;
  try {
    privateNetworks = parsePrivateNetworks(config.NOTIFIER_PRIVATE_NETWORKS);
  } catch (error) {
    throw new Error(`NOTIFIER_PRIVATE_NETWORKS: ${(error as Error).message}`, { cause: error });
  }
  return {
    allowInsecureHttp: config.NOTIFIER_ALLOW_INSECURE_HTTP,
    allowPrivateTargets: config.NOTIFIER_ALLOW_PRIVATE_TARGETS,
    privateNetworks,
  };
}
