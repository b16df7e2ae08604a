import { Module } from '@nestjs/common';
import { AuditModule } from '@care/audit';
import { AuthModule } from '@care/auth';
import { ConfigModule, LoggingModule, RateLimitModule } from '@care/platform';
import { CodecModule } from './codec/codec.module';
import { DischargesModule } from './discharges/discharges.module';
import { EpisodeActionsModule } from './episode-actions/episode-actions.module';
import { IntakeModule } from './intake/intake.module';
import { EpisodesModule } from './episodes/episodes.module';
import { FhirReadModule } from './fhir-read/fhir-read.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { OpsModule } from './ops/ops.module';
import { OpsActionsModule } from './ops-actions/ops-actions.module';
import { OpsIntakeModule } from './ops-intake/ops-intake.module';
import { PatientsModule } from './patients/patients.module';
import { ReportsModule } from './reports/reports.module';
import { WorklistsModule } from './worklists/worklists.module';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule.forApp('api'),
    RateLimitModule,
    AuthModule,
    AuditModule,
    EpisodesModule,
    WorklistsModule,
    PatientsModule,
    OpsModule,
    OpsActionsModule,
    OpsIntakeModule,
    HealthModule,
    MetricsModule,
    DischargesModule,
    EpisodeActionsModule,
    IntakeModule,
    FhirReadModule,
    CodecModule,
    WebhooksModule,
    ReportsModule,
  ],
})
export class ApiModule {}
