export * from './analytics-input';
export * from './to-analytics-event';
export * from './age-at-discharge';
export { localDate } from './episode-clock';
export { analyticsMigrations } from './analytics-migrations';
