import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { Public } from '@care/auth';
import { DatabaseHealth } from '@care/event-store';
import { readiness } from '@care/platform';
import { TemporalHealth } from '@care/temporal';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';

/** Probes for the orchestrator: unauthenticated, unversioned, no patient data, not in the API document. */
@Controller({ version: VERSION_NEUTRAL })
@ApiExcludeController()
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealth,
    private readonly temporal: TemporalHealth,
  ) {}

  /** Liveness: the process answers requests. */
  @Get('health')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** Readiness: PostgreSQL and Temporal answer, so requests can be served. */
  @Get('ready')
  @HealthCheck()
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return readiness(response, () =>
      this.health.check([() => this.database.check(), () => this.temporal.check()]),
    );
  }
}
