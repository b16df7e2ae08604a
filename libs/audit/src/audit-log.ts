import type { DataSource } from 'typeorm';
import type { AuditEntry } from './audit-entry';

export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry): Promise<void> {
    // One row per episode, so "who saw this episode" is one indexed lookup; one row when none.
    const episodeIds = entry.episodeIds.length > 0 ? entry.episodeIds : [null];
    await this.dataSource.query(
      `INSERT INTO audit_log (request_id, subject, roles, tenant_id, action, episode_id, fields, status)
       SELECT $1, $2, $3, $4, $5, episode_id, $7, $8 FROM unnest($6::uuid[]) AS e(episode_id)`,
      [
        entry.requestId,
        entry.subject,
        entry.roles,
        entry.tenantId,
        entry.action,
        episodeIds,
        entry.fields,
        entry.status,
      ],
    );
  }
}
