import 'reflect-metadata';
import { loadConfig } from '@care/platform';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const { API_PORT } = loadConfig();
  const app = await createApi();
  await app.listen(API_PORT, '0.0.0.0');
}

main().catch((error: unknown) => {
  console.error('[api] failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
