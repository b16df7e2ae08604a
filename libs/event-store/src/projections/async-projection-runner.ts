import type { DataSource } from 'typeorm';
import { inTransaction } from '../in-transaction';
import type { PostgresEventStore } from '../postgres-event-store';
import { CheckpointMoved } from './checkpoint-moved';
import type { Projection } from './projection';
import { moveCheckpoint, readCheckpoint } from './projection-checkpoints';

/**
 * Applies the global log to an async projection, one batch per transaction together with the
 * checkpoint. Several runners may share a projection: the checkpoint's compare-and-set lets
 * exactly one of them commit each batch.
 */
export class AsyncProjectionRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    readonly projection: Projection,
    private readonly batchSize = 500,
  ) {}

  /** Applies one batch; returns how many events it applied. */
  async runOnce(): Promise<number> {
    const { name, eventTypes } = this.projection;
    return inTransaction(this.dataSource, async (tx) => {
      const from = await readCheckpoint(tx, name);
      const page = await this.store.readLog(
        { after: from, limit: this.batchSize, types: eventTypes },
        tx,
      );
      if (page.events.length === 0) return 0;
      await this.projection.apply(page.events, tx);
      if (!(await moveCheckpoint(tx, name, from, page.next))) throw new CheckpointMoved(name);
      return page.events.length;
    });
  }

  /** Applies batches until the projection has reached the readable end of the log. */
  async catchUp(): Promise<number> {
    let total = 0;
    for (;;) {
      const applied = await this.runOnce();
      total += applied;
      if (applied < this.batchSize) return total;
    }
  }
}
