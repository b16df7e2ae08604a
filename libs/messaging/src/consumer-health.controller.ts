import { Controller, Get, Res } from '@nestjs/common';
import { DatabaseHealth } from '@care/event-store';
import { readiness } from '@care/platform';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import type { Response } from 'express';
import { ConsumerGroupMembership } from './consumer-group-membership';

/** /health and /ready of an app whose work is a consumer group: ready once it has joined. */
@Controller()
export class ConsumerHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealth,
    private readonly indicators: HealthIndicatorService,
    private readonly membership: ConsumerGroupMembership<never>,
  ) {}

  @Get('health')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready while PostgreSQL answers and the consumer has joined its group. */
  @Get('ready')
  @HealthCheck()
  ready(@Res({ passthrough: true }) response: Response): Promise<HealthCheckResult> {
    return readiness(response, () =>
      this.health.check([() => this.database.check(), () => this.consumer()]),
    );
  }

  private consumer(): HealthIndicatorResult {
    const indicator = this.indicators.check('kafka');
    return this.membership.isConsuming
      ? indicator.up()
      : indicator.down({ message: 'the consumer has not joined its group yet' });
  }
}
