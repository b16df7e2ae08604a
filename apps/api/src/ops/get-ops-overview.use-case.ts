import { Injectable } from '@nestjs/common';
import {
  careEpisodeStages,
  isTerminalStage,
  stuckReasons,
  type CareEpisodeStage,
  type StuckReason,
} from '@care/domain';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';
import { IS_FAILING, type IntakeCounts } from '../intake/intake-problem';
import { complianceToday, type EpisodeOfToday } from './compliance-today';
import type { OpsOverview, StageTime } from './ops-overview';

const OPEN = `stage NOT IN ('closed', 'cancelled')`;

const countsOf = <Key extends string>(keys: readonly Key[], rows: { key: Key; n: number }[]) =>
  Object.fromEntries(
    keys.map((key) => [key, rows.find((row) => row.key === key)?.n ?? 0]),
  ) as Record<Key, number>;

const localDay = (instant: string) => `((${instant})::timestamptz AT TIME ZONE time_zone)::date`;
const today = localDay('$2');

const hours = (value: number | null) => Math.round((value ?? 0) * 10) / 10;

/** Counts from the worklist read model, so the console never polls Temporal. */
@Injectable()
export class GetOpsOverview {
  constructor(private readonly dataSource: DataSource) {}

  execute(tenantId: string, now = new Date()): Promise<OpsOverview> {
    return inTenant(this.dataSource, tenantId, async (tx) => {
      const stages = await tx.query<{ key: CareEpisodeStage; n: number }[]>(
        `SELECT stage AS key, count(*)::int AS n FROM episode_worklist
          WHERE tenant_id = $1 GROUP BY stage`,
        [tenantId],
      );
      const stuck = await tx.query<{ key: StuckReason; n: number }[]>(
        `SELECT reason AS key, count(*)::int AS n
           FROM episode_worklist w, unnest(w.stuck_reasons) AS reason
          WHERE w.tenant_id = $1 AND w.${OPEN} GROUP BY reason`,
        [tenantId],
      );
      const [overdue] = await tx.query<{ n: number }[]>(
        `SELECT count(DISTINCT episode_id)::int AS n FROM episode_deadlines
          WHERE tenant_id = $1 AND due_at < $2 AND kind <> 'service_end'`,
        [tenantId, now],
      );
      const times = await tx.query<
        { stage: CareEpisodeStage; episodes: number; p50: number | null; p90: number | null }[]
      >(
        `SELECT stage, count(*)::int AS episodes,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) AS p90
           FROM (SELECT stage,
                        extract(epoch FROM $2::timestamptz - (state->>'stageSince')::timestamptz)
                          / 3600 AS hours
                   FROM episode_worklist WHERE tenant_id = $1 AND ${OPEN}) open_episodes
          GROUP BY stage`,
        [tenantId, now],
      );
      const ofToday = await tx.query<(EpisodeOfToday & { today: string })[]>(
        `SELECT state,
                ${localDay(`state->'deadlines'->>'contactDue'`)} = ${today} AS "contactDueToday",
                ${localDay(`state->'deadlines'->>'visitDue'`)} = ${today} AS "visitDueToday",
                stage = 'closed' AND ${localDay(`state->>'stageSince'`)} = ${today} AS "closedToday",
                to_char(${today}, 'YYYY-MM-DD') AS today
           FROM episode_worklist
          WHERE tenant_id = $1 AND stage <> 'cancelled'
            AND (${localDay(`state->'deadlines'->>'contactDue'`)} = ${today}
              OR ${localDay(`state->'deadlines'->>'visitDue'`)} = ${today}
              OR (stage = 'closed' AND ${localDay(`state->>'stageSince'`)} = ${today}))`,
        [tenantId, now],
      );
      const [zone] = await tx.query<{ today: string }[]>(
        `SELECT to_char(${today}, 'YYYY-MM-DD') AS today FROM episode_worklist
          WHERE tenant_id = $1 ORDER BY discharged_at DESC LIMIT 1`,
        [tenantId, now],
      );
      const [intake] = await tx.query<IntakeCounts[]>(
        `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
                count(*) FILTER (WHERE ${IS_FAILING})::int AS failing,
                count(*) FILTER (WHERE status = 'refused')::int AS refused
           FROM intake_queue WHERE tenant_id = $1`,
        [tenantId],
      );
      const byStage = countsOf(careEpisodeStages, stages);
      return {
        at: now.toISOString(),
        openEpisodes: careEpisodeStages
          .filter((stage) => !isTerminalStage(stage))
          .reduce((sum, stage) => sum + byStage[stage], 0),
        byStage,
        stuckByReason: countsOf(stuckReasons, stuck),
        overdueEpisodes: overdue?.n ?? 0,
        intake: intake ?? { pending: 0, failing: 0, refused: 0 },
        complianceToday: complianceToday(
          zone?.today ?? now.toISOString().slice(0, 10),
          ofToday,
          now.toISOString(),
        ),
        timeInStage: Object.fromEntries(
          times.map((row): [CareEpisodeStage, StageTime] => [
            row.stage,
            { episodes: row.episodes, p50Hours: hours(row.p50), p90Hours: hours(row.p90) },
          ]),
        ),
      };
    });
  }
}
