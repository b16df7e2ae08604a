import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { WorkerMetrics } from './worker-metrics';

/** Prometheus scrape on the worker's internal port. */
@Controller('metrics')
export class WorkerMetricsController {
  constructor(private readonly metrics: WorkerMetrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.contentType);
    return this.metrics.render();
  }
}
