import { Controller, Get, Res } from '@nestjs/common';
import { DatabaseHealth } from '@care/event-store';
import { readiness } from '@care/platform';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { TemporalWorkerService } from './temporal-worker.service';

/** The worker's probes on WORKER_HTTP_PORT; it serves nothing else over HTTP. */
@Controller()
export class WorkerHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealth,
    private readonly worker: TemporalWorkerService,
    private readonly indicators: HealthIndicatorService,
  ) {}

  @Get('health')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Ready while PostgreSQL answers and the Temporal worker polls its task queue. */
  @Get('ready')
  @HealthCheck()
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return readiness(response, () =>
      this.health.check([
        () => this.database.check(),
        () => {
          const indicator = this.indicators.check('temporalWorker');
          return this.worker.running ? indicator.up() : indicator.down('not polling');
        },
      ]),
    );
  }
}
