import { LRUCache } from 'lru-cache';
import type { TenantSettings } from './tenant-settings';
import type { TenantSettingsRepository } from './tenant-settings.repository';

const TTL_MS = 30_000;

/**
 * Tenant settings for hot paths (every feed message): read at most every 30 seconds per
 * tenant, so a change reaches them within that time. A tenant without settings is kept too.
 */
export class TenantSettingsCache {
  private readonly cache = new LRUCache<string, { settings?: TenantSettings }>({
    max: 10_000,
    ttl: TTL_MS,
  });

  constructor(private readonly repository: TenantSettingsRepository) {}

  async find(tenantId: string): Promise<TenantSettings | undefined> {
    const cached = this.cache.get(tenantId);
    if (cached) return cached.settings;
    const settings = await this.repository.find(tenantId);
    this.cache.set(tenantId, settings ? { settings } : {});
    return settings;
  }
}
