import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { CareEpisodeEvent } from '@care/domain';
import { loadConfig } from '@care/platform';
import {
  careDataConverter,
  failureConverterPath,
  workflowBundleHook,
  workflowsPath,
} from '@care/temporal';
import { resolveTenantPolicy } from '@care/tenants';
import {
  cancelDischargeSignal,
  careEpisode,
  episodeSnapshotQuery,
  recordDischargeUpdate,
  type CareEpisodeActivities,
  type CareEpisodeInput,
  type DischargeDetails,
  type EpisodeSnapshot,
} from '@care/workflows';
import { createTimeSkippingEnvironment } from '../temporal-test-server';
import { until } from './until';

export type EpisodeHandle = WorkflowHandle<typeof careEpisode>;

/** Where recorded scenario histories live; replayed by care-episode.replay.wf.spec.ts. */
export const HISTORIES_DIR = path.resolve(__dirname, '../../workflows/histories');

/**
 * The episode workflow on the time-skipping test server, with an in-memory stream per episode
 * that enforces expected versions like the real store and accepts an identical retry.
 */
export class EpisodeHarness {
  readonly streams = new Map<string, CareEpisodeEvent[]>();
  private worker!: Worker;
  private running!: Promise<void>;
  private sequence = 0;
  /** How many appends fail, as a store outage would, before appends work again. */
  failingAppends = 0;

  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly taskQueue: string,
  ) {}

  private static bundle?: Promise<WorkflowBundleWithSourceMap>;

  /** The workflow code is bundled once per test file, however many harnesses it starts. */
  private static workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
    EpisodeHarness.bundle ??= bundleWorkflowCode({
      workflowsPath,
      failureConverterPath,
      webpackConfigHook: workflowBundleHook,
    });
    return EpisodeHarness.bundle;
  }

  static async start(taskQueue: string): Promise<EpisodeHarness> {
    const harness = new EpisodeHarness(await createTimeSkippingEnvironment(), taskQueue);
    harness.worker = await Worker.create({
      connection: harness.env.nativeConnection,
      taskQueue,
      workflowBundle: await EpisodeHarness.workflowBundle(),
      dataConverter: careDataConverter(loadConfig()),
      activities: harness.activities(),
    });
    harness.running = harness.worker.run();
    return harness;
  }

  async stop(): Promise<void> {
    this.worker?.shutdown();
    await this.running;
    await this.env?.teardown();
  }

  activities(): CareEpisodeActivities {
    return {
      appendEpisodeEvents: ({ episodeId, expectedVersion, events }) => {
        if (this.failingAppends > 0) {
          this.failingAppends -= 1;
          // Retried at once: pending retries would hold the test server's clock back.
          throw ApplicationFailure.create({
            message: 'the event store is unavailable',
            nextRetryDelay: '10 milliseconds',
          });
        }
        const stream = this.streams.get(episodeId) ?? [];
        const retried =
          expectedVersion + events.length <= stream.length &&
          JSON.stringify(stream.slice(expectedVersion, expectedVersion + events.length)) ===
            JSON.stringify(events);
        if (retried) return Promise.resolve({ nextVersion: expectedVersion + events.length });
        if (expectedVersion !== stream.length) {
          throw ApplicationFailure.nonRetryable(
            `expected version ${expectedVersion}, stream is at ${stream.length}`,
            'ExpectedVersionConflict',
          );
        }
        this.streams.set(episodeId, [...stream, ...events]);
        return Promise.resolve({ nextVersion: stream.length + events.length });
      },
      loadTenantPolicy: ({ tenantId, years }) =>
        Promise.resolve(resolveTenantPolicy({ tenantId, settings: undefined, years })),
    };
  }

  async now(): Promise<string> {
    return new Date(await this.env.currentTimeMs()).toISOString();
  }

  /** Moves the test server's clock forward to an instant (never back). */
  async skipTo(instant: string | Date): Promise<void> {
    const ms = new Date(instant).getTime() - (await this.env.currentTimeMs());
    if (ms > 0) await this.env.sleep(ms);
  }

  async skip(hours: number): Promise<void> {
    await this.env.sleep(hours * 3_600_000);
  }

  /** Starts an episode's workflow; nothing is recorded until its discharge arrives. */
  async start(
    input: Partial<CareEpisodeInput> = {},
  ): Promise<{ handle: EpisodeHandle; episodeId: string }> {
    const episodeId = randomUUID();
    const handle = await this.env.client.workflow.start(careEpisode, {
      taskQueue: this.taskQueue,
      workflowId: `care-episode-${episodeId}`,
      args: [{ episodeId, tenantId: 'general-hospital', ...input }],
    });
    return { handle, episodeId };
  }

  async dischargeDetails(): Promise<DischargeDetails> {
    this.sequence += 1;
    return {
      encounterId: `ENC-${this.sequence}`,
      patientRef: `Patient/${this.sequence}`,
      dischargedAt: await this.now(),
    };
  }

  /** Starts an episode, records its discharge now and waits for its clocks to start. */
  async discharge(
    input: Partial<CareEpisodeInput> = {},
  ): Promise<{ handle: EpisodeHandle; episodeId: string }> {
    const { handle, episodeId } = await this.start(input);
    await handle.executeUpdate(recordDischargeUpdate, { args: [await this.dischargeDetails()] });
    await this.snapshotWhen(
      handle,
      (snapshot) => snapshot.state.status === 'open' && snapshot.state.stage !== 'intake',
    );
    return { handle, episodeId };
  }

  snapshotWhen(
    handle: EpisodeHandle,
    ready: (snapshot: EpisodeSnapshot) => boolean,
    what = 'the episode to reach the expected state',
  ): Promise<EpisodeSnapshot> {
    return until(
      what,
      async () => {
        const snapshot = await handle.query(episodeSnapshotQuery);
        return ready(snapshot) ? snapshot : undefined;
      },
      5_000,
    );
  }

  /**
   * Ends an episode through its own rules (terminating one while an activity is in flight
   * leaves the test server unable to skip time).
   */
  async cancel(handle: EpisodeHandle): Promise<void> {
    await handle.signal(cancelDischargeSignal, {
      reason: 'discharge cancelled (A13)',
      cancelledAt: await this.now(),
    });
    await handle.result();
  }

  eventTypes(episodeId: string): string[] {
    return (this.streams.get(episodeId) ?? []).map((event) =>
      event.type.replace(/^care\.episode\.|\.v1$/g, ''),
    );
  }

  events<T extends CareEpisodeEvent['type']>(
    episodeId: string,
    type: T,
  ): Extract<CareEpisodeEvent, { type: T }>[] {
    return (this.streams.get(episodeId) ?? []).filter(
      (event): event is Extract<CareEpisodeEvent, { type: T }> => event.type === type,
    );
  }

  /** Writes the workflow's id and history for replay tests when RECORD_HISTORIES is set. */
  async saveHistory(handle: EpisodeHandle, name: string): Promise<void> {
    if (!process.env.RECORD_HISTORIES) return;
    await mkdir(HISTORIES_DIR, { recursive: true });
    const history = await handle.fetchHistory();
    const recorded = { workflowId: handle.workflowId, history: JSON.parse(historyToJSON(history)) };
    await writeFile(
      path.join(HISTORIES_DIR, `${name}.json`),
      `${JSON.stringify(recorded, null, 2)}\n`,
    );
  }
}
