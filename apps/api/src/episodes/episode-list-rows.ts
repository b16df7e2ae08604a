import type { CareEpisodeStage, DeadlineKind, RiskTier, StuckReason } from '@care/domain';
import type { EntityManager } from 'typeorm';
import { deadlineView, type DeadlineView, type EpisodeListItem } from './episode-list-item';

/** The worklist columns every episode list selects, as `w`. */
export const EPISODE_LIST_COLUMNS = `w.episode_id, w.patient_ref, w.stage, w.risk_tier,
  w.stuck_reasons, w.discharged_at, w.next_due_at`;

export interface EpisodeListRow {
  episode_id: string;
  patient_ref: string;
  stage: CareEpisodeStage;
  risk_tier: RiskTier | null;
  stuck_reasons: StuckReason[];
  discharged_at: Date;
  next_due_at: Date | null;
}

interface DeadlineRow {
  episode_id: string;
  kind: DeadlineKind;
  handoff_id: string;
  item_id: string;
  due_at: Date;
}

/** Turns a page of rows into items, with each episode's unmet deadlines as of `now`. */
export async function toEpisodeListItems(
  rows: readonly EpisodeListRow[],
  now: Date,
  tx: EntityManager,
): Promise<EpisodeListItem[]> {
  const deadlines = await tx.query<DeadlineRow[]>(
    `SELECT episode_id, kind, handoff_id, item_id, due_at FROM episode_deadlines
      WHERE episode_id = ANY($1::uuid[]) ORDER BY due_at, kind, item_id`,
    [rows.map((row) => row.episode_id)],
  );
  const byEpisode = new Map<string, DeadlineView[]>();
  for (const deadline of deadlines) {
    const views = byEpisode.get(deadline.episode_id) ?? [];
    views.push(
      deadlineView(
        {
          kind: deadline.kind,
          dueAt: deadline.due_at.toISOString(),
          ...(deadline.handoff_id ? { handoffId: deadline.handoff_id } : {}),
          ...(deadline.kind === 'intervention' ? { interventionId: deadline.item_id } : {}),
        },
        now,
      ),
    );
    byEpisode.set(deadline.episode_id, views);
  }
  return rows.map((row) => ({
    episodeId: row.episode_id,
    patientRef: row.patient_ref,
    stage: row.stage,
    ...(row.risk_tier ? { riskTier: row.risk_tier } : {}),
    stuckReasons: row.stuck_reasons,
    dischargedAt: row.discharged_at.toISOString(),
    ...(row.next_due_at ? { nextDueAt: row.next_due_at.toISOString() } : {}),
    deadlines: byEpisode.get(row.episode_id) ?? [],
  }));
}
