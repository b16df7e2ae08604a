import { HttpStatus } from '@nestjs/common';
import { problemType, ProblemException } from '@care/platform';
import type { Request, Response } from 'express';
import { toCsv } from './csv';
import { csvColumns, csvRow, type LaidOutReport, type Report } from './report';
import type { ReportFormat } from './report-query';

const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

/** `?format=` when given, else what the Accept header prefers: JSON, or CSV. */
export function reportFormat(request: Request, format: ReportFormat | undefined): ReportFormat {
  if (format) return format;
  switch (request.accepts(['application/json', 'text/csv'])) {
    case 'application/json':
      return 'json';
    case 'text/csv':
      return 'csv';
    default:
      throw new ProblemException({
        type: problemType('not-acceptable'),
        title: 'Not acceptable',
        status: HttpStatus.NOT_ACCEPTABLE,
        detail: 'Reports are application/json or text/csv (also with ?format=json|csv).',
      });
  }
}

/** The report as JSON, or as a CSV attachment named after the tenant, report and grouping. */
export function reportBody(
  response: Response,
  format: ReportFormat,
  { report, fields }: LaidOutReport,
): Report | string {
  response.vary('Accept');
  if (format === 'json') return report;
  const name = [
    report.tenantId,
    report.report,
    report.dischargeYear ?? 'all-years',
    ...(report.groupBy ? [`by-${report.groupBy}`] : []),
  ].join('-');
  response.attachment(`${name}.csv`);
  response.setHeader('content-type', CSV_TYPE);
  return toCsv(
    csvColumns(fields),
    report.rows.map((row) => csvRow(fields, row)),
  );
}
