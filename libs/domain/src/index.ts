export * from './care-episode/care-episode-stage';
export * from './care-episode/care-episode-event';
export * from './care-episode/care-episode-command';
export * from './care-episode/care-episode-state';
export * from './care-episode/domain-rule-violation';
export * from './care-episode/evolve';
export * from './care-episode/decide';
export * from './care-episode/fold';
