import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { Roles } from '@care/auth';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiMetrics } from './api-metrics';

/** Prometheus scrape endpoint. Tenant names are in its labels, so it wants an ops token. */
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
@ApiExcludeController()
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Get()
  @Roles('ops', 'admin')
  async scrape(@Res({ passthrough: true }) response: Response): Promise<string> {
    response.type(this.metrics.contentType);
    return this.metrics.render();
  }
}
