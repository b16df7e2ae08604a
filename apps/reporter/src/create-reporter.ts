import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProblemDetailsFilter } from '@care/platform';
import { Logger } from 'nestjs-pino';
import { ReporterModule } from './reporter.module';

/** The reporter with its /health, /ready and /metrics, the same for `main` and for tests. */
export async function createReporter(): Promise<INestApplication> {
  const app = await NestFactory.create(ReporterModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  return app;
}
