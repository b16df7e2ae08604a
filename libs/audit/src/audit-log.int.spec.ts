import { randomUUID } from 'node:crypto';
import { createDataSource } from '@care/event-store';
import { loadConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { AuditLog } from './audit-log';

describe('audit log (real PostgreSQL)', () => {
  const config = loadConfig();
  let app: DataSource;
  let owner: DataSource;

  beforeAll(async () => {
    app = await createDataSource({
      url: config.DATABASE_URL,
      poolSize: 1,
      applicationName: 'audit-test',
    }).initialize();
    owner = await createDataSource({
      url: config.DATABASE_OWNER_URL,
      poolSize: 1,
      applicationName: 'audit-test-owner',
    }).initialize();
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
  });

  it('records who read which episode, in what role and tenant, without values', async () => {
    const requestId = randomUUID();
    const episodeId = randomUUID();

    await new AuditLog(app).record({
      requestId,
      subject: 'alice',
      roles: ['coordinator'],
      tenantId: 'general-hospital',
      action: 'episode.read',
      episodeId,
      fields: ['patientRef', 'events'],
      status: 200,
    });

    const rows = await app.query<Record<string, unknown>[]>(
      `SELECT subject, roles, tenant_id, action, episode_id, fields, status FROM audit_log WHERE request_id = $1`,
      [requestId],
    );
    expect(rows).toEqual([
      {
        subject: 'alice',
        roles: ['coordinator'],
        tenant_id: 'general-hospital',
        action: 'episode.read',
        episode_id: episodeId,
        fields: ['patientRef', 'events'],
        status: 200,
      },
    ]);
  });

  it.each([
    ['UPDATE audit_log SET subject = $$mallory$$', 'permission denied'],
    ['DELETE FROM audit_log', 'permission denied'],
    ['TRUNCATE audit_log', 'permission denied'],
  ])('refuses the application role: %s', async (sql, message) => {
    await expect(app.query(sql)).rejects.toThrow(message);
  });

  it.each([
    'UPDATE audit_log SET subject = $$mallory$$',
    'DELETE FROM audit_log',
    'TRUNCATE audit_log',
  ])('refuses even the schema owner: %s', async (sql) => {
    await expect(owner.query(sql)).rejects.toThrow('audit_log is append-only');
  });
});
