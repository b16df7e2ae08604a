import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProblemDetailsFilter } from '@care/platform';
import { Logger } from 'nestjs-pino';
import { RelayModule } from './relay.module';

/** The relay with its /metrics and /health endpoints, the same for `main` and for tests. */
export async function createRelay(): Promise<INestApplication> {
  const app = await NestFactory.create(RelayModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  return app;
}
