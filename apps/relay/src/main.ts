import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { RelayModule } from './relay.module';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(RelayModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  console.error('[relay] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
