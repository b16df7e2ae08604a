import { Controller, Get, Res } from '@nestjs/common';
import { DatabaseHealth } from '@care/event-store';
import { readiness } from '@care/platform';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
import { RelayLeadership } from './relay-leadership';

export interface RelayHealth {
  status: 'ok';
  leader: boolean;
}

@Controller()
export class HealthController {
  constructor(
    private readonly leadership: RelayLeadership,
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealth,
  ) {}

  @Get('health')
  live(): RelayHealth {
    return { status: 'ok', leader: this.leadership.isLeader };
  }

  /** Ready while PostgreSQL answers; a standby is ready too, waiting to take over. */
  @Get('ready')
  @HealthCheck()
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return readiness(response, () => this.health.check([() => this.database.check()]));
  }
}
