import type { RecordedEvent, SqlExecutor } from '../event-store.types';

/**
 * A read model kept from events. Inline projections are applied in the append's transaction;
 * async ones follow the global log from a checkpoint. Either can be rebuilt from the log.
 */
export interface Projection {
  readonly name: string;
  readonly mode: 'inline' | 'async';
  /** Event types it reads; it never sees the others. */
  readonly eventTypes: readonly string[];
  /** Tables it owns; a rebuild empties them first. */
  readonly tables: readonly string[];
  /** Must be idempotent per event: a rebuild or a retried batch may replay one. */
  apply(events: readonly RecordedEvent[], sql: SqlExecutor): Promise<void>;
}
