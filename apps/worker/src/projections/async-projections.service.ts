import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AsyncProjectionRunner, CheckpointMoved, PostgresEventStore } from '@care/event-store';
import { APP_CONFIG, backoffDelay, pause, type AppConfig } from '@care/platform';
import { asyncProjections } from '@care/read-models';
import { DataSource } from 'typeorm';

/** Keeps every async read model following the global log. Safe to run in several workers. */
@Injectable()
export class AsyncProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AsyncProjectionsService.name);
  private readonly stop = new AbortController();
  private loops: Promise<void>[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
  ) {}

  onApplicationBootstrap(): void {
    this.loops = asyncProjections.map((projection) =>
      this.follow(new AsyncProjectionRunner(this.dataSource, this.store, projection)),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.loops);
  }

  private async follow(runner: AsyncProjectionRunner): Promise<void> {
    let failures = 0;
    while (!this.stop.signal.aborted) {
      try {
        const applied = await runner.catchUp();
        failures = 0;
        if (applied === 0) await pause(this.config.PROJECTION_POLL_INTERVAL_MS, this.stop.signal);
      } catch (error) {
        if (error instanceof CheckpointMoved) continue;
        failures += 1;
        const delay = backoffDelay(failures, this.config.PROJECTION_POLL_INTERVAL_MS);
        this.logger.warn(
          `projection ${runner.projection.name} failed (${failures} in a row), retrying in ${delay} ms: ${String(error)}`,
        );
        await pause(delay, this.stop.signal);
      }
    }
  }
}
