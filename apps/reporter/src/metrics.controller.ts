import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ReporterMetrics } from './reporter-metrics';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ReporterMetrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.contentType);
    return this.metrics.render();
  }
}
