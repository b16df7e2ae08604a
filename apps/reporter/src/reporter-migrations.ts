import { CreateReportingTables1765600000000 } from './migrations/1765600000000-create-reporting-tables';
import { ReportEdRevisits1766100000000 } from './migrations/1766100000000-report-ed-revisits';
import { ReportCarePlans1766430000000 } from './migrations/1766430000000-report-care-plans';

export const reporterMigrations = [
  CreateReportingTables1765600000000,
  ReportEdRevisits1766100000000,
  ReportCarePlans1766430000000,
];
