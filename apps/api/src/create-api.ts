import { VersioningType, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, ProblemDetailsFilter, useJsonBodies, type AppConfig } from '@care/platform';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { serveConsole } from './console/serve-console';
import { renderFhirBodyError } from './intake/fhir-exception.filter';
import { ApiMetrics } from './metrics/api-metrics';
import { serveOpenApi } from './openapi';

/** The HTTP application, configured the same way for `main` and for end-to-end tests. */
export async function createApi(): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.use(app.get(ApiMetrics).timeRequests);
  useJsonBodies(app, { renderError: renderFhirBodyError });
  app.enableVersioning({ type: VersioningType.URI });
  app.enableCors({
    origin: app.get<AppConfig>(APP_CONFIG).API_CORS_ORIGINS,
    allowedHeaders: ['authorization', 'content-type', 'x-namespace'],
    credentials: true,
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  serveOpenApi(app);
  serveConsole(app, app.get<AppConfig>(APP_CONFIG).CONSOLE_DIR);
  app.enableShutdownHooks();
  return app;
}
