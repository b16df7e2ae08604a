/**
 * An episode worker for crash tests: the production activities over the real event store and
 * the local Temporal server, optionally SIGKILLing itself right after its Nth append
 * has committed and before the workflow learns of it. Prints READY when polling. Run by
 * EpisodeWorkerProcess, not by Jest.
 */
import 'reflect-metadata';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createDataSource, PostgresEventStore } from '@care/event-store';
import { loadConfig } from '@care/platform';
import { careDataConverter, workflowBundleHook, workflowsPath } from '@care/temporal';
import { TenantSettingsRepository } from '@care/tenants';
import type { CareEpisodeActivities } from '@care/workflows';
import { createActivities } from '../../apps/worker/src/activities/create-activities';
import { applyServerTestEnvironment } from '../server-environment';

function crashingAfter(appends: number, activities: CareEpisodeActivities): CareEpisodeActivities {
  let committed = 0;
  return {
    ...activities,
    async appendEpisodeEvents(input) {
      const result = await activities.appendEpisodeEvents(input);
      committed += 1;
      if (committed === appends) process.kill(process.pid, 'SIGKILL');
      return result;
    },
  };
}

async function main(): Promise<void> {
  applyServerTestEnvironment();
  const config = loadConfig();
  const dataSource = await createDataSource({
    url: config.DATABASE_URL,
    poolSize: 2,
    applicationName: 'episode-worker-harness',
  }).initialize();
  const activities = createActivities({
    eventStore: new PostgresEventStore(dataSource),
    tenantSettings: new TenantSettingsRepository(dataSource),
  });
  const crashAfter = Number(process.env.EPISODE_WORKER_CRASH_AFTER_APPENDS ?? '0');
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: process.env.EPISODE_WORKER_TASK_QUEUE!,
    workflowsPath,
    bundlerOptions: { webpackConfigHook: workflowBundleHook },
    dataConverter: careDataConverter(config),
    activities: crashAfter > 0 ? crashingAfter(crashAfter, activities) : activities,
  });
  process.once('SIGTERM', () => worker.shutdown());
  const running = worker.run();
  console.log('READY');
  await running;
  await connection.close();
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  console.error('episode worker harness failed:', error);
  process.exit(1);
});
