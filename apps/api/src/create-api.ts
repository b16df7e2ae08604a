import { VersioningType, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProblemDetailsFilter, useJsonBodies } from '@care/platform';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';

/** The HTTP application, configured the same way for `main` and for end-to-end tests. */
export async function createApi(): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  useJsonBodies(app);
  app.enableVersioning({ type: VersioningType.URI });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  return app;
}
