import type { DataSource } from 'typeorm';
import type { LogPosition } from '../event-store.types';
import { LOG_START } from '../event-store.types';
import { inTransaction } from '../in-transaction';
import type { PostgresEventStore } from '../postgres-event-store';
import { CheckpointMoved } from './checkpoint-moved';
import type { Projection } from './projection';
import { moveCheckpoint, readCheckpoint } from './projection-checkpoints';

const BATCH = 1000;

/**
 * Empties a projection's tables and replays the log into them in one transaction, so readers
 * see the old model until the new one is complete. TRUNCATE's lock makes writers of the
 * tables wait: an append whose inline projection is blocked commits after the rebuild and
 * applies on top of it; an async runner's batch fails its compare-and-set and moves on from
 * the rebuilt checkpoint. Needs the owner's connection (TRUNCATE).
 */
export async function rebuildProjection(
  ownerDataSource: DataSource,
  store: PostgresEventStore,
  projection: Projection,
): Promise<number> {
  return inTransaction(ownerDataSource, async (tx) => {
    await tx.query(`TRUNCATE ${projection.tables.map((table) => `"${table}"`).join(', ')}`);
    const followsLog = projection.mode === 'async';
    const checkpoint = followsLog
      ? await readCheckpoint(tx, projection.name, { lock: true })
      : LOG_START;
    let after: LogPosition = LOG_START;
    let total = 0;
    for (;;) {
      // An inline model holds every committed event, and the lock keeps its writers out, so
      // it reads without the gate; an async one stops at the gate like its runner.
      const page = await store.readLog(
        { after, limit: BATCH, types: projection.eventTypes, gated: followsLog },
        tx,
      );
      if (page.events.length === 0) break;
      await projection.apply(page.events, tx);
      total += page.events.length;
      after = page.next;
    }
    if (followsLog && !(await moveCheckpoint(tx, projection.name, checkpoint, after))) {
      throw new CheckpointMoved(projection.name);
    }
    return total;
  });
}
