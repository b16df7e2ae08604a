import 'reflect-metadata';
import { loadConfig } from '@care/platform';
import { createRelay } from './create-relay';

async function main(): Promise<void> {
  const { RELAY_METRICS_PORT } = loadConfig();
  const app = await createRelay();
  await app.listen(RELAY_METRICS_PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  console.error('[relay] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
