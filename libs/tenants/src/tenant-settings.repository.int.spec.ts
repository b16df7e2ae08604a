import { randomUUID } from 'node:crypto';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { InvalidTenantSettings } from './invalid-tenant-settings';
import { TenantSettingsRepository } from './tenant-settings.repository';

describe('TenantSettingsRepository (real PostgreSQL)', () => {
  let app: DataSource;
  let owner: DataSource;
  let repository: TenantSettingsRepository;
  const tenants: string[] = [];

  beforeAll(async () => {
    const config = loadConfig();
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'tenant-settings-int-test',
    }).initialize();
    owner = await createDataSource({
      url: config.DATABASE_OWNER_URL,
      poolSize: 1,
      applicationName: 'tenant-settings-int-test-owner',
    }).initialize();
    repository = new TenantSettingsRepository(app);
  });

  afterAll(async () => {
    await owner.query(`DELETE FROM tenant_settings WHERE tenant_id = ANY($1)`, [tenants]);
    await app.destroy();
    await owner.destroy();
  });

  /** Stores a tenant's settings as an operator would: as the schema owner. */
  const storedTenant = async (settings: unknown): Promise<string> => {
    const tenantId = `tenant-${randomUUID()}`;
    tenants.push(tenantId);
    await owner.query(`INSERT INTO tenant_settings (tenant_id, settings) VALUES ($1, $2)`, [
      tenantId,
      JSON.stringify(settings),
    ]);
    return tenantId;
  };

  it('finds nothing for a tenant without a row', async () => {
    await expect(repository.find(`tenant-${randomUUID()}`)).resolves.toBeUndefined();
  });

  it('reads back a tenant’s stored settings', async () => {
    const settings = {
      timeZone: 'America/Chicago',
      holidayRegion: { country: 'US', state: 'MA' },
      extraHolidays: ['2027-12-23'],
      handoffs: { snf: { acceptWithinHours: 4, fallbackAssignee: 'care-team/snf-desk' } },
      ladder: { remindAtPercent: 75 },
      stuck: { stageSlaHours: { intake: 2 } },
    };
    const tenantId = await storedTenant(settings);

    await expect(repository.find(tenantId)).resolves.toEqual(settings);
  });

  it('reads the column default, an empty object, as no overrides', async () => {
    const tenantId = `tenant-${randomUUID()}`;
    tenants.push(tenantId);
    await owner.query(`INSERT INTO tenant_settings (tenant_id) VALUES ($1)`, [tenantId]);

    await expect(repository.find(tenantId)).resolves.toEqual({});
  });

  it('refuses stored settings that do not fit the schema, naming the tenant and the paths', async () => {
    const tenantId = await storedTenant({
      timeZone: 'Mars/Olympus_Mons',
      handoffs: { pcp: { acceptWithinHours: -1 } },
    });

    const find = repository.find(tenantId);

    await expect(find).rejects.toBeInstanceOf(InvalidTenantSettings);
    await expect(find).rejects.toThrow(
      new RegExp(
        `^tenant ${tenantId} has invalid settings: timeZone: .*; handoffs\\.pcp\\.acceptWithinHours: `,
      ),
    );
  });

  it('stores only JSON objects', async () => {
    await expect(storedTenant(['not', 'an', 'object'])).rejects.toThrow(/check constraint/);
  });

  describe('the application role', () => {
    it('may read tenant settings', async () => {
      const tenantId = await storedTenant({ timeZone: 'America/Denver' });

      await expect(
        app.query(`SELECT settings FROM tenant_settings WHERE tenant_id = $1`, [tenantId]),
      ).resolves.toEqual([{ settings: { timeZone: 'America/Denver' } }]);
    });

    it.each([
      ['change', `UPDATE tenant_settings SET settings = '{}' WHERE tenant_id = $1`],
      ['delete', `DELETE FROM tenant_settings WHERE tenant_id = $1`],
      ['insert', `INSERT INTO tenant_settings (tenant_id) VALUES ($1 || '-copy')`],
    ])('may not %s them', async (_, sql) => {
      const tenantId = await storedTenant({ timeZone: 'America/Denver' });

      await expect(app.query(sql, [tenantId])).rejects.toThrow(
        /permission denied for table tenant_settings/,
      );
      await expect(repository.find(tenantId)).resolves.toEqual({ timeZone: 'America/Denver' });
    });
  });
});
