import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { NotifierMetrics } from './notifier-metrics';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: NotifierMetrics) {}

  @Get()
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.contentType);
    return this.metrics.render();
  }
}
