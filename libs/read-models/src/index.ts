export * from './episode-summary.projection';
export * from './episode-worklist.projection';
export * from './projections';
export * from './read-model-migrations';
