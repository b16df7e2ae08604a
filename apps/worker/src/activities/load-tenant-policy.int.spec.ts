import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import type { TenantPolicy } from '@care/domain';
import { createDataSource, PostgresEventStore } from '@care/event-store';
import { loadConfig } from '@care/platform';
import { DEFAULT_TENANT_SETTINGS, TenantSettingsRepository } from '@care/tenants';
import type { CareEpisodeActivities } from '@care/workflows';
import type { DataSource } from 'typeorm';
import { createActivities } from './create-activities';

describe('loadTenantPolicy activity (real PostgreSQL)', () => {
  let app: DataSource;
  let owner: DataSource;
  let activities: CareEpisodeActivities;
  // Failing is what half of these tests expect: keep the SDK's failure warnings out of the output.
  const environment = new MockActivityEnvironment({}, { logger: new DefaultLogger('ERROR') });
  const tenants: string[] = [];

  beforeAll(async () => {
    const config = loadConfig();
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 2,
      applicationName: 'load-tenant-policy-int-test',
    }).initialize();
    owner = await createDataSource({
      url: config.DATABASE_OWNER_URL,
      poolSize: 1,
      applicationName: 'load-tenant-policy-int-test-owner',
    }).initialize();
    activities = createActivities({
      eventStore: new PostgresEventStore(app),
      tenantSettings: new TenantSettingsRepository(app),
    });
  });

  afterAll(async () => {
    await owner.query(`DELETE FROM tenant_settings WHERE tenant_id = ANY($1)`, [tenants]);
    await app.destroy();
    await owner.destroy();
  });

  const storedTenant = async (settings: unknown): Promise<string> => {
    const tenantId = `tenant-${randomUUID()}`;
    tenants.push(tenantId);
    await owner.query(`INSERT INTO tenant_settings (tenant_id, settings) VALUES ($1, $2)`, [
      tenantId,
      JSON.stringify(settings),
    ]);
    return tenantId;
  };

  const loadTenantPolicy = (tenantId: string, years: number[]): Promise<TenantPolicy> =>
    environment.run(activities.loadTenantPolicy, { tenantId, years });

  /** The activity's failure, checked to be an ApplicationFailure. */
  const failureOf = async (loading: Promise<unknown>): Promise<ApplicationFailure> => {
    const error: unknown = await loading.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ApplicationFailure);
    return error as ApplicationFailure;
  };

  it('gives a tenant without settings the defaults, with the federal holidays of the years', async () => {
    const tenantId = `tenant-${randomUUID()}`;

    const policy = await loadTenantPolicy(tenantId, [2027]);

    expect(policy.tenantId).toBe(tenantId);
    expect(policy.calendar.timeZone).toBe('America/New_York');
    expect(policy.calendar.holidays).toContain('2027-01-18');
    expect(policy.calendar.holidays).toContain('2027-12-24');
    expect(policy.calendar.holidays.every((date) => date.startsWith('2027-'))).toBe(true);
    expect(policy.handoffs).toEqual(DEFAULT_TENANT_SETTINGS.handoffs);
    expect(policy.ladder).toEqual(DEFAULT_TENANT_SETTINGS.ladder);
    expect(policy.stuck).toEqual(DEFAULT_TENANT_SETTINGS.stuck);
  });

  it('uses the tenant’s stored overrides', async () => {
    const tenantId = await storedTenant({
      timeZone: 'America/Chicago',
      holidayRegion: { country: 'US', state: 'MA' },
      extraHolidays: ['2027-12-23'],
      handoffs: { snf: { acceptWithinHours: 4 } },
      ladder: { remindAtPercent: 75, reassignOnBreach: 3 },
      stuck: { idleHours: 48 },
    });

    const policy = await loadTenantPolicy(tenantId, [2027]);

    expect(policy.calendar.timeZone).toBe('America/Chicago');
    expect(policy.calendar.holidays).toEqual(
      expect.arrayContaining(['2027-01-18', '2027-04-19', '2027-12-23']),
    );
    expect(policy.handoffs.snf).toEqual({
      ...DEFAULT_TENANT_SETTINGS.handoffs.snf,
      acceptWithinHours: 4,
    });
    expect(policy.ladder).toEqual({
      remindAtPercent: 75,
      escalateAtPercent: 100,
      reassignOnBreach: 3,
    });
    expect(policy.stuck.idleHours).toBe(48);
  });

  it('fails without retrying when the stored settings are invalid', async () => {
    const tenantId = await storedTenant({ ladder: { remindAtPercent: 120 } });

    const failure = await failureOf(loadTenantPolicy(tenantId, [2027]));

    expect(failure.nonRetryable).toBe(true);
    expect(failure.type).toBe('InvalidTenantSettings');
    expect(failure.message).toMatch(
      `tenant ${tenantId} has invalid settings: ladder.remindAtPercent: `,
    );
  });

  it('fails without retrying when the tenant’s holiday region has no calendar', async () => {
    const tenantId = await storedTenant({ holidayRegion: { country: 'XX' } });

    const failure = await failureOf(loadTenantPolicy(tenantId, [2027]));

    expect(failure.nonRetryable).toBe(true);
    expect(failure.type).toBe('InvalidTenantSettings');
    expect(failure.message).toBe(
      `tenant ${tenantId} has invalid settings: holidayRegion: no holiday calendar for XX`,
    );
  });

  it('leaves a database failure retryable', async () => {
    const closed = await createDataSource({
      url: loadConfig().DATABASE_URL,
      poolSize: 1,
      applicationName: 'load-tenant-policy-int-test-closed',
    }).initialize();
    await closed.destroy();
    const unreachable = createActivities({
      eventStore: new PostgresEventStore(closed),
      tenantSettings: new TenantSettingsRepository(closed),
    });

    const error: unknown = await environment
      .run(unreachable.loadTenantPolicy, { tenantId: `tenant-${randomUUID()}`, years: [2027] })
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );

    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ApplicationFailure);
  });
});
