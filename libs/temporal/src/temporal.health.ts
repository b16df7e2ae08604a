import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { Client } from '@temporalio/client';

/** Readiness: the Temporal frontend answers this app's client within two seconds. */
@Injectable()
export class TemporalHealth {
  constructor(
    private readonly client: Client,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'temporal'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await this.client.withDeadline(Date.now() + 2_000, () =>
        this.client.workflowService.getSystemInfo({}),
      );
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
