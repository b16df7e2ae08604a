import { CreateAuditLog1764600000000 } from './migrations/1764600000000-create-audit-log';

export const auditMigrations = [CreateAuditLog1764600000000];
