export * from './invalid-tenant-settings';
export * from './tenant-settings';
export * from './default-tenant-settings';
export * from './tenant-policy-resolver';
export * from './tenant-settings.repository';
export * from './tenant-migrations';
export * from './tenant-settings.cache';
