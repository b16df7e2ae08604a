import { Injectable } from '@nestjs/common';
import { careEpisodeStages, riskTiers, tcmComplexities } from '@care/domain';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { laidOutReport, type LaidOutReport, type ReportField } from './report';
import { hours, OF_TENANT_AND_YEAR, orderOf, percentile, type Dimension } from './report-sql';
import type { StageDurationsQuery } from './report-query';

const DIMENSIONS: Record<NonNullable<StageDurationsQuery['groupBy']>, Dimension> = {
  riskTier: { expression: 'risk_tier', name: 'riskTier', order: riskTiers },
  complexity: { expression: 'complexity', name: 'complexity', order: tcmComplexities },
  week: { expression: 'service_week', name: 'serviceWeek' },
};

interface StageRow {
  dischargeYear: number;
  stage: string;
  exits: number;
  hoursMean: number;
  hoursP50: number;
  hoursP90: number;
  hoursMax: number;
  [dimension: string]: string | number | null;
}

const FIELDS: ReportField[] = ['exits', 'hoursMean', 'hoursP50', 'hoursP90', 'hoursMax'];

/** How long episodes stay in each stage: one sample per stage left, in hours. */
@Injectable()
export class GetStageDurations {
  constructor(private readonly dataSource: DataSource) {}

  async execute(tenantId: string, query: StageDurationsQuery): Promise<LaidOutReport> {
    const dimension = query.groupBy && DIMENSIONS[query.groupBy];
    const by = dimension ? `, ${dimension.expression}` : '';
    const rows = await inTenant(this.dataSource, tenantId, (tx) =>
      tx.query<StageRow[]>(
        `SELECT discharge_year AS "dischargeYear", stage${dimension ? `, ${dimension.expression} AS "${dimension.name}"` : ''},
                count(*)::int AS exits,
                ${hours('avg(hours)')} AS "hoursMean",
                ${percentile(0.5, 'hours')} AS "hoursP50",
                ${percentile(0.9, 'hours')} AS "hoursP90",
                max(hours)::float8 AS "hoursMax"
           FROM report_stage_durations
          WHERE ${OF_TENANT_AND_YEAR}
          GROUP BY discharge_year, stage${by}
          ORDER BY discharge_year, ${orderOf('stage', careEpisodeStages)}${dimension ? `, ${orderOf(dimension.expression, dimension.order)}` : ''}`,
        [tenantId, query.dischargeYear ?? null],
      ),
    );
    return laidOutReport(
      'stage-durations',
      tenantId,
      query,
      ['dischargeYear', 'stage', ...(dimension ? [dimension.name] : [])],
      FIELDS,
      rows,
      (row) => ({
        exits: row.exits,
        hoursMean: row.hoursMean,
        hoursP50: row.hoursP50,
        hoursP90: row.hoursP90,
        hoursMax: row.hoursMax,
      }),
    );
  }
}
