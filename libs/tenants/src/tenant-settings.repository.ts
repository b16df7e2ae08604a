import type { DataSource } from 'typeorm';
import { parseTenantSettings, type TenantSettings } from './tenant-settings';

/** Reads a tenant's stored settings (table `tenant_settings`); operators write them. */
export class TenantSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The tenant's validated settings, or undefined when it has no row (it runs on the
   * defaults). Throws InvalidTenantSettings when the stored JSON does not fit the schema.
   */
  async find(tenantId: string): Promise<TenantSettings | undefined> {
    const rows = await this.dataSource.query<{ settings: unknown }[]>(
      `SELECT settings FROM tenant_settings WHERE tenant_id = $1`,
      [tenantId],
    );
    const row = rows[0];
    return row ? parseTenantSettings(tenantId, row.settings) : undefined;
  }
}
