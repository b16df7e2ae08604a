export * from './workflow-bundle';
export * from './workflow-ids';
export * from './temporal-client.module';
export * from './encryption/encryption-keyring';
export * from './encryption/encryption-codec';
export * from './encryption/care-data-converter';
export * from './temporal.health';
