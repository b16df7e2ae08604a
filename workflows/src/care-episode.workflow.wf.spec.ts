import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { workflowBundleHook, workflowsPath } from '@care/temporal';
import { until } from '../../test/support/until';
import { createTimeSkippingEnvironment } from '../../test/temporal-test-server';
import type { AppendEpisodeEventsInput, CareEpisodeActivities } from './care-episode.activities';
import { careEpisode } from './care-episode.workflow';
import {
  cancelDischargeSignal,
  episodeSnapshotQuery,
  recordDischargeUpdate,
  recordReadmissionSignal,
  type DischargeDetails,
} from './care-episode.messages';

const taskQueue = 'care-episode-wf-test';
const discharge: DischargeDetails = {
  encounterId: 'ENC-1001',
  patientRef: 'Patient/42',
  dischargedAt: '2026-11-20T15:30:00-05:00',
};

describe('careEpisode workflow', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  let appends: AppendEpisodeEventsInput[];

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    const activities: CareEpisodeActivities = {
      appendEpisodeEvents: (input) => {
        appends.push(input);
        return Promise.resolve({ nextVersion: input.expectedVersion + input.events.length });
      },
    };
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      bundlerOptions: { webpackConfigHook: workflowBundleHook },
      activities,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  beforeEach(() => {
    appends = [];
  });

  const startEpisode = () => {
    const episodeId = randomUUID();
    return env.client.workflow.start(careEpisode, {
      taskQueue,
      workflowId: `care-episode-${episodeId}`,
      args: [{ episodeId, tenantId: 'general-hospital' }],
    });
  };

  it('rule 1: records the discharge once, at stream version 0, and answers with the new version', async () => {
    const handle = await startEpisode();

    const outcome = await handle.executeUpdate(recordDischargeUpdate, { args: [discharge] });

    expect(outcome).toMatchObject({ recorded: true, version: 1, stage: 'intake' });
    expect(appends).toHaveLength(1);
    expect(appends[0]).toMatchObject({ expectedVersion: 0, tenantId: 'general-hospital' });
    expect(appends[0]!.events).toEqual([
      {
        type: 'care.episode.discharge_recorded.v1',
        data: { ...discharge, episodeId: outcome.episodeId, tenantId: 'general-hospital' },
      },
    ]);
    await handle.terminate();
  });

  it('rule 1: the same discharge sent again changes nothing', async () => {
    const handle = await startEpisode();
    await handle.executeUpdate(recordDischargeUpdate, { args: [discharge] });

    const again = await handle.executeUpdate(recordDischargeUpdate, { args: [discharge] });

    expect(again).toMatchObject({ recorded: false, version: 1 });
    expect(appends).toHaveLength(1);
    await handle.terminate();
  });

  it('serialises concurrent discharges so exactly one append happens', async () => {
    const handle = await startEpisode();

    const outcomes = await Promise.all(
      [1, 2, 3].map(() => handle.executeUpdate(recordDischargeUpdate, { args: [discharge] })),
    );

    expect(outcomes.filter((outcome) => outcome.recorded)).toHaveLength(1);
    expect(appends).toHaveLength(1);
    await handle.terminate();
  });

  it('answers the snapshot query with the folded state', async () => {
    const handle = await startEpisode();
    await handle.executeUpdate(recordDischargeUpdate, { args: [discharge] });

    const snapshot = await handle.query(episodeSnapshotQuery);

    expect(snapshot).toMatchObject({ version: 1, state: { status: 'open', stage: 'intake' } });
    await handle.terminate();
  });

  it('rejects a discharge time that is not a timestamp in the validator, before any append', async () => {
    const handle = await startEpisode();

    await expect(
      handle.executeUpdate(recordDischargeUpdate, {
        args: [{ ...discharge, dischargedAt: 'yesterday' }],
      }),
    ).rejects.toThrow(WorkflowUpdateFailedError);
    expect(appends).toHaveLength(0);
    await handle.terminate();
  });

  /** Signals return once delivered; the episode applies them a moment later. */
  const snapshotAt = (handle: Awaited<ReturnType<typeof startEpisode>>, version: number) =>
    until(
      `the episode at version ${version}`,
      async () => {
        const snapshot = await handle.query(episodeSnapshotQuery);
        return snapshot.version >= version ? snapshot : undefined;
      },
      2_000,
    );

  it('rule 6: a readmission on day 10 is recorded, and sent again changes nothing', async () => {
    const handle = await startEpisode();
    await handle.executeUpdate(recordDischargeUpdate, { args: [discharge] });
    const readmission = {
      admissionEncounterId: 'ENC-2001',
      admittedAt: '2026-11-30T16:00:00-05:00',
    };

    await handle.signal(recordReadmissionSignal, readmission);
    await handle.signal(recordReadmissionSignal, readmission);
    await handle.signal(cancelDischargeSignal, {
      reason: 'A13',
      cancelledAt: readmission.admittedAt,
    });
    const snapshot = await snapshotAt(handle, 3);

    expect(snapshot.version).toBe(3);
    expect(appends.map((append) => append.events[0]?.type)).toEqual([
      'care.episode.discharge_recorded.v1',
      'care.episode.readmission_recorded.v1',
      'care.episode.cancelled.v1',
    ]);
    expect(appends[1]).toMatchObject({ expectedVersion: 1 });
  });

  it('rule 6: an admission outside the 30-day window is refused without failing the episode', async () => {
    const handle = await startEpisode();
    await handle.executeUpdate(recordDischargeUpdate, { args: [discharge] });

    await handle.signal(recordReadmissionSignal, {
      admissionEncounterId: 'ENC-2002',
      admittedAt: '2027-01-30T16:00:00-05:00',
    });
    await handle.signal(recordReadmissionSignal, {
      admissionEncounterId: 'ENC-2003',
      admittedAt: '2026-11-25T08:00:00-05:00',
    });
    const snapshot = await snapshotAt(handle, 2);

    expect(snapshot).toMatchObject({ version: 2, state: { status: 'open', stage: 'intake' } });
    expect(appends[1]?.events).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ admissionEncounterId: 'ENC-2003' }),
      }),
    ]);
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await handle.terminate();
  });

  it('rule 1 (A13): a cancelled discharge cancels the episode and ends its workflow', async () => {
    const handle = await startEpisode();
    await handle.executeUpdate(recordDischargeUpdate, { args: [discharge] });

    await handle.signal(cancelDischargeSignal, {
      reason: 'discharge cancelled (A13)',
      cancelledAt: '2026-11-21T09:00:00-05:00',
    });
    const final = await handle.result();

    expect(final).toMatchObject({ status: 'open', stage: 'cancelled' });
    expect(appends.map((append) => append.events[0]?.type)).toEqual([
      'care.episode.discharge_recorded.v1',
      'care.episode.cancelled.v1',
    ]);
  });
});
