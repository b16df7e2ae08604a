import { Module } from '@nestjs/common';
import { EventStoreModule } from '@care/event-store';
import { ConfigModule, LoggingModule } from '@care/platform';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({
  imports: [ConfigModule, LoggingModule.forApp('worker'), EventStoreModule],
  providers: [TemporalWorkerService],
})
export class WorkerModule {}
