import { Injectable } from '@nestjs/common';
import { inTenant } from '@care/event-store';
import { toPage, type Page } from '@care/platform';
import { DataSource } from 'typeorm';
import {
  EPISODE_LIST_COLUMNS,
  toEpisodeListItems,
  type EpisodeListRow,
} from '../episodes/episode-list-rows';
import type { StuckQueueQuery } from './ops-queries';
import type { StuckEpisodeItem } from './stuck-episode-item';

interface StuckRow extends EpisodeListRow {
  sort_key: string;
  stuck_since: Date;
  stage_since: Date;
  handoff_assignees: string[];
}

const HOUR_MS = 3_600_000;

/** Open episodes the rules flag as stuck, longest stuck first: the operations queue. */
@Injectable()
export class ListStuckEpisodes {
  constructor(private readonly dataSource: DataSource) {}

  execute(
    tenantId: string,
    query: StuckQueueQuery,
    now = new Date(),
  ): Promise<Page<StuckEpisodeItem>> {
    const params: unknown[] = [tenantId];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const conditions = [
      'w.tenant_id = $1',
      `w.stage NOT IN ('closed', 'cancelled')`,
      'cardinality(w.stuck_reasons) > 0',
    ];
    if (query.reason) conditions.push(`${bind(query.reason)} = ANY(w.stuck_reasons)`);
    if (query.stage) conditions.push(`w.stage = ${bind(query.stage)}`);
    const after = query.cursor
      ? `WHERE (sort_key, episode_id) > (${bind(query.cursor[0])}::bigint, ${bind(query.cursor[1])}::uuid)`
      : '';
    const sql = `
      SELECT * FROM (
        SELECT ${EPISODE_LIST_COLUMNS},
               (w.state->'stuck'->>'since')::timestamptz AS stuck_since,
               (w.state->>'stageSince')::timestamptz AS stage_since,
               floor(extract(epoch FROM (w.state->'stuck'->>'since')::timestamptz) * 1000)::bigint
                 AS sort_key,
               ARRAY(SELECT handoff->>'assignee'
                       FROM jsonb_array_elements(w.state->'handoffs') AS handoff
                      WHERE handoff->>'status' IN ('requested', 'accepted')
                      ORDER BY handoff->>'assignee') AS handoff_assignees
          FROM episode_worklist w
         WHERE ${conditions.join(' AND ')}
      ) stuck ${after}
      ORDER BY sort_key, episode_id
      LIMIT ${bind(query.limit + 1)}`;
    return inTenant(this.dataSource, tenantId, async (tx) => {
      const rows = await tx.query<StuckRow[]>(sql, params);
      const page = toPage(
        rows,
        query.limit,
        (row) => row,
        (row) => [Number(row.sort_key), row.episode_id],
      );
      const items = await toEpisodeListItems(page.items, now, tx);
      return {
        ...page,
        items: items.map((item, index) => {
          const row = page.items[index]!;
          return {
            ...item,
            stuckSince: row.stuck_since.toISOString(),
            hoursStuck: hoursBetween(row.stuck_since, now),
            stageSince: row.stage_since.toISOString(),
            hoursInStage: hoursBetween(row.stage_since, now),
            handoffAssignees: row.handoff_assignees,
          };
        }),
      };
    });
  }
}

const hoursBetween = (from: Date, to: Date): number =>
  Math.round(((to.getTime() - from.getTime()) / HOUR_MS) * 10) / 10;
