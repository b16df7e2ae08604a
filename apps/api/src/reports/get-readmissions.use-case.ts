import { Injectable } from '@nestjs/common';
import { riskTiers, tcmComplexities } from '@care/domain';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { fraction } from './fraction';
import { laidOutReport, type LaidOutReport, type ReportField } from './report';
import { grouping, OF_TENANT_AND_YEAR, type Dimension } from './report-sql';
import type { ReadmissionsQuery } from './report-query';

const DIMENSIONS: Record<Exclude<ReadmissionsQuery['groupBy'], 'week' | undefined>, Dimension> = {
  riskTier: { expression: 'assessed_risk_tier', name: 'riskTier', order: riskTiers },
  complexity: { expression: 'complexity', name: 'complexity', order: tcmComplexities },
};

interface ReadmissionRow {
  dischargeYear: number;
  closedEpisodes: number;
  readmitted: number;
  readmissions: number;
  edRevisits: number;
  [dimension: string]: string | number | null;
}

const FIELDS: ReportField[] = [
  'closedEpisodes',
  { fraction: 'readmitted' },
  'readmissions',
  'edRevisits',
];

/** The episodes of the tenant whose service period (the 30-day window) has ended. */
const CLOSED = `SELECT * FROM report_episodes WHERE ${OF_TENANT_AND_YEAR} AND stage = 'closed'`;

/**
 * Service weeks 1 to 5 of every year: the episodes whose first readmission fell in the week,
 * over all the closed episodes of the year, so the weeks add up to the year's rate; and the
 * readmissions and ED revisits that fell in it.
 */
const BY_WEEK = `
  WITH closed AS (${CLOSED}),
       years AS (SELECT discharge_year, count(*)::int AS closed FROM closed GROUP BY discharge_year),
       first_readmissions AS (
         SELECT discharge_year, readmission_week AS week, count(*)::int AS episodes
           FROM closed WHERE readmitted GROUP BY discharge_year, readmission_week),
       readmissions AS (
         SELECT r.discharge_year, r.service_week AS week, count(*)::int AS readmissions
           FROM report_readmissions r JOIN closed c USING (tenant_id, episode_key)
          WHERE r.active GROUP BY r.discharge_year, r.service_week),
       ed_revisits AS (
         SELECT v.discharge_year, v.service_week AS week, count(*)::int AS ed_revisits
           FROM report_ed_revisits v JOIN closed c USING (tenant_id, episode_key)
          GROUP BY v.discharge_year, v.service_week)
  SELECT y.discharge_year AS "dischargeYear", w.week AS "serviceWeek",
         y.closed AS "closedEpisodes", coalesce(f.episodes, 0) AS readmitted,
         coalesce(r.readmissions, 0) AS readmissions, coalesce(v.ed_revisits, 0) AS "edRevisits"
    FROM years y CROSS JOIN generate_series(1, 5) AS w(week)
    LEFT JOIN first_readmissions f ON f.discharge_year = y.discharge_year AND f.week = w.week
    LEFT JOIN readmissions r ON r.discharge_year = y.discharge_year AND r.week = w.week
    LEFT JOIN ed_revisits v ON v.discharge_year = y.discharge_year AND v.week = w.week
   ORDER BY y.discharge_year, w.week`;

/**
 * 30-day readmissions (DESIGN §4, rule 6; HRRP) of the episodes whose window has ended: the
 * share readmitted at least once (cancelled admissions, ADT A11, do not count), how many
 * readmissions there were, and beside them the ED revisits of the same 30 days (rule 7).
 * Cancelled episodes are left out: their discharge did not stand.
 */
@Injectable()
export class GetReadmissions {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, query: ReadmissionsQuery): Promise<LaidOutReport> {
    const byWeek = query.groupBy === 'week';
    const dimension =
      query.groupBy && query.groupBy !== 'week' ? DIMENSIONS[query.groupBy] : undefined;
    const { select, groupBy, orderBy } = grouping(dimension);
    const rows = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<ReadmissionRow[]>(
        byWeek
          ? BY_WEEK
          : `SELECT ${select},
                    count(*)::int AS "closedEpisodes",
                    count(*) FILTER (WHERE readmitted)::int AS readmitted,
                    coalesce(sum(active_readmissions), 0)::int AS readmissions,
                    coalesce(sum(ed_revisits), 0)::int AS "edRevisits"
               FROM (${CLOSED}) closed
              GROUP BY ${groupBy}
              ORDER BY ${orderBy}`,
        [tenantId, query.dischargeYear ?? null],
      ),
    );
    const name = byWeek ? 'serviceWeek' : dimension?.name;
    return laidOutReport(
      'readmissions',
      tenantId,
      query,
      ['dischargeYear', ...(name ? [name] : [])],
      FIELDS,
      rows,
      (row) => ({
        closedEpisodes: row.closedEpisodes,
        readmitted: fraction(row.readmitted, row.closedEpisodes),
        readmissions: row.readmissions,
        edRevisits: row.edRevisits,
      }),
    );
  }
}
