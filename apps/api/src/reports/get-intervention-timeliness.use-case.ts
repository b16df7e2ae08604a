import { Injectable } from '@nestjs/common';
import { riskTiers } from '@care/domain';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { fraction } from './fraction';
import { laidOutReport, type LaidOutReport, type ReportField } from './report';
import { grouping, OF_TENANT_AND_YEAR, type Dimension } from './report-sql';
import type { InterventionTimelinessQuery } from './report-query';

const OWNER_KINDS = ['coordinator', 'care_team', 'handoff'] as const;

const DIMENSIONS: Record<NonNullable<InterventionTimelinessQuery['groupBy']>, Dimension> = {
  riskTier: { expression: 'assessed_risk_tier', name: 'riskTier', order: riskTiers },
  owner: { expression: 'owner_kind', name: 'owner', order: OWNER_KINDS },
  week: { expression: 'due_week', name: 'serviceWeek' },
};

interface InterventionRow {
  dischargeYear: number;
  interventions: number;
  completedOnTime: number;
  completedLate: number;
  openOverdue: number;
  openNotYetDue: number;
  cancelled: number;
  failed: number;
  daysLateMean: number | null;
  daysLateMax: number | null;
  [dimension: string]: string | number | null;
}

const FIELDS: ReportField[] = [
  'interventions',
  'due',
  'completedOnTime',
  'completedLate',
  'openOverdue',
  'openNotYetDue',
  'cancelled',
  'failed',
  { fraction: 'onTime' },
  'daysLateMean',
  'daysLateMax',
];

const OPEN = `status IN ('requested', 'in_progress')`;
/** Past its due day: the episode has a fact of a later day (the stream has no "today"). */
const OVERDUE = `${OPEN} AND due_day_offset < last_day_offset`;
const LATE = `status = 'completed' AND NOT on_time`;

/** The interventions of the episodes whose discharge stands, with their episode's facts. */
const INTERVENTIONS = `
  SELECT i.*, e.assessed_risk_tier, e.last_day_offset
    FROM report_interventions i JOIN report_episodes e USING (tenant_id, episode_key)
   WHERE NOT e.cancelled`;

/**
 * Care plan interventions on time (DESIGN §7): of those that came due (completed, or open past
 * their due day), the share completed by their due time; with the late ones and by how many
 * days, the open ones not yet due, and the cancelled and failed ones, which the rate leaves out.
 * An open intervention is overdue once its episode has a fact on a later day than its due day.
 */
@Injectable()
export class GetInterventionTimeliness {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, query: InterventionTimelinessQuery): Promise<LaidOutReport> {
    const dimension = query.groupBy && DIMENSIONS[query.groupBy];
    const { select, groupBy, orderBy } = grouping(dimension);
    const rows = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<InterventionRow[]>(
        `SELECT ${select},
                count(*)::int AS interventions,
                count(*) FILTER (WHERE status = 'completed' AND on_time)::int AS "completedOnTime",
                count(*) FILTER (WHERE ${LATE})::int AS "completedLate",
                count(*) FILTER (WHERE ${OVERDUE})::int AS "openOverdue",
                count(*) FILTER (WHERE ${OPEN} AND NOT coalesce(${OVERDUE}, false))::int
                  AS "openNotYetDue",
                count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
                count(*) FILTER (WHERE status = 'failed')::int AS failed,
                round(avg(days_late) FILTER (WHERE ${LATE}), 1)::float8 AS "daysLateMean",
                max(days_late) FILTER (WHERE ${LATE}) AS "daysLateMax"
           FROM (${INTERVENTIONS}) interventions
          WHERE ${OF_TENANT_AND_YEAR}
          GROUP BY ${groupBy}
          ORDER BY ${orderBy}`,
        [tenantId, query.dischargeYear ?? null],
      ),
    );
    return laidOutReport(
      'intervention-timeliness',
      tenantId,
      query,
      ['dischargeYear', ...(dimension ? [dimension.name] : [])],
      FIELDS,
      rows,
      (row) => {
        const due = row.completedOnTime + row.completedLate + row.openOverdue;
        return {
          interventions: row.interventions,
          due,
          completedOnTime: row.completedOnTime,
          completedLate: row.completedLate,
          openOverdue: row.openOverdue,
          openNotYetDue: row.openNotYetDue,
          cancelled: row.cancelled,
          failed: row.failed,
          onTime: fraction(row.completedOnTime, due),
          daysLateMean: row.daysLateMean,
          daysLateMax: row.daysLateMax,
        };
      },
    );
  }
}
