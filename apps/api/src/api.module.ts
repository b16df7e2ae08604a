import { Module } from '@nestjs/common';
import { ConfigModule, LoggingModule } from '@care/platform';
import { DischargesModule } from './discharges/discharges.module';
import { EpisodesModule } from './episodes/episodes.module';

@Module({
  imports: [ConfigModule, LoggingModule.forApp('api'), EpisodesModule, DischargesModule],
})
export class ApiModule {}
