import { analyticsMigrations } from '../../libs/analytics/src/analytics-migrations';
import { auditMigrations } from '../../libs/audit/src/audit-migrations';
import { eventStoreMigrations } from '../../libs/event-store/src/data-source';
import { intakeMigrations } from '../../apps/api/src/intake/intake-migrations';
import { patientMigrations } from '../../libs/patients/src/patient-migrations';
import { messagingMigrations } from '../../libs/messaging/src/messaging-migrations';
import { notifierMigrations } from '../../apps/notifier/src/notifier-migrations';
import { readModelMigrations } from '../../libs/read-models/src/read-model-migrations';
import { reporterMigrations } from '../../apps/reporter/src/reporter-migrations';
import { tenantMigrations } from '../../libs/tenants/src/tenant-migrations';

/**
 * Every migration of the engine's database, in the order they apply. Relative imports:
 * Jest's global setup runs this without the path aliases.
 */
export const databaseMigrations = [
  ...eventStoreMigrations,
  ...messagingMigrations,
  ...readModelMigrations,
  ...tenantMigrations,
  ...auditMigrations,
  ...patientMigrations,
  ...intakeMigrations,
  ...analyticsMigrations,
  ...notifierMigrations,
  ...reporterMigrations,
];
