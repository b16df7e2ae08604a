import type { SqlExecutor } from '@care/event-store';
import { mergeStatement } from './merge-statement';
import type { ReportingChanges } from './reporting-changes';
import {
  reportEdRevisits,
  reportEpisodes,
  reportHandoffs,
  reportInterventions,
  reportNeeds,
  reportReadmissions,
  type ColumnsOf,
  type MergedTable,
  type RowValues,
} from './reporting-tables';

async function merge<Table extends MergedTable<string>>(
  tx: SqlExecutor,
  table: Table,
  changes: ReportingChanges,
  partKey: string | undefined,
  values: RowValues<Table>,
): Promise<void> {
  const columns = Object.keys(values) as ColumnsOf<Table>[];
  await tx.query(mergeStatement(table, columns), [
    changes.tenantId,
    changes.episodeKey,
    ...(partKey === undefined ? [] : [partKey]),
    changes.sequence,
    ...columns.map((column) => values[column]),
  ]);
}

/** The episode's readmission columns, from its readmissions as they now stand. */
const refreshReadmissions = (tx: SqlExecutor, { tenantId, episodeKey }: ReportingChanges) =>
  tx.query(
    `UPDATE report_episodes e
        SET readmitted = r.active > 0, active_readmissions = r.active, readmission_week = r.first_week
       FROM (SELECT count(*) FILTER (WHERE active)::int AS active,
                    min(service_week) FILTER (WHERE active) AS first_week
               FROM report_readmissions WHERE tenant_id = $1 AND episode_key = $2) r
      WHERE e.tenant_id = $1 AND e.episode_key = $2`,
    [tenantId, episodeKey],
  );

/**
 * Applies what one analytics event changes, in the caller's transaction and as its tenant
 * (row-level security). Applying it again, or after a later event of its episode, changes
 * nothing more.
 */
export async function writeReportingChanges(
  tx: SqlExecutor,
  changes: ReportingChanges,
): Promise<void> {
  await tx.query(`SELECT set_config('care.tenant_id', $1, true)`, [changes.tenantId]);
  await merge(tx, reportEpisodes, changes, undefined, changes.episode);
  if (changes.handoff) {
    await merge(tx, reportHandoffs, changes, changes.handoff.key, changes.handoff.values);
  }
  if (changes.readmission) {
    await merge(
      tx,
      reportReadmissions,
      changes,
      changes.readmission.key,
      changes.readmission.values,
    );
    await refreshReadmissions(tx, changes);
  }
  if (changes.edRevisit) {
    await merge(tx, reportEdRevisits, changes, changes.edRevisit.key, changes.edRevisit.values);
  }
  for (const need of changes.needs ?? []) {
    await merge(tx, reportNeeds, changes, need.domain, need.values);
  }
  for (const intervention of changes.interventions ?? []) {
    await merge(tx, reportInterventions, changes, intervention.key, intervention.values);
  }
  const { stageLeft } = changes;
  if (stageLeft) {
    await tx.query(
      `INSERT INTO report_stage_durations (tenant_id, episode_key, sequence, discharge_year, stage,
                                           next_stage, hours, service_week, risk_tier, complexity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT DO NOTHING`,
      [
        changes.tenantId,
        changes.episodeKey,
        changes.sequence,
        changes.dischargeYear,
        stageLeft.stage,
        stageLeft.nextStage,
        stageLeft.hours,
        stageLeft.serviceWeek,
        stageLeft.riskTier,
        stageLeft.complexity,
      ],
    );
  }
}
