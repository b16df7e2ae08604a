import {
  DEFAULT_TENANT_SETTINGS,
  InvalidTenantSettings,
  type TenantSettingsCache,
} from '@care/tenants';

/**
 * A tenant's time zone, for an episode's facts recorded before its own calendar (the TCM
 * clocks) exists. Settings that cannot be read fall back to the default zone: they stop the
 * episode's clocks already, and must not stop the relay too.
 */
export class TenantTimeZones {
  constructor(private readonly settings: TenantSettingsCache) {}

  async of(tenantId: string): Promise<string> {
    try {
      return (await this.settings.find(tenantId))?.timeZone ?? DEFAULT_TENANT_SETTINGS.timeZone;
    } catch (error) {
      if (error instanceof InvalidTenantSettings) return DEFAULT_TENANT_SETTINGS.timeZone;
      throw error;
    }
  }
}
