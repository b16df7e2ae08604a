import { Module } from '@nestjs/common';
import { AuditModule } from '@care/audit';
import { EventStoreModule } from '@care/event-store';
import { PatientRepository } from '@care/patients';
import { TemporalClientModule } from '@care/temporal';
import { TenantSettingsCache, TenantSettingsRepository } from '@care/tenants';
import { DataSource } from 'typeorm';
import { DischargesModule } from '../discharges/discharges.module';
import { FhirIntake } from './fhir-intake';
import { FhirController } from './fhir.controller';
import { HandledMessages } from './handled-messages';
import { IntakeDispatcher } from './intake-dispatcher.service';
import { IntakeQueue } from './intake-queue';
import { Hl7Intake } from './hl7-intake';
import { Hl7Controller } from './hl7.controller';
import { MllpListener } from './mllp-listener.service';
import { ProcessIntake } from './process-intake.use-case';
import { RecordFeedCoverage } from './record-feed-coverage.use-case';
import { ResolveFhirSubject } from './resolve-fhir-subject.use-case';

const overDataSource = <T>(make: new (dataSource: DataSource) => T) => ({
  provide: make,
  inject: [DataSource],
  useFactory: (dataSource: DataSource) => new make(dataSource),
});

const eventStore = EventStoreModule.forRoot({ applicationName: 'care-api-intake' });

/** Hospital feeds: HL7 v2 ADT over HTTP and MLLP, FHIR R4 over HTTP. */
@Module({
  imports: [eventStore, TemporalClientModule, DischargesModule, AuditModule],
  controllers: [Hl7Controller, FhirController],
  providers: [
    overDataSource(PatientRepository),
    overDataSource(HandledMessages),
    overDataSource(IntakeQueue),
    overDataSource(TenantSettingsRepository),
    {
      provide: TenantSettingsCache,
      inject: [TenantSettingsRepository],
      useFactory: (repository: TenantSettingsRepository) => new TenantSettingsCache(repository),
    },
    ProcessIntake,
    RecordFeedCoverage,
    ResolveFhirSubject,
    Hl7Intake,
    FhirIntake,
    MllpListener,
    IntakeDispatcher,
  ],
  exports: [IntakeQueue, eventStore],
})
export class IntakeModule {}
