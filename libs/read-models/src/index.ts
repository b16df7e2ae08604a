export * from './episode-summary.projection';
export * from './episode-timeline.projection';
export * from './projections';
export * from './read-model-migrations';
