import 'reflect-metadata';
import { loadConfig } from '@care/platform';
import { createNotifier } from './create-notifier';

async function main(): Promise<void> {
  const { NOTIFIER_HTTP_PORT } = loadConfig();
  const app = await createNotifier();
  await app.listen(NOTIFIER_HTTP_PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  console.error('[notifier] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
