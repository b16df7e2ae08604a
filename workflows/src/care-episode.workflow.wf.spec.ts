import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { workflowBundleHook, workflowsPath } from '@care/temporal';
import { createTimeSkippingEnvironment } from '../../test/temporal-test-server';
import type { AppendEpisodeEventsInput, CareEpisodeActivities } from './care-episode.activities';
import { careEpisode } from './care-episode.workflow';
import {
  episodeSnapshotQuery,
  recordDischargeUpdate,
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
});
