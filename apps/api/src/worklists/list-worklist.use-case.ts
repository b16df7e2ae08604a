import { Injectable } from '@nestjs/common';
import type { Principal } from '@care/auth';
import { inTenant } from '@care/event-store';
import { toPage, type Page } from '@care/platform';
import { DataSource } from 'typeorm';
import type { EpisodeListItem } from '../episodes/episode-list-item';
import {
  EPISODE_LIST_COLUMNS,
  toEpisodeListItems,
  type EpisodeListRow,
} from '../episodes/episode-list-rows';
import type { WorklistName, WorklistQuery } from './worklist-query';

interface WorklistRow extends EpisodeListRow {
  sort_key: string;
}

/** Today in the episode's own zone: a coordinator's day, not the server's. */
const todayStarts = (now: string) =>
  `date_trunc('day', ${now}::timestamptz AT TIME ZONE w.time_zone) AT TIME ZONE w.time_zone`;
const todayEnds = (now: string) =>
  `(date_trunc('day', ${now}::timestamptz AT TIME ZONE w.time_zone) + interval '1 day') AT TIME ZONE w.time_zone`;

/** What a list is sorted by, earliest first; an episode without one is not on the list. */
const SORTED_BY: Record<WorklistName, (now: () => string) => string> = {
  // Before the clocks start an episode has no deadline; its discharge stands in.
  mine: () => 'COALESCE(w.next_due_at, w.discharged_at)',
  unassigned: () => 'COALESCE(w.next_due_at, w.discharged_at)',
  'due-today': (now) => `(SELECT min(d.due_at) FROM episode_deadlines d
      WHERE d.episode_id = w.episode_id AND d.due_at >= ${todayStarts(now())} AND d.due_at < ${todayEnds(now())})`,
  // The end of the service period closes the episode; it is never overdue work.
  overdue: (now) => `(SELECT min(d.due_at) FROM episode_deadlines d
      WHERE d.episode_id = w.episode_id AND d.due_at < ${now()}::timestamptz AND d.kind <> 'service_end')`,
};

/**
 * Mine: open episodes the caller has documented something in. Unassigned: open episodes nobody
 * has. Due today: a deadline falls on today's date in the episode's zone. Overdue: a deadline
 * has passed unmet.
 */
@Injectable()
export class ListWorklist {
  constructor(private readonly dataSource: DataSource) {}

  execute(
    worklist: WorklistName,
    query: WorklistQuery,
    principal: Principal,
    now = new Date(),
  ): Promise<Page<EpisodeListItem>> {
    const params: unknown[] = [principal.tenantId];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const conditions = ['w.tenant_id = $1', `w.stage NOT IN ('closed', 'cancelled')`];
    if (worklist === 'mine') conditions.push(`${bind(principal.subject)} = ANY(w.coordinators)`);
    if (worklist === 'unassigned') conditions.push('cardinality(w.coordinators) = 0');
    if (query.stage) conditions.push(`w.stage = ${bind(query.stage)}`);
    if (query.riskTier) conditions.push(`w.risk_tier = ${bind(query.riskTier)}`);
    if (query.stuck !== undefined) {
      conditions.push(`(cardinality(w.stuck_reasons) > 0) = ${bind(query.stuck)}`);
    }
    if (query.stuckReason) conditions.push(`${bind(query.stuckReason)} = ANY(w.stuck_reasons)`);
    const after = query.cursor
      ? `WHERE (sort_key, episode_id) > (${bind(query.cursor[0])}::bigint, ${bind(query.cursor[1])}::uuid)`
      : '';
    let nowParam: string | undefined;
    const sortedBy = SORTED_BY[worklist](() => (nowParam ??= bind(now)));
    const sql = `
      SELECT * FROM (
        SELECT ${EPISODE_LIST_COLUMNS},
               floor(extract(epoch FROM w.sort_at) * 1000)::bigint AS sort_key
          FROM (SELECT w.*, ${sortedBy} AS sort_at
                  FROM episode_worklist w WHERE ${conditions.join(' AND ')}) w
         WHERE w.sort_at IS NOT NULL
      ) listed ${after}
      ORDER BY sort_key, episode_id
      LIMIT ${bind(query.limit + 1)}`;
    return inTenant(this.dataSource, principal.tenantId, async (tx) => {
      const rows = await tx.query<WorklistRow[]>(sql, params);
      const page = toPage(
        rows,
        query.limit,
        (row) => row,
        (row) => [Number(row.sort_key), row.episode_id],
      );
      return { ...page, items: await toEpisodeListItems(page.items, now, tx) };
    });
  }
}
