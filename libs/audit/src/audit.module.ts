import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { createDataSource } from '@care/event-store';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import type { DataSource } from 'typeorm';
import { AuditLog } from './audit-log';
import { AuditInterceptor } from './audit.interceptor';

const AUDIT_DATA_SOURCE = Symbol('AUDIT_DATA_SOURCE');

/** Audits every @Audited route of the importing app, over a pool of its own. */
@Module({
  providers: [
    {
      provide: AUDIT_DATA_SOURCE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        createDataSource({
          url: config.DATABASE_URL,
          poolSize: 4,
          applicationName: 'care-audit',
        }).initialize(),
    },
    {
      provide: AuditLog,
      inject: [AUDIT_DATA_SOURCE],
      useFactory: (dataSource: DataSource) => new AuditLog(dataSource),
    },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AuditLog],
})
export class AuditModule implements OnApplicationShutdown {
  constructor(@Inject(AUDIT_DATA_SOURCE) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
