export * from './workflow-bundle';
export * from './workflow-ids';
export * from './temporal-client.module';
