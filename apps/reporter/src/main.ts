import 'reflect-metadata';
import { loadConfig } from '@care/platform';
import { createReporter } from './create-reporter';

async function main(): Promise<void> {
  const { REPORTER_HTTP_PORT } = loadConfig();
  const app = await createReporter();
  await app.listen(REPORTER_HTTP_PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  console.error('[reporter] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
