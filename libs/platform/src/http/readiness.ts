import { ServiceUnavailableException } from '@nestjs/common';
import type { HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';

/**
 * A readiness answer with every check's outcome: 200 when all are up, else 503 with the same
 * body, so an operator sees which dependency is down.
 */
export async function readiness(
  response: Response,
  check: () => Promise<HealthCheckResult>,
): Promise<HealthCheckResult> {
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof ServiceUnavailableException)) throw error;
    response.status(503);
    return error.getResponse() as HealthCheckResult;
  }
}
