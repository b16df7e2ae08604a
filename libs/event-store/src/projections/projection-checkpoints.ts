import type { LogPosition, SqlExecutor } from '../event-store.types';
import { LOG_START } from '../event-store.types';

interface CheckpointRow {
  transaction_id: string;
  global_position: string;
}

export async function readCheckpoint(
  sql: SqlExecutor,
  name: string,
  options: { lock?: boolean } = {},
): Promise<LogPosition> {
  const rows = await sql.query<CheckpointRow[]>(
    `SELECT transaction_id::text AS transaction_id, global_position
       FROM projection_checkpoints WHERE name = $1 ${options.lock ? 'FOR UPDATE' : ''}`,
    [name],
  );
  const row = rows[0];
  return row
    ? { transactionId: row.transaction_id, globalPosition: row.global_position }
    : LOG_START;
}

/** Compare-and-set: moves the checkpoint only if it is still at `from`. */
export async function moveCheckpoint(
  sql: SqlExecutor,
  name: string,
  from: LogPosition,
  to: LogPosition,
): Promise<boolean> {
  const rows = await sql.query<unknown[]>(
    `WITH moved AS (
       INSERT INTO projection_checkpoints AS c (name, transaction_id, global_position)
       VALUES ($1, $4::xid8, $5::bigint)
       ON CONFLICT (name) DO UPDATE
          SET transaction_id = EXCLUDED.transaction_id,
              global_position = EXCLUDED.global_position,
              updated_at = now()
        WHERE c.transaction_id = $2::xid8 AND c.global_position = $3::bigint
       RETURNING 1)
     SELECT 1 FROM moved`,
    [name, from.transactionId, from.globalPosition, to.transactionId, to.globalPosition],
  );
  return rows.length === 1;
}
