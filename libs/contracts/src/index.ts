export * from './topics';
export * from './cloud-event';
export * from './event-metadata';
