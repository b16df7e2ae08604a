import { Module } from '@nestjs/common';
import { DatabaseHealth } from '@care/event-store';
import { TemporalClientModule, TemporalHealth } from '@care/temporal';
import { TerminusModule } from '@nestjs/terminus';
import { EpisodesModule } from '../episodes/episodes.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule, EpisodesModule, TemporalClientModule],
  controllers: [HealthController],
  providers: [DatabaseHealth, TemporalHealth],
})
export class HealthModule {}
