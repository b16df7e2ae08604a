import type { DataSource } from 'typeorm';
import type { EpisodeAction } from './episode-action';

export interface QueuedAction {
  position: string;
  tenantId: string;
  patientId: string;
  action: EpisodeAction;
  attempts: number;
}

interface QueueRow {
  position: string;
  tenant_id: string;
  patient_id: string;
  action: EpisodeAction;
  attempts: number;
}

/**
 * Feed messages accepted but not yet applied to episodes, in arrival order. Stored before the
 * feed gets its ACK, so nothing acknowledged is lost; applied one patient at a time in order, so
 * an admission never overtakes the discharge it follows.
 */
export class IntakeQueue {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly dataSource: DataSource) {}

  async enqueue(tenantId: string, patientId: string, action: EpisodeAction): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO intake_queue (tenant_id, patient_id, action) VALUES ($1, $2, $3)`,
      [tenantId, patientId, JSON.stringify(action)],
    );
    this.wakeListeners();
  }

  /** Told of every enqueue or retry in this process: a dispatcher here need not wait to poll. */
  onEnqueued(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Leases up to `limit` actions, each the oldest pending one of its patient. A lease that runs
   * out (its holder died) makes the action claimable again.
   */
  async claim(limit: number, leaseMs: number): Promise<QueuedAction[]> {
    const rows = await this.dataSource.query<QueueRow[]>(
      `WITH claimed AS (
       UPDATE intake_queue q
          SET claimed_until = now() + make_interval(secs => $2::double precision / 1000),
              attempts = q.attempts + 1
        WHERE q.position IN (
          SELECT c.position FROM intake_queue c
           WHERE c.status = 'pending' AND c.next_attempt_at <= now()
             AND (c.claimed_until IS NULL OR c.claimed_until < now())
             AND NOT EXISTS (
               SELECT 1 FROM intake_queue e
                WHERE e.tenant_id = c.tenant_id AND e.patient_id = c.patient_id
                  AND e.status = 'pending' AND e.position < c.position)
           ORDER BY c.position
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING q.position, q.tenant_id, q.patient_id, q.action, q.attempts)
       SELECT * FROM claimed`,
      [limit, leaseMs],
    );
    // An UPDATE's RETURNING comes back as rows only through a SELECT (TypeORM).
    return rows
      .map((row) => ({
        position: row.position,
        tenantId: row.tenant_id,
        patientId: row.patient_id,
        action: row.action,
        attempts: row.attempts,
      }))
      .sort((a, b) => Number(a.position) - Number(b.position));
  }

  async complete(position: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM intake_queue WHERE position = $1`, [position]);
  }

  /** The episode rules refused it: kept, with the reason, for operations; never retried. */
  async refuse(position: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE intake_queue SET status = 'refused', claimed_until = NULL, last_error = $2
        WHERE position = $1`,
      [position, reason],
    );
  }

  /** It could not be applied now (Temporal or the database unavailable): again after `delayMs`. */
  async retryLater(position: string, error: string, delayMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE intake_queue
          SET claimed_until = NULL, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3::double precision / 1000)
        WHERE position = $1`,
      [position, error, delayMs],
    );
  }

  /**
   * Makes a tenant's pending message due now, for operations once the cause of its failures is
   * gone. Says what became of it: `refused` ones are never retried.
   */
  async retryNow(
    tenantId: string,
    position: string,
  ): Promise<{ outcome: 'due'; nextAttemptAt: Date } | { outcome: 'refused' | 'unknown' }> {
    const rows = await this.dataSource.query<{ status: string; next_attempt_at: Date }[]>(
      `WITH found AS (
         SELECT position, status FROM intake_queue WHERE tenant_id = $1 AND position = $2),
       due AS (
         UPDATE intake_queue q SET next_attempt_at = now()
           FROM found WHERE q.position = found.position AND found.status = 'pending'
         RETURNING q.next_attempt_at)
       SELECT found.status, due.next_attempt_at FROM found LEFT JOIN due ON true`,
      [tenantId, position],
    );
    const [row] = rows;
    if (!row) return { outcome: 'unknown' };
    if (row.status !== 'pending') return { outcome: 'refused' };
    this.wakeListeners();
    return { outcome: 'due', nextAttemptAt: row.next_attempt_at };
  }

  /** A discharge of the encounter still waiting to reach its episode. */
  async dischargePending(tenantId: string, encounterId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM intake_queue
        WHERE tenant_id = $1 AND status = 'pending'
          AND action->>'kind' = 'discharge' AND action->>'encounterId' = $2
        LIMIT 1`,
      [tenantId, encounterId],
    );
    return rows.length > 0;
  }

  /** Any action of the patient still waiting: a later one must queue behind it. */
  async patientPending(tenantId: string, patientId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM intake_queue
        WHERE tenant_id = $1 AND patient_id = $2 AND status = 'pending' LIMIT 1`,
      [tenantId, patientId],
    );
    return rows.length > 0;
  }

  private wakeListeners(): void {
    for (const listener of this.listeners) listener();
  }
}
