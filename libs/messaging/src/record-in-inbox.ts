import type { SqlExecutor } from '@care/event-store';

/**
 * Records in the caller's transaction that `consumer` applies `eventId`. False when it had
 * already: the event must not be applied again. A concurrent transaction recording the same
 * event makes this wait for its outcome.
 */
export async function recordInInbox(
  tx: SqlExecutor,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const inserted = await tx.query<unknown[]>(
    `INSERT INTO inbox (consumer, event_id) VALUES ($1, $2)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, eventId],
  );
  return inserted.length > 0;
}
