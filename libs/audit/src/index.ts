export * from './audit-entry';
export * from './audit-log';
export * from './audited.decorator';
export * from './audit-scope';
export * from './audit.interceptor';
export * from './audit.module';
export * from './audit-migrations';
