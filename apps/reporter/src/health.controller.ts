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
import { ReportingConsumer } from './reporting-consumer.service';

@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealth,
    private readonly indicators: HealthIndicatorService,
    private readonly reporting: ReportingConsumer,
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
    return this.reporting.isConsuming
      ? indicator.up()
      : indicator.down({ message: 'the consumer has not joined its group yet' });
  }
}
