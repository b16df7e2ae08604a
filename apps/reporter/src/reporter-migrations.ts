import { CreateReportingTables1765600000000 } from './migrations/1765600000000-create-reporting-tables';

export const reporterMigrations = [CreateReportingTables1765600000000];
