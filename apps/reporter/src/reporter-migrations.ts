import { CreateReportingTables1765600000000 } from './migrations/1765600000000-create-reporting-tables';
import { ReportEdRevisits1766100000000 } from './migrations/1766100000000-report-ed-revisits';

export const reporterMigrations = [
  CreateReportingTables1765600000000,
  ReportEdRevisits1766100000000,
];
