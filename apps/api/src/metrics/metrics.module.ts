import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EpisodesModule } from '../episodes/episodes.module';
import { ApiMetrics } from './api-metrics';
import { MetricsController } from './metrics.controller';

@Module({
  imports: [EpisodesModule],
  controllers: [MetricsController],
  providers: [
    {
      provide: ApiMetrics,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new ApiMetrics(dataSource),
    },
  ],
  exports: [ApiMetrics],
})
export class MetricsModule {}
