export * from './event-store.types';
export * from './expected-version-conflict';
export * from './deterministic-event-id';
export * from './postgres-event-store';
export * from './outbox-store';
export * from './data-source';
export * from './event-store.module';
export * from './migrate-database';
