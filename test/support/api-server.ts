import type { INestApplication } from '@nestjs/common';
import { createApi } from '../../apps/api/src/create-api';

/** The api as main.ts builds it, on a free local port. */
export async function startApi(): Promise<{ api: INestApplication; baseUrl: string }> {
  const api = await createApi();
  await api.listen(0, '127.0.0.1');
  return { api, baseUrl: await api.getUrl() };
}
