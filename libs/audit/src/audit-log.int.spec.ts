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
      episodeIds: [episodeId],
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

  it('records a page of episodes as one row per episode, and a request about none as one row', async () => {
    const requestId = randomUUID();
    const episodes = [randomUUID(), randomUUID(), randomUUID()];
    const entry = {
      subject: 'bob',
      roles: ['coordinator'],
      tenantId: 'general-hospital',
      action: 'worklist.read',
      fields: ['patientRef'],
      status: 200,
    };

    await new AuditLog(app).record({ ...entry, requestId, episodeIds: episodes });
    await new AuditLog(app).record({ ...entry, requestId: `${requestId}-empty`, episodeIds: [] });

    const rows = await app.query<{ request_id: string; episode_id: string | null }[]>(
      `SELECT request_id, episode_id FROM audit_log WHERE request_id LIKE $1 || '%'`,
      [requestId],
    );
    expect(
      rows
        .filter((row) => row.request_id === requestId)
        .map((row) => row.episode_id)
        .sort(),
    ).toEqual([...episodes].sort());
    expect(rows.filter((row) => row.request_id !== requestId)).toEqual([
      { request_id: `${requestId}-empty`, episode_id: null },
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
