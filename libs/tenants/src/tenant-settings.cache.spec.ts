import { DEFAULT_TENANT_SETTINGS } from './default-tenant-settings';
import { TenantSettingsCache } from './tenant-settings.cache';
import type { TenantSettingsRepository } from './tenant-settings.repository';

describe('TenantSettingsCache', () => {
  const repositoryWith = (stored: Record<string, typeof DEFAULT_TENANT_SETTINGS>) => {
    const reads: string[] = [];
    const repository = {
      find: (tenantId: string) => {
        reads.push(tenantId);
        return Promise.resolve(stored[tenantId]);
      },
    } as unknown as TenantSettingsRepository;
    return { repository, reads };
  };

  it('reads a tenant once and answers later calls from memory', async () => {
    const { repository, reads } = repositoryWith({ 'general-hospital': DEFAULT_TENANT_SETTINGS });
    const cache = new TenantSettingsCache(repository);

    const first = await cache.find('general-hospital');
    const second = await cache.find('general-hospital');

    expect(second).toBe(first);
    expect(reads).toEqual(['general-hospital']);
  });

  it('remembers that a tenant has no settings, and keeps tenants apart', async () => {
    const { repository, reads } = repositoryWith({ 'general-hospital': DEFAULT_TENANT_SETTINGS });
    const cache = new TenantSettingsCache(repository);

    expect(await cache.find('st-elsewhere')).toBeUndefined();
    expect(await cache.find('st-elsewhere')).toBeUndefined();
    expect(await cache.find('general-hospital')).toEqual(DEFAULT_TENANT_SETTINGS);
    expect(reads).toEqual(['st-elsewhere', 'general-hospital']);
  });
});
