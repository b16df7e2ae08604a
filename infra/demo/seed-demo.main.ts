/**
 * `npm run demo:seed`: seeds the demo episodes into a running api (API_URL, default
 * http://127.0.0.1:$API_PORT) for DEMO_TENANT (default general-hospital), then prints them,
 * the console's address and an ops token to sign in with.
 */
import { issueToken } from '../../libs/auth/src/issue-token';
import { loadConfig } from '../../libs/platform/src/config/load-config';
import { formatSummary } from './demo-summary';
import { seedDemo } from './seed-demo';

async function main(): Promise<void> {
  const config = loadConfig();
  const apiUrl = (process.env.API_URL ?? `http://127.0.0.1:${config.API_PORT}`).replace(/\/$/, '');
  const tenantId = process.env.DEMO_TENANT ?? 'general-hospital';
  const log = (line: string) => console.log(`[demo] ${line}`);

  const episodes = await seedDemo({ apiUrl, tenantId, config, log });
  const opsToken = await issueToken(config, { subject: 'ops-lead', roles: ['ops'], tenantId });
  const summary = formatSummary(episodes, {
    tenantId,
    consoleUrl: `${apiUrl}/console/`,
    opsToken,
  });
  for (const line of summary.split('\n')) log(line);
}

main().catch((error: unknown) => {
  console.error('[demo] seeding failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
