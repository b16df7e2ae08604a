export * from './intake-event';
