import { Module } from '@nestjs/common';
import { TemporalClientModule } from '@care/temporal';
import { EpisodesModule } from '../episodes/episodes.module';
import { DischargesController } from './discharges.controller';
import { RecordDischarge } from './record-discharge.use-case';

@Module({
  imports: [TemporalClientModule, EpisodesModule],
  controllers: [DischargesController],
  providers: [RecordDischarge],
  exports: [RecordDischarge],
})
export class DischargesModule {}
