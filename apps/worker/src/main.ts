import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@care/platform';
import { Logger } from 'nestjs-pino';
import { installTemporalRuntime } from './temporal-runtime';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfig();
  installTemporalRuntime(config.WORKER_TEMPORAL_METRICS_PORT);
  const app = await NestFactory.create(WorkerModule, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.listen(config.WORKER_HTTP_PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  console.error('[worker] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
