import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AsyncProjectionRunner, CheckpointMoved, PostgresEventStore } from '@care/event-store';
import { APP_CONFIG, type AppConfig } from '@care/platform';
import { asyncProjections } from '@care/read-models';
import { DataSource } from 'typeorm';

const MAX_BACKOFF_MS = 30_000;

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
        if (applied === 0) await this.pause(this.config.PROJECTION_POLL_INTERVAL_MS);
      } catch (error) {
        if (error instanceof CheckpointMoved) continue;
        failures += 1;
        const delay = Math.min(
          MAX_BACKOFF_MS,
          this.config.PROJECTION_POLL_INTERVAL_MS * 2 ** failures,
        );
        this.logger.warn(
          `projection ${runner.projection.name} failed (${failures} in a row), retrying in ${delay} ms: ${String(error)}`,
        );
        await this.pause(delay);
      }
    }
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stop.signal }).catch(() => undefined);
  }
}
