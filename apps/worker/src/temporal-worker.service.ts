import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { PostgresEventStore } from '@care/event-store';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { careDataConverter, workflowBundleHook, workflowsPath } from '@care/temporal';
import { TenantSettingsRepository } from '@care/tenants';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from './activities/create-activities';

/** Polls the episode task queue; stops taking work and drains on application shutdown. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private stopped?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly eventStore: PostgresEventStore,
    private readonly tenantSettings: TenantSettingsRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.TEMPORAL_ADDRESS });
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      workflowsPath,
      bundlerOptions: { webpackConfigHook: workflowBundleHook },
      dataConverter: careDataConverter(this.config),
      activities: createActivities({
        eventStore: this.eventStore,
        tenantSettings: this.tenantSettings,
      }),
    });
    this.stopped = this.worker.run().catch((error: unknown) => {
      this.logger.error(error, 'Temporal worker stopped unexpectedly');
      process.kill(process.pid, 'SIGTERM');
    });
    this.logger.log(`polling task queue ${this.config.TEMPORAL_TASK_QUEUE}`);
  }

  /** The worker is polling its task queue. */
  get running(): boolean {
    return this.worker?.getState() === 'RUNNING';
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.stopped;
    await this.connection?.close();
  }
}
