import type { SqlExecutor } from '@care/event-store';

/**
 * Records in the caller's transaction that `consumer` applies the events `eventIds`; resolves
 * to the ids it had not recorded before (lowercase): only those may be applied. A concurrent
 * transaction recording one of them makes this wait for its outcome; ids are locked in one
 * order, so two such transactions cannot deadlock.
 */
export async function recordInInbox(
  tx: SqlExecutor,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const inserted = await tx.query<{ event_id: string }[]>(
    `INSERT INTO inbox (consumer, event_id)
     SELECT $1, id FROM unnest($2::uuid[]) AS id ORDER BY id
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, eventIds],
  );
  return new Set(inserted.map((row) => row.event_id));
}
