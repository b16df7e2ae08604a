import type { SqlExecutor } from '@care/event-store';

const ORDER: Record<string, string> = {
  report_episodes: 'episode_key',
  report_handoffs: 'episode_key, handoff_key',
  report_stage_durations: 'episode_key, sequence',
  report_readmissions: 'episode_key, readmission_key',
  report_ed_revisits: 'episode_key, ed_revisit_key',
  report_needs: 'episode_key, domain',
  report_interventions: 'episode_key, intervention_key',
};

/** Every reporting row of a tenant, table by table, in key order: for comparing two builds. */
export async function reportingRows(
  owner: SqlExecutor,
  tenantId: string,
): Promise<Record<string, Record<string, unknown>[]>> {
  const rows: Record<string, Record<string, unknown>[]> = {};
  for (const [table, order] of Object.entries(ORDER)) {
    rows[table] = await owner.query<Record<string, unknown>[]>(
      `SELECT * FROM ${table} WHERE tenant_id = $1 ORDER BY ${order}`,
      [tenantId],
    );
  }
  return rows;
}
