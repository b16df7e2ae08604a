import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProblemDetailsFilter } from '@care/platform';
import { Logger } from 'nestjs-pino';
import { NotifierModule, type NotifierOptions } from './notifier.module';

/** The notifier with its /health, /ready and /metrics, the same for `main` and for tests. */
export async function createNotifier(options: NotifierOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create(NotifierModule.forRoot(options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  return app;
}
