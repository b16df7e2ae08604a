import { Injectable } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { DataSource } from 'typeorm';

/**
 * Which of the tenant's episodes holds a goal, or an intervention or hand-off (a Task): from
 * the worklist model's folded states, under row-level security. An item added a moment ago
 * may not be there yet; the episode itself is then read from its stream.
 */
@Injectable()
export class EpisodeItemLookup {
  constructor(private readonly dataSource: DataSource) {}

  goalEpisode(goalId: string, tenantId: string): Promise<string | undefined> {
    return this.first(
      tenantId,
      `state->'carePlan'->'goals' @> jsonb_build_array(jsonb_build_object('goalId', $2::text))`,
      goalId,
    );
  }

  taskEpisode(taskId: string, tenantId: string): Promise<string | undefined> {
    return this.first(
      tenantId,
      `(state->'carePlan'->'interventions' @> jsonb_build_array(jsonb_build_object('interventionId', $2::text))
        OR state->'handoffs' @> jsonb_build_array(jsonb_build_object('handoffId', $2::text)))`,
      taskId,
    );
  }

  private first(tenantId: string, condition: string, id: string): Promise<string | undefined> {
    return inTenant(this.dataSource, tenantId, async (tx) => {
      const [row] = await tx.query<{ episode_id: string }[]>(
        `SELECT episode_id FROM episode_worklist WHERE tenant_id = $1 AND ${condition} LIMIT 1`,
        [tenantId, id],
      );
      return row?.episode_id;
    });
  }
}
