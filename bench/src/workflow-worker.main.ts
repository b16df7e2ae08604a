/**
 * The bench's Temporal worker, in a process of its own so its memory is measured apart from
 * the clients. Built like apps/worker's TemporalWorkerService from the same configuration: the
 * workflow bundle and data converter of @care/temporal, createActivities over the event store
 * (with the inline projections, as EventStoreModule builds it) and the tenant settings
 * repository. Run by WorkflowWorkerProcess, which sets DATABASE_URL to the bench database.
 */
import 'reflect-metadata';
import { createDataSource, PostgresEventStore } from '@care/event-store';
import { loadConfig } from '@care/platform';
import { inlineProjections } from '@care/read-models';
import { careDataConverter, workflowBundleHook, workflowsPath } from '@care/temporal';
import { TenantSettingsRepository } from '@care/tenants';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../apps/worker/src/activities/create-activities';
import type {
  WorkerChildMessage,
  WorkerMemorySample,
  WorkerParentMessage,
} from './worker-messages';

const send = (message: WorkerChildMessage): void => {
  process.send?.(message);
};

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const config = loadConfig();
  const taskQueue = required('BENCH_TASK_QUEUE');
  const maxCachedWorkflows = Number(required('BENCH_MAX_CACHED_WORKFLOWS'));
  const dataSource = await createDataSource({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    applicationName: 'bench-worker',
  }).initialize();
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue,
    workflowsPath,
    bundlerOptions: { webpackConfigHook: workflowBundleHook },
    dataConverter: careDataConverter(config),
    activities: createActivities({
      eventStore: new PostgresEventStore(dataSource, inlineProjections),
      tenantSettings: new TenantSettingsRepository(dataSource),
    }),
    maxCachedWorkflows,
  });

  const memory = (gc: boolean): WorkerMemorySample => {
    if (gc) (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    const status = worker.getStatus();
    return {
      heapUsedBytes: usage.heapUsed,
      externalBytes: usage.external,
      cachedWorkflows: status.numCachedWorkflows,
      inFlightActivations: status.numInFlightWorkflowActivations,
      inFlightActivities: status.numInFlightActivities,
    };
  };
  const shutdown = () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  process.on('message', (message: WorkerParentMessage) => {
    if (message.type === 'sample')
      send({ type: 'memory', id: message.id, sample: memory(message.gc) });
    else shutdown();
  });
  // The bench went away: stop polling rather than linger as an orphan.
  process.on('disconnect', shutdown);

  const running = worker.run();
  send({
    type: 'ready',
    maxCachedWorkflows: worker.options.maxCachedWorkflows,
    reuseV8Context: worker.options.reuseV8Context,
  });
  try {
    await running;
  } finally {
    await connection.close();
    await dataSource.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`${message}\n`);
    if (!process.send) process.exit(1);
    process.send({ type: 'failed', message } satisfies WorkerChildMessage, () => process.exit(1));
  },
);
