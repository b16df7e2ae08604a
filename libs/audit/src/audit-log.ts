import type { DataSource } from 'typeorm';
import type { AuditEntry } from './audit-entry';

export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_log (request_id, subject, roles, tenant_id, action, episode_id, fields, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.requestId,
        entry.subject,
        entry.roles,
        entry.tenantId,
        entry.action,
        entry.episodeId ?? null,
        entry.fields,
        entry.status,
      ],
    );
  }
}
