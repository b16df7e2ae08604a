import { Injectable } from '@nestjs/common';
import { handoffKinds, riskTiers } from '@care/domain';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { fraction } from './fraction';
import { laidOutReport, type LaidOutReport, type ReportField } from './report';
import { grouping, hours, OF_TENANT_AND_YEAR, percentile, type Dimension } from './report-sql';
import type { HandoffAcceptanceQuery } from './report-query';

const DIMENSIONS: Record<NonNullable<HandoffAcceptanceQuery['groupBy']>, Dimension> = {
  kind: { expression: 'kind', name: 'kind', order: handoffKinds },
  riskTier: { expression: 'risk_tier', name: 'riskTier', order: riskTiers },
  week: { expression: 'requested_week', name: 'serviceWeek' },
};

interface HandoffRow {
  dischargeYear: number;
  handoffs: number;
  accepted: number;
  acceptedWithinSla: number;
  declined: number;
  reassigned: number;
  escalated: number;
  acceptanceHoursMean: number | null;
  acceptanceHoursP50: number | null;
  acceptanceHoursP90: number | null;
  completed: number;
  completedWithinSla: number;
  completionHoursP50: number | null;
  completionHoursP90: number | null;
  [dimension: string]: string | number | null;
}

const FIELDS: ReportField[] = [
  'handoffs',
  { fraction: 'accepted' },
  { fraction: 'acceptedWithinSla' },
  'acceptanceHoursMean',
  'acceptanceHoursP50',
  'acceptanceHoursP90',
  { fraction: 'declined' },
  { fraction: 'reassigned' },
  { fraction: 'escalated' },
  { fraction: 'completed' },
  { fraction: 'completedWithinSla' },
  'completionHoursP50',
  'completionHoursP90',
];

/**
 * The closed loop of hand-offs (DESIGN §4, rule 8): how many were accepted, how fast (hours
 * from the request to the acceptance, reassignments included) and within the SLA; how many
 * were declined, reassigned or escalated; how many were completed, and how fast from the
 * request.
 */
@Injectable()
export class GetHandoffAcceptance {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, query: HandoffAcceptanceQuery): Promise<LaidOutReport> {
    const dimension = query.groupBy && DIMENSIONS[query.groupBy];
    const { select, groupBy, orderBy } = grouping(dimension);
    const rows = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<HandoffRow[]>(
        `SELECT ${select},
                count(*)::int AS handoffs,
                count(accepted_hours)::int AS accepted,
                count(*) FILTER (WHERE accepted_within_sla)::int AS "acceptedWithinSla",
                count(*) FILTER (WHERE declined)::int AS declined,
                count(*) FILTER (WHERE reassigned)::int AS reassigned,
                count(*) FILTER (WHERE escalated)::int AS escalated,
                ${hours('avg(accepted_hours)')} AS "acceptanceHoursMean",
                ${percentile(0.5, 'accepted_hours')} AS "acceptanceHoursP50",
                ${percentile(0.9, 'accepted_hours')} AS "acceptanceHoursP90",
                count(completed_hours)::int AS completed,
                count(*) FILTER (WHERE completed_within_sla)::int AS "completedWithinSla",
                ${percentile(0.5, 'completed_hours')} AS "completionHoursP50",
                ${percentile(0.9, 'completed_hours')} AS "completionHoursP90"
           FROM report_handoffs
          WHERE ${OF_TENANT_AND_YEAR}
          GROUP BY ${groupBy}
          ORDER BY ${orderBy}`,
        [tenantId, query.dischargeYear ?? null],
      ),
    );
    return laidOutReport(
      'handoff-acceptance',
      tenantId,
      query,
      ['dischargeYear', ...(dimension ? [dimension.name] : [])],
      FIELDS,
      rows,
      (row) => ({
        handoffs: row.handoffs,
        accepted: fraction(row.accepted, row.handoffs),
        acceptedWithinSla: fraction(row.acceptedWithinSla, row.accepted),
        acceptanceHoursMean: row.acceptanceHoursMean,
        acceptanceHoursP50: row.acceptanceHoursP50,
        acceptanceHoursP90: row.acceptanceHoursP90,
        declined: fraction(row.declined, row.handoffs),
        reassigned: fraction(row.reassigned, row.handoffs),
        escalated: fraction(row.escalated, row.handoffs),
        completed: fraction(row.completed, row.accepted),
        completedWithinSla: fraction(row.completedWithinSla, row.completed),
        completionHoursP50: row.completionHoursP50,
        completionHoursP90: row.completionHoursP90,
      }),
    );
  }
}
